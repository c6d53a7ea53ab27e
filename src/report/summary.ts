import { formatBytes, formatMs } from '../units.js'
import type { Metrics } from './metrics.js'
import {
  modulesPerPackage,
  type Addition,
  type ExecutableAddition,
  type LeftOut
} from '../trace/findings.js'
import { startAdvice } from '../build/start-advice.js'

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

function coldLabel(kind: ExtractionKind | undefined): string {
  return kind === 'cached' ? 'first run, empty extraction cache' : 'first run'
}

/** One sentence on onefile extraction: what the first start pays, and whether later ones do. Pure. */
export function extractionNote(e: Metrics['startup']['extraction']): string {
  if (!e || e.kind === 'none') return ''
  const payload =
    e.payloadRatio !== undefined
      ? ` The payload is ${(e.payloadRatio * 100).toFixed(1)}% of the files it carries (zstd${e.payloadLevel !== undefined ? ` level ${e.payloadLevel}` : ''}).`
      : ''
  if (e.kind === 'cached')
    return `Onefile extraction: once into a cache folder (${formatMs(e.firstStartMs)} extra on the first start), reused by later starts.${payload}`
  return `Onefile extraction: into a fresh temp folder at every start, so warm starts pay for it too (first start ${formatMs(e.firstStartMs)} over warm).`
}

/** How the peak RSS counts a onefile launcher, with its figures. Pure. */
export function launcherNote(l: NonNullable<Metrics['memory']['launcher']>): string {
  const held = l.whileRunningBytes ?? l.peakBytes
  return `Peak RSS: the program's processes at their peaks plus the onefile launcher as it stood while the program ran (${formatBytes(held)}); the launcher's own start-up peak of ${formatBytes(l.peakBytes)}, while it unpacks or checks the payload, is over before the program starts.`
}

/** "PyInstaller 6.22.3" or "Nuitka 4.3.3" (metrics without a backend field are PyInstaller's). Pure. */
export function backendLabel(m: Metrics): string {
  return m.backend === 'nuitka'
    ? `Nuitka ${m.versions.nuitka ?? '?'}`
    : `PyInstaller ${m.versions.pyinstaller ?? '?'}`
}

type ExtractionKind = NonNullable<Metrics['startup']['extraction']>['kind']

