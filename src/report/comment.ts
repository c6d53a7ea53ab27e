import { formatBytes, formatMs } from '../units.js'
import type { Metrics } from './metrics.js'
import type { Regression } from '../regression/types.js'

/** Hidden marker the sticky PR comment is found by; one per artifact name (or per aggregate). */
export function commentMarker(id: string): string {
  return `<!-- poetry-binary-action:${id.replace(/-->/g, '')} -->`
}

export interface Leg {
  metrics: Metrics
  regression: Regression
}

function signed(value: string, n: number): string {
  return n > 0 ? `+${value}` : value
}

function sizeDelta(r: Regression): string {
  return r.size
    ? `${signed(formatBytes(r.size.delta), r.size.delta)} (${signed(r.size.pct.toFixed(1), r.size.pct)}%)`
    : '—'
}

function startupDelta(r: Regression): string {
  if (!r.startup) return '—'
  const s = r.startup.sideBySide
  if (s)
    return `${s.medianRatio.toFixed(2)}× side by side (middle half ${s.ratioP25.toFixed(2)}–${s.ratioP75.toFixed(2)}×, slower in ${s.slowerPairs} of ${s.pairs} pairs)`
  const text = `${signed(formatMs(r.startup.delta), r.startup.delta)} (${signed(r.startup.pct.toFixed(1), r.startup.pct)}%)`
  return r.startup.significant ? text : `${text}, within noise ±${formatMs(r.startup.noiseMs)}`
}

function legVerdict(leg: Leg): string {
  if (!leg.metrics.verdict.passed) return '❌ failed'
  if (leg.regression.status === 'neutral') return '⚪ no baseline'
  return '✅ passed'
}

/** The PR comment: a table per matrix leg, the top composition changes and a link to the run. Pure. */
export function renderComment(
  legs: Leg[],
  o: { marker: string; runUrl?: string; title?: string }
): string {
  const failed = legs.filter(l => !l.metrics.verdict.passed).length
  const headline = failed
    ? `❌ ${failed} of ${legs.length} build(s) failed`
    : '✅ all builds passed'
  const out = [
    o.marker,
    `### ${o.title ?? 'Binary size and startup'} — ${headline}`,
    '',
    '| build | size | Δ size | startup (warm median) | cold start | Δ startup | CV | verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---|'
  ]
  for (const leg of legs) {
    const m = leg.metrics
    out.push(
      `| ${m.name} · ${m.os}-${m.arch}${m.backend === 'nuitka' ? ' · nuitka' : ''} | ${formatBytes(m.binary.sizeBytes)} | ${sizeDelta(leg.regression)} | ${formatMs(m.startup.medianMs)} | ${formatMs(m.startup.coldMs)} | ${startupDelta(leg.regression)} | ${(m.startup.cv * 100).toFixed(1)}% | ${legVerdict(leg)} |`
    )
  }
  out.push('')
  const noBaseline = legs.filter(l => l.regression.status === 'neutral')
  if (noBaseline.length) {
    out.push(
      `No baseline was found for ${noBaseline.map(l => `${l.metrics.os}-${l.metrics.arch}`).join(', ')}: nothing to compare with yet, so those legs are neutral.`,
      ''
    )
  }
  for (const leg of legs) {
    const changes = leg.regression.composition.slice(0, 5)
    if (!changes.length) continue
    out.push(
      `<details><summary>${leg.metrics.os}-${leg.metrics.arch}: top composition changes</summary>`,
      '',
      '| package | before | after | Δ | |',
      '|---|---:|---:|---:|---|',
      ...changes.map(
        c =>
          `| ${c.package} | ${formatBytes(c.before)} | ${formatBytes(c.after)} | ${signed(formatBytes(c.delta), c.delta)} | ${c.status} |`
      ),
      '',
      '</details>',
      ''
    )
  }
  const failures = legs.flatMap(l =>
    [...l.metrics.verdict.failures].map(f => `- ${l.metrics.os}-${l.metrics.arch}: ${f}`)
  )
  if (failures.length) out.push('**Failures**', '', ...failures, '')
  if (o.runUrl) out.push(`[Workflow run](${o.runUrl})`, '')
  return out.join('\n')
}
