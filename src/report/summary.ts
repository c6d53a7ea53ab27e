import { formatBytes, formatMs } from '../units.js'
import type { Metrics } from './metrics.js'

const OS_LABEL = { linux: 'Linux', macos: 'macOS', windows: 'Windows' } as const

function ratio(a: number | null, b: number | null): string {
  return a && b ? `${(a / b).toFixed(2)}×` : '—'
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Mermaid labels are quoted strings: keep them free of quotes and line breaks. */
function chartLabel(text: string): string {
  return text.replace(/["\\\r\n]/g, '').slice(0, 40)
}

/** The top 10 of the composition as a table and a mermaid pie; the rest is one slice. Pure. */
export function renderComposition(m: Metrics): string[] {
  const top = m.composition.slice(0, 10)
  const rest = m.composition.slice(10).reduce((a, e) => a + e.bytes, 0)
  const total = m.composition.reduce((a, e) => a + e.bytes, 0) || 1
  return [
    '### What is inside',
    '',
    '| package / library | size | share | kind |',
    '|---|---:|---:|---|',
    ...top.map(
      e =>
        `| ${escapeCell(e.package)}${e.distribution && e.distribution !== e.package ? ` (${escapeCell(e.distribution)})` : ''} | ${formatBytes(e.bytes)} | ${((100 * e.bytes) / total).toFixed(1)}% | ${e.kinds.join(', ')} |`
    ),
    ...(rest
      ? [
          `| ${m.composition.length - 10} more | ${formatBytes(rest)} | ${((100 * rest) / total).toFixed(1)}% | |`
        ]
      : []),
    '',
    '```mermaid',
    `pie showData title ${chartLabel(m.name)} content (KiB)`,
    ...top.map(e => `    "${chartLabel(e.package)}" : ${Math.round(e.bytes / 1024)}`),
    ...(rest ? [`    "other" : ${Math.round(rest / 1024)}`] : []),
    '```',
    ''
  ]
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
  if (m.memory.peakRssBytes !== null) {
    const poetry = m.memory.poetryRunPeakRssBytes
    const row = `| peak RSS (service run) | ${formatBytes(m.memory.peakRssBytes)} | ${poetry === null ? '—' : formatBytes(poetry)} | |`
    out.splice(out.length - 1, 0, row)
  }
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
  if (m.cache.length) {
    out.push('### Caches', '', '| cache | restore | time | save |', '|---|---|---:|---|')
    for (const c of m.cache)
      out.push(`| ${c.kind} | ${c.result} | ${formatMs(c.restoreMs)} | ${c.saved ?? '—'} |`)
    const t = m.timings
    out.push(
      '',
      `Stage times: ${Object.entries(t)
        .map(([k, v]) => `${k} ${formatMs(v)}`)
        .join(', ')}.`,
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
  if (m.diagnosis.missingModules.length) {
    const absent = m.diagnosis.kinds.absent
    out.push(
      '### Missing imports',
      '',
      `The binary raised \`ModuleNotFoundError\` for ${m.diagnosis.missingModules.map(n => `\`${n}\``).join(', ')}.`,
      ''
    )
    if (m.diagnosis.suggestion) {
      out.push(
        'PyInstaller could not see these imports (they are made by name at run time). Add this to the step:',
        '',
        '```yaml',
        m.diagnosis.suggestion,
        '```',
        ''
      )
    }
    if (absent.length) {
      out.push(
        `${absent.map(n => `\`${n}\``).join(', ')} cannot be imported in the project environment either: add the dependency to pyproject.toml.`,
        ''
      )
    }
  }
  if (m.notes.length) out.push(...m.notes.map(n => `> ${n}`), '')
  if (m.composition.length) out.push(...renderComposition(m))
  if (m.deadWeight.length) {
    out.push(
      '### Dead weight',
      '',
      'Bundled third-party packages that no smoke run imported. If they are truly unused, exclude them:',
      '',
      '| package | size |',
      '|---|---:|',
      ...m.deadWeight
        .slice(0, 15)
        .map(d => `| ${escapeCell(d.package)} | ${formatBytes(d.bytes)} |`),
      '',
      '```yaml',
      'excludes: |',
      ...m.deadWeight.slice(0, 15).map(d => `  ${d.package}`),
      '```',
      ''
    )
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
