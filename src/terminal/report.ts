import type { Metrics } from '../report/metrics.js'
import { backendLabel, extractionNote } from '../report/summary.js'
import { startAdvice } from '../build/start-advice.js'
import { formatBytes, formatMs } from '../units.js'
import { renderTable, type Cell } from './table.js'
import { displayWidth, paint, wrap, type Paint } from './text.js'

const OS_LABEL = { linux: 'Linux', macos: 'macOS', windows: 'Windows' } as const

export interface TerminalReportOptions {
  /** Terminal columns: no line is wider. */
  width: number
  color: boolean
  /** Where the full report (with the charts), metrics.json and the run's log are. */
  paths: { report: string; metrics: string; log: string }
  /** Failures the verdict does not list (error annotations, a failed upload): shown with it. */
  otherFailures?: string[]
}

const PASS = '✓'
const FAIL = '✗'
const SKIP = '–'

function ratio(a: number | null, b: number | null): string {
  return a && b ? `${(a / b).toFixed(2)}×` : '—'
}

function mark(p: Paint, passed: boolean | null): Cell {
  if (passed === null) return ''
  return passed ? { text: PASS, color: p.green } : { text: FAIL, color: p.red }
}

function heading(p: Paint, text: string, width: number): string[] {
  return ['', ...wrap(text, width).map(l => p.bold(l))]
}