/** Renders the job summary (markdown) for one build. Pure. */
export function renderSummary(m: Metrics): string {
  const verdict = m.verdict.passed ? '✅ passed' : '❌ failed'
  const s = m.startup
  const advice = s.unanswered
    ? `\`${m.name} ${s.args.join(' ')}\` did not exit on either side, so these figures are time-outs and the startup cap was not applied: set \`startup-args\` to a command that exits.`
    : startAdvice(s.medianMs, s.poetryRunMedianMs, s.onedir)
  const out: string[] = [
    `## ${m.name} · ${OS_LABEL[m.os]} ${m.arch} · ${m.mode} — ${verdict}`,
    '',
    '| | binary | poetry run | threshold |',
    '|---|---:|---:|---:|',
    `| size | ${formatBytes(m.binary.sizeBytes)} | — | ${formatBytes(m.thresholds.maxSizeBytes)} |`,
    `| startup, warm median | ${formatMs(s.medianMs)} | ${s.poetryRunMedianMs === null ? '—' : formatMs(s.poetryRunMedianMs)} | ${formatMs(m.thresholds.maxStartupMs)} |`,
    `| startup, cold (${coldLabel(s.extraction?.kind)}) | ${formatMs(s.coldMs)} | ${s.poetryRunColdMs === null ? '—' : formatMs(s.poetryRunColdMs)} | |`,
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
    ...(m.runsOn ? [`Runs on: ${m.runsOn}.`] : []),
    `Startup measured as \`${m.name} ${s.args.join(' ')}\` over ${s.runs} runs (first run reported apart). ${extractionNote(s.extraction)}${advice ? ` ${advice}` : ''}`,
    ...(m.memory.peakRssBytes !== null && m.memory.launcher
      ? [launcherNote(m.memory.launcher)]
      : []),
    `UPX: ${m.upx.applied ? `applied to ${m.upx.filesCompressed} file(s)` : 'not applied'}${m.upx.filesFailed ? `, failed on ${m.upx.filesFailed}` : ''} (${m.upx.reason}); strip: ${m.strip ? 'on' : 'off'}.`,
    `Backend: ${backendLabel(m)}. Versions: Python ${m.versions.python}, Poetry ${m.versions.poetry}${m.versions.upx ? `, UPX ${m.versions.upx}` : ''}.`,
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
  out.push(
    ...renderParity(m),
    ...renderTrace(m),
    ...renderPackageData(m),
    ...renderDiagnosis(m),
    ...renderSigtermHelp(m)
  )
  if (m.notes.length) out.push(...m.notes.map(n => `> ${n}`), '')
  if (m.composition.length) out.push(...renderComposition(m))
  out.push(...renderDeadWeight(m))
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

/** Parity: one row per command, with the diffs folded away. Pure. */
export function renderParity(m: Metrics): string[] {
  const rows = m.parity ?? []
  if (rows.length === 0) return []
  const failed = rows.filter(r => !r.passed)
  return [
    `### Parity with poetry run — ${rows.length - failed.length} of ${rows.length} agree`,
    '',
    '| command | poetry run | binary | compared | result |',
    '|---|---:|---:|---|---|',
    ...rows.map(
      r =>
        `| \`${escapeCell(r.command)}\` | ${r.poetryExit} | ${r.binaryExit} | ${r.exitOnly ? 'exit code' : 'exit code, stdout'} | ${r.flaky ? `⚠️ ${escapeCell(r.detail)}` : r.passed ? '✅' : `❌ ${escapeCell(r.detail)}`} |`
    ),
    '',
    ...failed
      .filter(r => r.diff)
      .flatMap(r => [
        `<details><summary>stdout of <code>${escapeCell(r.command)}</code>: poetry run (-) vs binary (+)</summary>`,
        '',
        '```diff',
        r.diff ?? '',
        '```',
        '',
        '</details>',
        ''
      ])
  ]
}

/** What the trace added to the build, with the commands that needed each item. Pure. */
export function renderTrace(m: Metrics): string[] {
  const t = m.trace
  if (!t) return []
  const reentry = [
    ...renderUnrequired(t.unrequired ?? []),
    ...renderLeftOut(t.packageModulesLeftOut ?? []),
    ...renderReentry(m)
  ]
  if (!t.enabled)
    return [
      'Tracing is off (`trace: false`): nothing was added from poetry run traces.',
      '',
      ...reentry
    ]
  // Modules: every one the traced runs loaded goes in; the table shows only those the backend's
  // own analysis had not found (when it can tell), counted per package when there are many.
  const missed = t.analysisMissed ? new Set(t.analysisMissed) : null
  const modules = t.added.hiddenImports.filter(a => missed === null || missed.has(a.name))
  const moduleRows =
    modules.length > 15
      ? modulesPerPackage(
          modules.map(a => a.name),
          15
        ).map(count => ({
          input: 'hidden-imports',
          name: count,
          because: [...new Set(modules.flatMap(a => a.because))].slice(0, 3),
          evidence: 'modules loaded under poetry run (names in metrics.json)'
        }))
      : modules.map(a => ({ input: 'hidden-imports', ...a }))
  const rows = [
    ...moduleRows,
    ...t.added.collectData.map(a => ({ input: 'collect-data', ...a })),
    ...t.added.copyMetadata.map(a => ({ input: 'copy-metadata', ...a })),
    ...(t.added.collectSources ?? []).map(a => ({ input: 'source files', ...a })),
    ...(t.added.sharedLibraries ?? []).map(a => ({ input: 'shared library', ...a })),
    ...(t.added.searchPaths ?? []).map(a => ({ input: 'search path', ...a })),
    ...executableRow(t.added.executables ?? [])
  ]
  const loaded = t.added.hiddenImports.length
  const lead =
    missed === null
      ? `${loaded} module(s) the traced runs loaded are bundled by name.`
      : `${loaded} module(s) the traced runs loaded are bundled by name; the backend's own analysis had found all but ${modules.length}.`
  if (rows.length === 0)
    return [
      `Traced ${t.commands.length} poetry run command(s). ${lead} Nothing else was needed.`,
      '',
      ...reentry
    ]
  return [
    `### Added by the trace (${rows.length})`,
    '',
    `Used under poetry run by ${t.commands.length} traced command(s). ${lead} What the analysis alone would have missed:`,
    '',
    '| input | name | needed by | evidence |',
    '|---|---|---|---|',
    ...rows
      .slice(0, 40)
      .map(
        r =>
          `| ${r.input} | \`${escapeCell(r.name)}\` | ${r.because.map(c => `\`${escapeCell(c)}\``).join(', ')} | ${escapeCell(r.evidence)} |`
      ),
    ...(rows.length > 40 ? [`| | ${rows.length - 40} more in metrics.json | | |`] : []),
    '',
    ...reentry
  ]
}

/** Packages leave-out-unrequired kept out of the build. Pure. */
function renderUnrequired(left: readonly Addition[]): string[] {
  if (left.length === 0) return []
  const shown = left.slice(0, 20).map(a => `\`${escapeCell(a.name)}\``)
  return [
    `Left out of the build (\`leave-out-unrequired\`): ${left.length} package(s) of distributions the environment has but the project does not require, and no traced command loaded: ${shown.join(', ')}${left.length > 20 ? `, ${left.length - 20} more (metrics.json)` : ''}. The backend's analysis would follow imports that never run into them. Name one in hidden-imports, or add the distribution to the project's dependencies, to bundle it.`,
    ''
  ]
}

/** Modules of bundled packages package-modules left out, counted per package and distribution. Pure. */
function renderLeftOut(left: readonly LeftOut[]): string[] {
  if (left.length === 0) return []
  const total = left.reduce((n, l) => n + l.modules, 0)
  const shown = left
    .slice(0, 10)
    .map(l => `\`${escapeCell(l.package)}\` ×${l.modules} need ${escapeCell(l.distribution)}`)
  return [
    `Left out by package-modules: ${total} module(s) that need, when they load, a distribution the project does not require (its dependencies with the selected extras and groups) and no traced command loaded: ${shown.join(', ')}${left.length > 10 ? `, ${left.length - 10} more` : ''}. A parity command that loads one, or hidden-imports, brings it in.`,
    ''
  ]
}

/** Re-entry through sys.executable and modules from PYTHONPATH: how the binary handles them. Pure. */
function renderReentry(m: Metrics): string[] {
  const out: string[] = []
  const reentry = m.trace?.reentry ?? []
  if (reentry.length)
    out.push(
      `The program starts Python again (${reentry.map(a => `\`${escapeCell(a.name)}\` by \`${escapeCell(a.because[0])}\``).join(', ')}). In the binary, \`sys.executable\` is the binary: started by itself that way, it runs the code with its bundled modules, as the interpreter would.`,
      ''
    )
  const fromPath = m.trace?.pythonpath ?? []
  if (fromPath.length)
    out.push(
      `Under poetry run, ${fromPath.map(a => `\`${escapeCell(a.name)}\``).join(', ')} came from a PYTHONPATH folder. The binary carries the copy it was built with; to load it from PYTHONPATH at run time instead, set \`honor-pythonpath: true\`.`,
      ''
    )
  return out
}

