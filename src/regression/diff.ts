import { formatBytes, formatMs } from '../units.js'
import type { Metrics } from '../report/metrics.js'
import { sideBySideFailure, type SideBySide } from './side-by-side.js'
import type { CompositionChange, Delta, Regression, RegressionOptions } from './types.js'

export type { CompositionChange, Delta, Regression, RegressionOptions }

/** Change from before to after, with the percentage (0 when before is 0). Pure. */
export function delta(before: number, after: number): Delta {
  return {
    before,
    after,
    delta: after - before,
    pct: before === 0 ? 0 : ((after - before) / before) * 100
  }
}

/**
 * How big a startup change must be before it means anything: the floor, or twice the larger
 * run-to-run spread (CV × median) of the two builds, whichever is more. Pure.
 */
export function startupNoiseMs(
  current: Metrics['startup'],
  base: Metrics['startup'],
  floorMs: number
): number {
  const spread = Math.max(current.cv * current.medianMs, base.cv * base.medianMs)
  return Math.round(Math.max(floorMs, 2 * spread))
}

/** Packages that grew, shrank, appeared or vanished (changes under 1 KiB are ignored), biggest first. Pure. */
export function compositionChanges(
  current: Metrics['composition'],
  base: Metrics['composition']
): CompositionChange[] {
  const before = new Map(base.map(e => [e.package, e.bytes]))
  const after = new Map(current.map(e => [e.package, e.bytes]))
  const names = new Set([...before.keys(), ...after.keys()])
  const changes: CompositionChange[] = []
  for (const name of names) {
    const b = before.get(name) ?? 0
    const a = after.get(name) ?? 0
    if (Math.abs(a - b) < 1024) continue
    const status = !before.has(name) ? 'new' : !after.has(name) ? 'gone' : a > b ? 'grew' : 'shrank'
    changes.push({ package: name, before: b, after: a, delta: a - b, status })
  }
  return changes.sort(
    (x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.package.localeCompare(y.package)
  )
}

/**
 * Compares a build with its baseline: size exactly, against max-size-increase; startup side by side
 * when both binaries were timed interleaved in this job (sideBySide), else against the baseline's
 * recorded figure outside the noise band. Pure.
 */
export function compareToBaseline(
  current: Metrics,
  base: Metrics | null,
  o: RegressionOptions,
  sideBySide?: SideBySide
): Regression {
  if (!base) return { status: 'neutral', size: null, startup: null, composition: [], failures: [] }
  const size = delta(base.binary.sizeBytes, current.binary.sizeBytes)
  const failures: string[] = []
  if (size.pct > o.maxSizeIncreasePct) {
    failures.push(
      `Binary grew ${formatBytes(size.delta)} (+${size.pct.toFixed(1)}%) over the baseline's ${formatBytes(size.before)}, above max-size-increase ${o.maxSizeIncreasePct}%`
    )
  }
  const composition = compositionChanges(current.composition, base.composition)
  if (sideBySide) {
    const failure = sideBySideFailure(sideBySide, o)
    if (failure) failures.push(failure)
    const startup = {
      before: sideBySide.baseMedianMs,
      after: sideBySide.currentMedianMs,
      delta: sideBySide.medianDiffMs,
      pct: Math.round((sideBySide.medianRatio - 1) * 1000) / 10,
      noiseMs: o.startupFloorMs,
      significant: failure !== null,
      sideBySide
    }
    return { status: failures.length ? 'fail' : 'pass', size, startup, composition, failures }
  }
  const noiseMs = startupNoiseMs(current.startup, base.startup, o.startupFloorMs)
  const st = delta(base.startup.medianMs, current.startup.medianMs)
  const startup = { ...st, noiseMs, significant: Math.abs(st.delta) > noiseMs }
  if (startup.pct > o.maxStartupIncreasePct && startup.significant) {
    failures.push(
      `Startup median rose ${formatMs(startup.delta)} (+${startup.pct.toFixed(1)}%) over the baseline's ${formatMs(startup.before)}, above max-startup-increase ${o.maxStartupIncreasePct}% and the ${formatMs(noiseMs)} noise band`
    )
  }
  return {
    status: failures.length ? 'fail' : 'pass',
    size,
    startup,
    composition,
    failures
  }
}