/** Size, startup and memory against the limits and poetry run. */
function figures(m: Metrics, p: Paint, width: number): string[] {
  const s = m.startup
  const advice = startAdvice(s.medianMs, s.poetryRunMedianMs, s.onedir)
  const startupOk =
    (s.unanswered === true || s.medianMs <= m.thresholds.maxStartupMs) &&
    !m.verdict.failures.some(f => f.startsWith('Startup runs failed'))
  const rows: Cell[][] = [
    [
      mark(p, m.binary.sizeBytes <= m.thresholds.maxSizeBytes),
      'size',
      formatBytes(m.binary.sizeBytes),
      '—',
      formatBytes(m.thresholds.maxSizeBytes)
    ],
    [
      mark(p, startupOk),
      'startup, warm median',
      formatMs(s.medianMs),
      s.poetryRunMedianMs === null ? '—' : formatMs(s.poetryRunMedianMs),
      formatMs(m.thresholds.maxStartupMs)
    ],
    [
      '',
      'startup, first run',
      formatMs(s.coldMs),
      s.poetryRunColdMs === null ? '—' : formatMs(s.poetryRunColdMs),
      ''
    ],
    ['', 'startup p95 / CV', `${formatMs(s.p95Ms)} / ${(s.cv * 100).toFixed(1)}%`, '', ''],
    ['', 'binary / poetry run', ratio(s.medianMs, s.poetryRunMedianMs), '', '']
  ]
  if (m.memory.peakRssBytes !== null) {
    const max = m.thresholds.maxMemoryBytes
    rows.push([
      mark(p, max === null ? null : m.memory.peakRssBytes <= max),
      'peak RSS (service run)',
      formatBytes(m.memory.peakRssBytes),
      m.memory.poetryRunPeakRssBytes === null ? '—' : formatBytes(m.memory.poetryRunPeakRssBytes),
      max === null ? '' : formatBytes(max)
    ])
  }
  const table = renderTable(
    [
      { header: '' },
      { header: '' },
      { header: 'binary', align: 'right' },
      { header: 'poetry run', align: 'right' },
      { header: 'limit', align: 'right' }
    ],
    rows,
    width,
    { header: p.dim }
  )
  const notes = [
    `Startup: ${[m.name, ...s.args].join(' ')}, ${s.runs} runs (the first reported apart). ${extractionNote(s.extraction)}${advice ? ` ${advice.replace(/`/g, '')}` : ''}`,
    ...(m.runsOn ? [`Runs on: ${m.runsOn}.`] : []),
    `UPX: ${m.upx.applied ? `applied to ${m.upx.filesCompressed} file(s)` : 'not applied'} (${m.upx.reason}); strip: ${m.strip ? 'on' : 'off'}.`
  ]
  return [...table, '', ...notes.flatMap(n => wrap(n.trim(), width, '  ').map(l => p.dim(l)))]
}

/** Every check (smoke, parity, service, SIGTERM) with ✓, ✗ or – (skipped). */
function checks(m: Metrics, p: Paint, width: number): string[] {
  if (m.smoke.length === 0) return []
  const ran = m.smoke.filter(c => !c.skipped)
  const passed = ran.filter(c => c.passed).length
  const rows: Cell[][] = m.smoke.map(c => [
    c.skipped ? { text: SKIP, color: p.dim } : mark(p, c.passed),
    c.name,
    c.skipped ? '' : formatMs(c.ms),
    c.skipped ? { text: c.detail, color: p.dim } : c.detail
  ])
  return [
    ...heading(
      p,
      `Checks: ${passed} of ${ran.length} passed${ran.length < m.smoke.length ? `, ${m.smoke.length - ran.length} skipped` : ''}`,
      width
    ),
    ...renderTable(
      [
        { header: '' },
        { header: '' },
        { header: '', align: 'right' },
        { header: '', flexible: true }
      ],
      rows,
      width
    )
  ]
}

/** What the trace of poetry run added to the build, and which commands needed it. */
function traced(m: Metrics, p: Paint, width: number): string[] {
  const t = m.trace
  if (!t?.enabled) return []
  const rows = [
    ...t.added.hiddenImports.map(a => ['hidden-imports', a.name, a.because.join(', ')]),
    ...t.added.collectData.map(a => ['collect-data', a.name, a.because.join(', ')]),
    ...t.added.copyMetadata.map(a => ['copy-metadata', a.name, a.because.join(', ')])
  ]
  if (rows.length === 0) return []
  return [
    ...heading(
      p,
      `Added by the trace of ${t.commands.length} poetry run command(s): ${rows.length}`,
      width
    ),
    ...renderTable(
      [{ header: 'input' }, { header: 'name' }, { header: 'needed by', flexible: true }],
      rows.slice(0, 20),
      width,
      { header: p.dim }
    ),
    ...(rows.length > 20 ? [`  ${rows.length - 20} more in metrics.json`] : [])
  ]
}

/** What failed binary runs lacked, and the lines to add to the step. */
function diagnosis(m: Metrics, p: Paint, width: number): string[] {
  const d = m.diagnosis
  const items = [
    ...d.missingModules.map(n => `module ${n}: ModuleNotFoundError`),
    ...(d.missingData ?? []).map(e => `data files of ${e.name}: ${e.line}`),
    ...(d.missingMetadata ?? []).map(e => `metadata of ${e.name}: ${e.line}`)
  ]
  if (items.length === 0) return []
  return [
    ...heading(p, 'What the binary lacks', width),
    ...items.flatMap(i => wrap(i, width, `  ${p.red(FAIL)} `, '    ')),
    ...(d.suggestion
      ? [
          '',
          '  Add this to the step (or as flags here):',
          ...d.suggestion.split('\n').flatMap(l => wrap(l, width, '    ', '      '))
        ]
      : []),
    ...(d.kinds.absent.length
      ? wrap(
          `${d.kinds.absent.join(', ')} cannot be imported under poetry run either: add the dependency to pyproject.toml.`,
          width,
          '  '
        )
      : [])
  ]
}

/** The comparison with the baseline build, when there was one. */
function regression(m: Metrics, p: Paint, width: number): string[] {
  const r = m.regression
  if (!r || r.status === 'neutral' || !m.baseline) return []
  const rows: Cell[][] = []
  if (r.size) {
    rows.push([
      mark(p, !r.failures.some(f => f.startsWith('Binary grew'))),
      'size',
      formatBytes(r.size.before),
      formatBytes(r.size.after),
      `${r.size.delta >= 0 ? '+' : ''}${formatBytes(r.size.delta)} (${r.size.pct >= 0 ? '+' : ''}${r.size.pct.toFixed(1)}%)`
    ])
  }
  const side = r.startup?.sideBySide
  if (r.startup && side) {
    rows.push([
      mark(p, !r.startup.significant),
      'startup, side by side',
      formatMs(side.baseMedianMs),
      formatMs(side.currentMedianMs),
      `${side.medianRatio.toFixed(2)}× (middle half ${side.ratioP25.toFixed(2)}–${side.ratioP75.toFixed(2)}×), slower in ${side.slowerPairs} of ${side.pairs} pairs`
    ])
  } else if (r.startup) {
    rows.push([
      mark(p, !r.failures.some(f => f.startsWith('Startup'))),
      'startup, warm median',
      formatMs(r.startup.before),
      formatMs(r.startup.after),
      `${r.startup.delta >= 0 ? '+' : ''}${formatMs(r.startup.delta)} (${r.startup.pct >= 0 ? '+' : ''}${r.startup.pct.toFixed(1)}%)${r.startup.significant ? '' : `, within the ${formatMs(r.startup.noiseMs)} noise band`}`
    ])
  }
  const source = m.baseline.runId
    ? `run ${m.baseline.runId}${m.baseline.sha ? ` (${m.baseline.sha.slice(0, 7)})` : ''}`
    : m.baseline.source
  return [
    ...heading(p, `Against the baseline: ${source}`, width),
    ...renderTable(
      [
        { header: '' },
        { header: '' },
        { header: 'baseline', align: 'right' },
        { header: 'this build', align: 'right' },
        { header: 'change', flexible: true }
      ],
      rows,
      width,
      { header: p.dim }
    )
  ]
}

/** The biggest parts of the binary. */
function composition(m: Metrics, p: Paint, width: number): string[] {
  if (m.composition.length === 0) return []
  const total = m.composition.reduce((a, e) => a + e.bytes, 0) || 1
  const top = m.composition.slice(0, 6)
  const rest = m.composition.slice(6).reduce((a, e) => a + e.bytes, 0)
  const rows: Cell[][] = top.map(e => [
    e.distribution && e.distribution !== e.package ? `${e.package} (${e.distribution})` : e.package,
    formatBytes(e.bytes),
    `${((100 * e.bytes) / total).toFixed(1)}%`,
    e.kinds.join(', ')
  ])
  if (rest)
    rows.push([
      `${m.composition.length - 6} more`,
      formatBytes(rest),
      `${((100 * rest) / total).toFixed(1)}%`,
      ''
    ])
  const c = m.deadWeightCoverage
  const dead =
    m.deadWeight.length && (!c || c.meaningful)
      ? wrap(
          `Dead weight (bundled, imported by none of the ${c?.commands ?? 'traced'} traced command(s)): ${m.deadWeight
            .slice(0, 8)
            .map(d => `${d.package} ${formatBytes(d.bytes)}`)
            .join(', ')}.`,
          width,
          '  '
        ).map(l => p.dim(l))
      : []
  return [
    ...heading(p, 'What is inside', width),
    ...renderTable(
      [
        { header: '', flexible: true },
        { header: '', align: 'right' },
        { header: '', align: 'right' },
        { header: '', flexible: true }
      ],
      rows,
      width
    ),
    ...dead
  ]
}

/** Caches (only when one was used: outside Actions they are off) and stage times. */
function timings(m: Metrics, p: Paint, width: number): string[] {
  const used = m.cache.filter(c => c.result !== 'disabled')
  const cacheRows: Cell[][] = used.map(c => [
    c.kind,
    c.result,
    formatMs(c.restoreMs),
    c.saved ?? '—'
  ])
  const stages = Object.entries(m.timings)
    .map(([k, v]) => `${k}\u00a0${formatMs(v).replace(' ', '\u00a0')}`)
    .join(' · ')
  return [
    ...(used.length
      ? [
          ...heading(p, 'Caches', width),
          ...renderTable(
            [
              { header: 'cache' },
              { header: 'restore' },
              { header: 'time', align: 'right' },
              { header: 'save' }
            ],
            cacheRows,
            width,
            { header: p.dim }
          )
        ]
      : []),
    '',
    ...wrap(`Stage times: ${stages}.`, width, '', '  ').map(l => p.dim(l))
  ]
}

/**
 * Where the full report, metrics.json, the binary and the log are. A path is never broken (a
 * person copies it; the terminal soft-wraps a long one); a hint after it moves to the next line
 * when it does not fit.
 */
function files(m: Metrics, o: TerminalReportOptions, p: Paint): string[] {
  const entries: [string, string, string][] = [
    ['report', o.paths.report, '(charts, full tables)'],
    ['metrics', o.paths.metrics, ''],
    ['binary', m.binary.path, ''],
    ['log', o.paths.log, '']
  ]
  const indent = ' '.repeat(9)
  return [
    '',
    ...entries.flatMap(([label, path, hint]) => {
      const line = `${p.dim(label.padEnd(8))} ${path}`
      if (!hint) return [line]
      const plainWidth = 9 + displayWidth(path) + 1 + displayWidth(hint)
      return plainWidth <= o.width ? [`${line} ${hint}`] : [line, `${indent}${hint}`]
    })
  ]
}

/** The closing verdict: the last lines a person reads. */
function verdict(m: Metrics, failures: string[], p: Paint, width: number): string[] {
  if (failures.length === 0) {
    const vs = m.startup.poetryRunMedianMs
      ? ` (${ratio(m.startup.medianMs, m.startup.poetryRunMedianMs)} poetry run)`
      : ''
    return [
      '',
      ...wrap(
        `passed: ${formatBytes(m.binary.sizeBytes)}, warm start ${formatMs(m.startup.medianMs)}${vs}`,
        width,
        `${PASS} `,
        '  '
      ).map(l => p.bold(p.green(l)))
    ]
  }
  return [
    ...heading(p, 'Failures', width),
    ...failures.flatMap(f => wrap(f, width, `  ${p.red(FAIL)} `, '    ')),
    '',
    ...wrap(
      failures.length === 1
        ? `failed: ${failures[0]}`
        : `failed: ${failures.length} problems; the first: ${failures[0]}`,
      width,
      `${FAIL} `,
      '  '
    ).map(l => p.bold(p.red(l)))
  ]
}

/** The closing report for a terminal, from metrics.json: aligned tables, ✓/✗, verdict last. Pure. */
export function renderTerminalReport(m: Metrics, o: TerminalReportOptions): string[] {
  const p = paint(o.color)
  const w = o.width
  const failures = [
    ...m.verdict.failures,
    ...(o.otherFailures ?? []).filter(f => !m.verdict.failures.includes(f))
  ]
  return [
    '',
    ...wrap(`${m.name} · ${OS_LABEL[m.os]} ${m.arch} · ${m.mode} · ${backendLabel(m)}`, w).map(l =>
      p.bold(l)
    ),
    '',
    ...figures(m, p, w),
    ...checks(m, p, w),
    ...traced(m, p, w),
    ...diagnosis(m, p, w),
    ...regression(m, p, w),
    ...composition(m, p, w),
    ...(m.notes.length
      ? ['', ...m.notes.flatMap(n => wrap(n.replace(/`/g, ''), w, 'note: ', '      '))]
      : []),
    ...timings(m, p, w),
    ...files(m, o, p),
    ...verdict(m, failures, p, w)
  ]
}