/** The compiler inputs package-data left out, biggest first (nothing when there were none). Pure. */
function renderBuildInputsLeftOut(added: NonNullable<Metrics['packageData']>): string[] {
  const left = added
    .filter(a => (a.buildInputsFiles ?? 0) > 0)
    .sort((a, b) => (b.buildInputsBytes ?? 0) - (a.buildInputsBytes ?? 0))
  if (left.length === 0) return []
  const files = left.reduce((n, a) => n + (a.buildInputsFiles ?? 0), 0)
  const bytes = left.reduce((n, a) => n + (a.buildInputsBytes ?? 0), 0)
  const named = left
    .slice(0, 5)
    .map(a => `\`${escapeCell(a.distribution)}\` ${formatBytes(a.buildInputsBytes ?? 0)}`)
    .join(', ')
  return [
    `Left out as compiler inputs: ${files} file(s), ${formatBytes(bytes)} (${named}): C, C++, Rust, Go and Cython sources, and folders with a Cargo.toml, go.mod or CMakeLists.txt, which a program does not read. A file a traced run opened is carried all the same; \`collect-data: <package>\` bundles every file of a package.`,
    ''
  ]
}

/** Bytes the default data and metadata inclusion added, biggest first. Pure. */
export function renderPackageData(m: Metrics): string[] {
  const added = m.packageData
  if (!added || added.length === 0) return []
  const total = added.reduce((n, a) => n + a.dataBytes + a.metadataBytes, 0)
  const rows = added.slice(0, 12)
  return [
    '<details><summary>Package data and metadata bundled by default: ' +
      `${formatBytes(total)} from ${added.length} distribution(s)</summary>`,
    '',
    'Every bundled distribution brings its data files and `*.dist-info`, so that `importlib.resources`, files beside a module and `importlib.metadata` work as under poetry run. Leave one out with `package-data: all -<name>`, or all with `package-data: none`.',
    '',
    '| distribution | data | files | metadata |',
    '|---|---:|---:|---:|',
    ...rows.map(
      a =>
        `| \`${escapeCell(a.distribution)}\` | ${formatBytes(a.dataBytes)} | ${a.dataFiles} | ${formatBytes(a.metadataBytes)} |`
    ),
    ...(added.length > rows.length
      ? [`| ${added.length - rows.length} more in metrics.json | | | |`]
      : []),
    '',
    ...renderBuildInputsLeftOut(added),
    '</details>',
    ''
  ]
}

