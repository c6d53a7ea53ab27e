import { formatBytes, formatMs } from '../units.js'
import type { Metrics } from './metrics.js'

const OS_LABEL = { linux: 'Linux', macos: 'macOS', windows: 'Windows' } as const

function ratio(a: number | null, b: number | null): string {
  return a && b ? `${(a / b).toFixed(2)}×` : '—'
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Renders the job summary (markdown) for one build. Pure. */
export function renderSummary(m: Metrics): string {
  const verdict = m.verdict.passed ? '✅ passed' : '❌ failed'
  const s = m.startup
  const out: string[] = [
    `## ${m.name} · ${OS_LABEL[m.os]} ${m.arch} · ${m.mode} — ${verdict}`,
    '',
    '| | binary | poetry run | threshold |',
    '|---|---:|---:|---:|',
    `| size | ${formatBytes(m.binary.sizeBytes)} | — | ${formatBytes(m.thresholds.maxSizeBytes)} |`,
    `| startup, warm median | ${formatMs(s.medianMs)} | ${s.poetryRunMedianMs === null ? '—' : formatMs(s.poetryRunMedianMs)} | ${formatMs(m.thresholds.maxStartupMs)} |`,
    `| startup, cold (first run) | ${formatMs(s.coldMs)} | ${s.poetryRunColdMs === null ? '—' : formatMs(s.poetryRunColdMs)} | |`,
    `| startup, p95 / CV | ${formatMs(s.p95Ms)} / ${(s.cv * 100).toFixed(1)}% | | |`,
    `| binary vs poetry run (median) | ${ratio(s.medianMs, s.poetryRunMedianMs)} | | |`,
    ''
  ]
  if (m.memory.peakRssBytes !== null)
    out.splice(out.length - 1, 0, `| peak RSS | ${formatBytes(m.memory.peakRssBytes)} | | |`)
  out.push(
    `Startup measured as \`${m.name} ${s.args.join(' ')}\` over ${s.runs} runs (first run reported apart).`,
    `UPX: ${m.upx.applied ? `applied to ${m.upx.filesCompressed} file(s)` : 'not applied'}${m.upx.filesFailed ? `, failed on ${m.upx.filesFailed}` : ''} (${m.upx.reason}); strip: ${m.strip ? 'on' : 'off'}.`,
    `Versions: Python ${m.versions.python}, Poetry ${m.versions.poetry}, PyInstaller ${m.versions.pyinstaller}${m.versions.upx ? `, UPX ${m.versions.upx}` : ''}.`,
    ''
  )
  if (s.poetryRunMedianMs !== null) {
    out.push(
      '```mermaid',
      'xychart-beta',
      '    title "Startup (ms): binary vs poetry run"',
      '    x-axis ["binary cold", "binary warm", "poetry cold", "poetry warm"]',
      '    y-axis "ms"',
      `    bar [${[s.coldMs, s.medianMs, s.poetryRunColdMs ?? 0, s.poetryRunMedianMs].map(v => Math.round(v)).join(', ')}]`,
      '```',
      ''
    )
  }
  if (m.smoke.length) {
    out.push('### Smoke checks', '', '| check | result | time | detail |', '|---|---|---:|---|')
    for (const c of m.smoke) {
      const result = c.skipped ? '⏭️ skipped' : c.passed ? '✅' : '❌'
      out.push(
        `| ${escapeCell(c.name)} | ${result} | ${formatMs(c.ms)} | ${escapeCell(c.detail)} |`
      )
    }
    out.push('')
  }
  if (m.buildWarnings.missingModules.length) {
    out.push(
      `<details><summary>PyInstaller reported ${m.buildWarnings.missingModules.length} top-level missing module(s)</summary>`,
      '',
      ...m.buildWarnings.missingModules
        .slice(0, 30)
        .map(mm => `- \`${mm.name}\` ← ${mm.importedBy.slice(0, 3).join(', ')}`),
      '',
      '</details>',
      ''
    )
  }
  if (!m.verdict.passed) {
    out.push('### Failures', '', ...m.verdict.failures.map(f => `- ${f}`), '')
  }
  return out.join('\n')
}
