import { formatMs } from '../units.js'
import type { RunContext } from '../context.js'
import type { BuildInputs } from '../inputs.js'
import { commandTimeoutMs } from '../run/side.js'
import { runBounded } from '../process.js'
import { median, percentile } from '../validate/stats.js'

/** One interleaved pair: the base branch's binary and this build's, started back to back. */
export interface StartupPair {
  baseMs: number
  currentMs: number
}

/** Startup of this build against the base branch's binary, timed interleaved in one job. */
export interface SideBySide {
  pairs: number
  baseMedianMs: number
  currentMedianMs: number
  /** Median over the pairs of this build's time ÷ the base's. */
  medianRatio: number
  /** The middle half of the per-pair ratios (25th to 75th percentile): their spread. */
  ratioP25: number
  ratioP75: number
  /** Pairs in which this build's binary was the slower one. */
  slowerPairs: number
  /** Median over the pairs of this build's time − the base's, in ms. */
  medianDiffMs: number
}

/** A slowdown counts only when this build was slower in at least this share of the pairs. */
export const SLOWER_SHARE = 0.75

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places

/** Ratio, spread and the count of slower pairs over interleaved startup pairs. Pure. */
export function summarizePairs(pairs: readonly StartupPair[]): SideBySide {
  const ratios = pairs.map(p => p.currentMs / p.baseMs)
  const diffs = pairs.map(p => p.currentMs - p.baseMs)
  return {
    pairs: pairs.length,
    baseMedianMs: round(median(pairs.map(p => p.baseMs)), 1),
    currentMedianMs: round(median(pairs.map(p => p.currentMs)), 1),
    medianRatio: round(median(ratios), 3),
    ratioP25: round(percentile(ratios, 25), 3),
    ratioP75: round(percentile(ratios, 75), 3),
    slowerPairs: diffs.filter(d => d > 0).length,
    medianDiffMs: round(median(diffs), 1)
  }
}

/**
 * A startup regression only when it holds across the interleaved runs: slower in most pairs
 * (SLOWER_SHARE), the median ratio above 1 + max-startup-increase, and the median difference
 * above startup-increase-floor. Load on the runner slows both binaries alike, so it moves none of
 * the three. Returns the failure line, or null. Pure.
 */
export function sideBySideFailure(
  s: SideBySide,
  o: { maxStartupIncreasePct: number; startupFloorMs: number }
): string | null {
  const mostPairs = s.slowerPairs >= Math.ceil(SLOWER_SHARE * s.pairs)
  const aboveRatio = s.medianRatio > 1 + o.maxStartupIncreasePct / 100
  const aboveFloor = s.medianDiffMs > o.startupFloorMs
  if (!(mostPairs && aboveRatio && aboveFloor)) return null
  return `Startup is ${s.medianRatio.toFixed(2)}× the base branch's binary side by side (middle half ${s.ratioP25.toFixed(2)}–${s.ratioP75.toFixed(2)}×, +${formatMs(s.medianDiffMs)} median), slower in ${s.slowerPairs} of ${s.pairs} interleaved pairs: above max-startup-increase ${o.maxStartupIncreasePct}% and the ${formatMs(o.startupFloorMs)} floor`
}

/** One line on the side-by-side figures, for the log and the comment. Pure. */
export function describeSideBySide(s: SideBySide): string {
  return `${s.medianRatio.toFixed(2)}× the base (middle half ${s.ratioP25.toFixed(2)}–${s.ratioP75.toFixed(2)}×), ${formatMs(s.currentMedianMs)} vs ${formatMs(s.baseMedianMs)}, slower in ${s.slowerPairs} of ${s.pairs} pairs`
}

/**
 * Starts the base binary and this build's in turn with the same arguments, `pairs` times (after one
 * warm-up pair that is not counted), alternating which goes first so neither always inherits the
 * other's warm caches. A run that does not exit 0 stops the comparison: no figures beat wrong ones.
 */
export async function timeInterleaved(
  base: string,
  current: string,
  args: string[],
  options: { pairs: number; env: NodeJS.ProcessEnv; timeoutMs: number }
): Promise<StartupPair[] | { error: string }> {
  const time = async (binary: string): Promise<number | string> => {
    const r = await runBounded(binary, args, { env: options.env, timeoutMs: options.timeoutMs })
    if (r.spawnError) return `could not start ${binary}: ${r.spawnError}`
    if (r.timedOut) return `${binary} timed out after ${options.timeoutMs} ms`
    if (r.exitCode !== 0) return `${binary} exited ${r.exitCode ?? r.signal}`
    return r.ms
  }
  const pairs: StartupPair[] = []
  for (let i = 0; i <= options.pairs; i++) {
    const order = i % 2 === 0 ? [base, current] : [current, base]
    const first = await time(order[0])
    if (typeof first === 'string') return { error: first }
    const second = await time(order[1])
    if (typeof second === 'string') return { error: second }
    // Pair 0 warms the page cache for both binaries and is not counted.
    if (i === 0) continue
    pairs.push(
      order[0] === base
        ? { baseMs: first, currentMs: second }
        : { baseMs: second, currentMs: first }
    )
  }
  return pairs
}

/**
 * Times the base branch's binary and this build's interleaved, in this job; undefined (and the
 * recorded figure is used) when the base binary does not run here.
 */
export async function startupSideBySide(
  base: string,
  current: string,
  inputs: BuildInputs,
  ctx: RunContext
): Promise<SideBySide | undefined> {
  const pairs = Math.max(MIN_SIDE_BY_SIDE_PAIRS, inputs.startupRuns)
  return ctx.host.group(
    `Startup side by side with the base branch's binary: ${pairs} pairs`,
    async () => {
      const r = await timeInterleaved(base, current, inputs.startupArgs, {
        pairs,
        env: ctx.env,
        timeoutMs: commandTimeoutMs(inputs.maxStartupMs)
      })
      if ('error' in r) {
        ctx.host.warning(
          `Startup not compared side by side (${r.error}); comparing with the baseline's recorded figure`
        )
        return undefined
      }
      const s = summarizePairs(r)
      ctx.host.info(
        `Side by side: ${describeSideBySide(s)} (pairs base/current ms: ${r.map(p => `${Math.round(p.baseMs)}/${Math.round(p.currentMs)}`).join(', ')})`
      )
      return s
    }
  )
}

/** Fewer pairs cannot show "slower in most pairs" with any confidence. */
const MIN_SIDE_BY_SIDE_PAIRS = 8