/** What failed binary runs lacked, with the evidence and a paste-ready block. Pure. */
export function renderDiagnosis(m: Metrics): string[] {
  const d = m.diagnosis
  const data = d.missingData ?? []
  const metadata = d.missingMetadata ?? []
  if (d.missingModules.length + data.length + metadata.length === 0) return []
  const out = ['### What the binary lacks', '']
  for (const name of d.missingModules) out.push(`- module \`${name}\`: \`ModuleNotFoundError\``)
  for (const e of data) out.push(`- data files of \`${e.name}\`: \`${escapeCell(e.line)}\``)
  for (const e of metadata) out.push(`- metadata of \`${e.name}\`: \`${escapeCell(e.line)}\``)
  out.push('')
  if (d.suggestion) out.push('Add this to the step:', '', '```yaml', d.suggestion, '```', '')
  if (d.kinds.absent.length) {
    out.push(
      `${d.kinds.absent.map(n => `\`${n}\``).join(', ')} cannot be imported under poetry run either: add the dependency to pyproject.toml.`,
      ''
    )
  }
  return out
}

/** Dead weight, labelled with what it rests on; no advice from --help / --version alone. Pure. */
export function renderDeadWeight(m: Metrics): string[] {
  const c = m.deadWeightCoverage
  if (c && !c.meaningful && c.candidates > 0)
    return [
      `Dead weight: not meaningful here. Only built-in commands such as \`--help\` / \`--version\` were traced, and ${c.candidates} bundled package(s) were not imported by them; add \`parity\` or \`service-exercise\` commands that do real work to get a list.`,
      ''
    ]
  if (m.deadWeight.length === 0) return []
  return [
    '### Dead weight',
    '',
    `Bundled third-party packages not imported by any of the ${c?.commands ?? 'traced'} command(s) that ran under poetry run. A code path those commands did not reach may still need them: exclude only what you know is unused.`,
    '',
    '| package | size |',
    '|---|---:|',
    ...m.deadWeight.slice(0, 15).map(d => `| ${escapeCell(d.package)} | ${formatBytes(d.bytes)} |`),
    '',
    '```yaml',
    'excludes: |',
    ...m.deadWeight.slice(0, 15).map(d => `  ${d.package}`),
    '```',
    ''
  ]
}

/** How to shut down cleanly, shown when the SIGTERM check failed. Pure. */
export function renderSigtermHelp(m: Metrics): string[] {
  if (!m.smoke.some(c => c.name === 'SIGTERM' && !c.passed && !c.skipped)) return []
  return [
    '### Shutting down on SIGTERM',
    '',
    'Runners, systemd, Kubernetes and Docker stop a service with SIGTERM and kill it a few seconds later. The service must stop taking work, finish or hand back what it holds, and exit 0. A onefile binary forwards SIGTERM from its bootloader to the Python process, so the handler below runs in the binary as it does under `poetry run`.',
    '',
    'Plain Python:',
    '',
    '```python',
    'import signal, sys',
    '',
    'stopping = False',
    '',
    'def on_term(signum, frame):',
    '    global stopping',
    '    stopping = True          # no printing or I/O in here: the main loop does that',
    '',
    'signal.signal(signal.SIGTERM, on_term)',
    'while not stopping:',
    '    do_one_unit_of_work()',
    'drain()',
    'sys.exit(0)',
    '```',
    '',
    'asyncio, or a Temporal worker (`async with worker:` drains running activities on exit):',
    '',
    '```python',
    'import asyncio, signal',
    '',
    'async def main() -> int:',
    '    stop = asyncio.Event()',
    '    loop = asyncio.get_running_loop()',
    '    for sig in (signal.SIGTERM, signal.SIGINT):',
    '        loop.add_signal_handler(sig, stop.set)',
    '    async with Worker(client, task_queue="agent-runner", workflows=[...], activities=[...]):',
    '        await stop.wait()',
    '    return 0',
    '```',
    ''
  ]
}

/**
 * The venv's executables the binary carries, as one row: a project has a few to dozens, and the
 * names matter more than why each is there (all are on PATH under poetry run).
 */
function executableRow(
  executables: readonly ExecutableAddition[]
): { input: string; name: string; because: string[]; evidence: string }[] {
  if (executables.length === 0) return []
  const names = executables.map(e => e.name)
  const shown = names.length > 8 ? [...names.slice(0, 8), `${names.length - 8} more`] : names
  const natives = executables.filter(e => e.path).length
  return [
    {
      input: 'executables',
      name: shown.join(', '),
      because: [...new Set(executables.flatMap(e => e.because))].slice(0, 3),
      evidence: `on PATH under poetry run: ${natives} native program(s), ${executables.length - natives} console script(s) (run by the binary), with python`
    }
  ]
}
