// The real-project tier: public Poetry projects nobody here wrote (bench/real-projects/<name>/project,
// a snapshot at a commit where each still used Poetry), built through the action's own CLI (dist/cli)
// the way a new user would, then checked with the project's own functional commands.
//
// For each project, two action runs on a fresh copy each:
//   1. "defaults": inputs.json only (parity left at its default), then functional.sh on the binary;
//   2. "parity":   inputs.json plus --parity from PARITY.txt; the verdict, then functional.sh again.
// Collected per run: the action's verdict (and its first failure line), functional pass/fail (and the
// first failing command), size, startup median and peak RSS against `poetry run`, build time.
//
// With --cold, the defaults run starts from empty compile caches (a RUNNER_TEMP of its own per
// project: Nuitka's module cache and ccache objects, PyInstaller's bincache); --warm adds a third
// run, "warm", that builds a fresh copy again with the caches the first left. After each build the bench times the
// binary and the bare venv interpreter running the same entry (the build's launcher under
// .venv/bin/python) side by side, with the startup arguments the action used.
// --side-by-side builds nothing: it writes bench/results/real-projects-backends.md from both backends'
// JSON (size, cold and warm start against poetry run and the bare venv, RSS, cold and warm build).
//
// Usage:
//   node bench/real-projects.mjs [--backend pyinstaller|nuitka] [--runs defaults,parity] [--cold|--warm] [name...]
//   node bench/real-projects.mjs --side-by-side
//   node bench/real-projects.mjs --poetry-run [--poetry-root DIR] [name...]
// The second form builds nothing: it runs functional.sh with a BINARY that is a wrapper running the
// command under `poetry run` in a poetry-installed copy of the project (the proof that functional.sh
// checks what `poetry run` does). `--runs defaults` (or `parity`) does one of the two action runs and
// keeps the other's earlier result. Needs `npm run package` first (dist/cli/index.js), and Poetry on PATH
// or in $POETRY for --poetry-run (which writes bench/results/real-projects-poetry-run.json). Writes bench/results/real-projects-<backend>.{json,md}.
// A project may have action-env.sh: `bash action-env.sh start|stop DIR` runs around its action runs
// (e.g. a Temporal dev server that the service check connects to); functional.sh starts its own.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  bareVenvCommand,
  pathWithCcache,
  readTierInputs,
  tierActionEnv,
  timeSideBySide
} from './lib.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tier = path.join(repo, 'bench', 'real-projects')
const cli = path.join(repo, 'dist', 'cli', 'index.js')
const log = m => process.stderr.write(`real-projects: ${m}\n`)

const argv = process.argv.slice(2)
let backend = 'pyinstaller'
let poetryRunMode = false
let poetryRoot = path.join(repo, '.bench-out', 'real-projects', 'poetry-run')
let runNames = ['defaults', 'parity']
let warm = false
let cold = false
let sideBySide = false
const names = []
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--backend') backend = argv[++i]
  else if (argv[i] === '--poetry-run') poetryRunMode = true
  else if (argv[i] === '--poetry-root') poetryRoot = path.resolve(argv[++i])
  else if (argv[i] === '--runs') runNames = argv[++i].split(',')
  else if (argv[i] === '--tables') continue
  else if (argv[i] === '--warm') warm = cold = true
  else if (argv[i] === '--cold') cold = true
  else if (argv[i] === '--side-by-side') sideBySide = true
  else names.push(argv[i])
}
if (!['pyinstaller', 'nuitka'].includes(backend))
  throw new Error(`--backend: ${backend} is unknown`)
const projects = names.length
  ? names
  : fs
      .readdirSync(tier)
      .filter(n => fs.existsSync(path.join(tier, n, 'project', 'pyproject.toml')))
      .sort()
// A stuck build must not hold the tier: PyInstaller gets 20 minutes, Nuitka 60.
const buildTimeoutS = backend === 'nuitka' ? 3600 : 1200
const functionalTimeoutS = 900
// Niceness of the tier's builds: 0 alone; PBA_TIER_NICE=10 on a machine shared with other work.
const NICE = process.env.PBA_TIER_NICE ?? '0'

const readInputs = name => readTierInputs(tier, name)

function readParity(name) {
  return fs
    .readFileSync(path.join(tier, name, 'PARITY.txt'), 'utf8')
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'))
}

/** The first console script of pyproject.toml ([project.scripts] or [tool.poetry.scripts]). */
function firstScript(pyproject) {
  const text = fs.readFileSync(pyproject, 'utf8')
  const section =
    /^\[(project\.scripts|tool\.poetry\.scripts)\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)
  const line = section?.[2].split('\n').find(l => /^\s*["']?[\w.-]+["']?\s*=/.test(l))
  return line ? line.split('=')[0].trim().replace(/["']/g, '') : null
}

function copyProject(name, dest) {
  fs.rmSync(dest, { recursive: true, force: true })
  fs.mkdirSync(dest, { recursive: true })
  fs.cpSync(path.join(tier, name, 'project'), dest, { recursive: true })
}

function tail(text, lines) {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

/** Runs a command under `timeout` (which signals its whole process group), output to a log file. */
function runLogged(cmd, args, { logFile, timeoutS, cwd, env }) {
  const started = Date.now()
  const result = spawnSync('timeout', ['-k', '30', String(timeoutS), cmd, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  fs.writeFileSync(logFile, output)
  return {
    status: result.status,
    output,
    ms: Date.now() - started,
    timedOut: result.status === 124
  }
}

const actionEnv = (name, verb, dir) => tierActionEnv(tier, name, verb, dir)

/** The first line that says what went wrong when the CLI stopped before writing metrics.json. */
function cliFailureLine(output) {
  const lines = output.split('\n')
  // The CLI's own error line starts with "✗ error:" and wraps: its continuations are indented.
  const at = lines.findIndex(l => /^(::error::|Error:|error:|✗ error:)/.test(l.trim()))
  let marked
  if (at >= 0) {
    let end = at + 1
    while (end < lines.length && /^\s{2,}\S/.test(lines[end])) end++
    marked = lines
      .slice(at, end)
      .map(l => l.trim())
      .join(' ')
  }
  return (marked ?? lines.filter(l => l.trim()).pop() ?? '(no output)').trim()
}

/** The line of a failed functional.sh run that says why: the last error-looking output line. */
function evidenceOf(output) {
  if (
    /\(exit 137\)|\(exit 124\)/.test(
      output.split('\n').find(l => l.startsWith('functional: FAILED')) ?? ''
    )
  )
    return 'no exit within the step timeout (killed)'
  const after = output.split('--- last output ---')[1] ?? output
  const lines = after
    .split('\n')
    .map(l => l.replace(/[│╭╰─╮╯]/g, '').trim())
    .filter(Boolean)
  const last = re => [...lines].reverse().find(l => re.test(l))
  return (
    last(/^([a-z_]\w*\.)*[A-Z]\w*(Error|Exception|NotFound|Exit|Warning)\b/) ??
    last(/(error:|Error|not found|not in PATH|Errno)/) ??
    lines.pop() ??
    null
  )
}

function functional(name, binary, workdir, logFile) {
  fs.rmSync(workdir, { recursive: true, force: true })
  fs.mkdirSync(workdir, { recursive: true })
  const r = runLogged('bash', [path.join(tier, name, 'functional.sh'), binary, workdir], {
    logFile,
    timeoutS: functionalTimeoutS
  })
  const failed = r.output.split('\n').find(l => l.startsWith('functional: FAILED'))
  return {
    passed: r.status === 0,
    exit: r.status,
    firstFailure:
      r.status === 0
        ? null
        : (failed ?? (r.timedOut ? `timed out after ${functionalTimeoutS} s` : tail(r.output, 1))),
    evidence: r.status === 0 ? null : evidenceOf(r.output),
    log: path.relative(repo, logFile)
  }
}

/**
 * The binary's warm start and the bare venv interpreter's, timed side by side (bench/lib.mjs) with
 * the startup arguments the action used; null when the venv copy or the launcher is gone.
 */
function startSideBySide(copy, binaryPath, metrics, entry) {
  const bare = bareVenvCommand(copy, entry?.endsWith('.py') ? [entry] : undefined)
  // A start that never answered (a worker waiting for its server) has no start time to compare.
  if (!bare || !metrics || metrics.startup.unanswered) return null
  const args = metrics.startup.args ?? ['--version']
  const [binaryMs, bareVenvMs] = timeSideBySide(
    [
      [binaryPath, ...args],
      [...bare, ...args]
    ],
    {
      runs: 7,
      cwd: copy,
      timeoutMs: 30_000
    }
  )
  return { args, binaryMs, bareVenvMs }
}

/**
 * The RUNNER_TEMP of runs without --warm: one per backend, shared by this tier's own builds (they
 * run one at a time), so PyInstaller's bincache and Nuitka's caches carry over between projects.
 */
function sharedRunnerTemp() {
  return path.join(repo, '.bench-out', 'real-projects', backend, 'runner-temp')
}

const benchPath = pathWithCcache()

function actionRun(name, runName, inputs, runDir, runnerTemp = sharedRunnerTemp()) {
  const copy = path.join(runDir, 'project')
  copyProject(name, copy)
  const args = [cli, '--project-path', copy, '--upx', 'false', '--startup-runs', '3']
  if (backend !== 'pyinstaller') args.push('--backend', backend)
  for (const [k, v] of Object.entries(inputs)) args.push(`--${k}`, v)
  const logFile = path.join(runDir, 'action.log')
  log(`${name} [${runName}]: building (log ${path.relative(repo, logFile)})`)
  actionEnv(name, 'start', runDir)
  let r
  try {
    // A RUNNER_TEMP of its own, as each Actions job has: the CLI's default (<tmp>/poetry-binary-action)
    // is shared by every local build on the machine, and PyInstaller's bincache in it is not safe
    // against a concurrent build (seen: FileNotFoundError for a bincache .so mid-build).
    fs.mkdirSync(runnerTemp, { recursive: true })
    r = runLogged('nice', ['-n', NICE, 'node', ...args], {
      logFile,
      timeoutS: buildTimeoutS,
      // Nuitka's compile caches live in the run's RUNNER_TEMP, not in a folder this shell names.
      env: {
        RUNNER_TEMP: runnerTemp,
        NUITKA_CACHE_DIR: undefined,
        CCACHE_DIR: undefined,
        PATH: benchPath
      }
    })
  } finally {
    actionEnv(name, 'stop', runDir)
  }
  const metricsFile = path.join(copy, 'build', 'binary-action', 'metrics.json')
  const metrics = fs.existsSync(metricsFile)
    ? JSON.parse(fs.readFileSync(metricsFile, 'utf8'))
    : null
  const result = {
    exit: r.status,
    wallMs: r.ms,
    log: path.relative(repo, logFile),
    verdict: metrics
      ? {
          passed: metrics.verdict.passed,
          firstFailure: metrics.verdict.failures[0] ?? null,
          failures: metrics.verdict.failures
        }
      : {
          passed: false,
          firstFailure: r.timedOut
            ? `build timed out after ${buildTimeoutS} s`
            : cliFailureLine(r.output)
        },
    sizeBytes: metrics?.binary.sizeBytes ?? null,
    startupMedianMs: metrics?.startup.medianMs ?? null,
    poetryRunStartupMedianMs: metrics?.startup.poetryRunMedianMs ?? null,
    startupColdMs: metrics?.startup.coldMs ?? null,
    poetryRunStartupColdMs: metrics?.startup.poetryRunColdMs ?? null,
    peakRssBytes: metrics?.memory.peakRssBytes ?? null,
    poetryRunPeakRssBytes: metrics?.memory.poetryRunPeakRssBytes ?? null,
    buildMs: metrics?.timings.build ?? null,
    ...carryFigures(metrics),
    traceAdded: metrics?.trace?.added
      ? Object.fromEntries(
          Object.entries(metrics.trace.added).map(([k, v]) => [k, v.map(a => a.name ?? a)])
        )
      : null,
    functional: null
  }
  // A build that timed out in validation leaves no metrics.json but a binary in dist/: check it too.
  const distDir = path.join(copy, 'dist')
  const distFiles = fs.existsSync(distDir) ? fs.readdirSync(distDir) : []
  const binaryPath = metrics?.binary.path
    ? path.resolve(copy, metrics.binary.path)
    : distFiles.length === 1
      ? path.join(distDir, distFiles[0])
      : null
  if (binaryPath && fs.existsSync(binaryPath) && metrics) {
    result.startSideBySide = startSideBySide(copy, binaryPath, metrics, inputs.entry)
  }
  if (binaryPath && fs.existsSync(binaryPath)) {
    log(`${name} [${runName}]: functional.sh on ${path.relative(repo, binaryPath)}`)
    result.functional = functional(
      name,
      binaryPath,
      path.join(runDir, 'functional-work'),
      path.join(runDir, 'functional.log')
    )
  } else
    result.functional = {
      passed: false,
      exit: null,
      firstFailure: 'no binary was built',
      log: null
    }
  log(
    `${name} [${runName}]: verdict ${result.verdict.passed ? 'passed' : 'FAILED'}` +
      `${result.verdict.firstFailure ? ` (${result.verdict.firstFailure})` : ''}; functional ` +
      `${result.functional.passed ? 'passed' : `FAILED (${result.functional.firstFailure})`}`
  )
  return result
}

function notesHeader(name) {
  const notes = path.join(tier, name, 'NOTES.md')
  if (!fs.existsSync(notes)) return {}
  const text = fs.readFileSync(notes, 'utf8')
  const field = key =>
    new RegExp(`^- \\*\\*${key}:\\*\\* (.+)$`, 'm').exec(text)?.[1].trim() ?? null
  return { source: field('Source'), commit: field('Commit'), classes: field('Classes') }
}

function poetryBinary() {
  if (process.env.POETRY) return process.env.POETRY
  const which = spawnSync('sh', ['-c', 'command -v poetry'], { encoding: 'utf8' })
  if (which.status === 0) return which.stdout.trim()
  const cached = path.join(
    process.env.HOME ?? '',
    '.cache/poetry-binary-action/tools/poetry/2.5.1/x64/bin/poetry'
  )
  if (fs.existsSync(cached)) return cached
  throw new Error('--poetry-run needs Poetry on PATH or in $POETRY')
}

/** functional.sh against `poetry run` in an installed copy: the proof that it checks real behaviour. */
function poetryRunProof(name) {
  const poetry = poetryBinary()
  const inputs = readInputs(name)
  const copy = path.join(poetryRoot, name)
  const runDir = path.join(repo, '.bench-out', 'real-projects', 'poetry-run-checks', name)
  fs.mkdirSync(runDir, { recursive: true })
  if (!fs.existsSync(path.join(copy, '.venv'))) {
    copyProject(name, copy)
    const extras =
      inputs.extras === 'all' ? ['--all-extras'] : inputs.extras ? ['--extras', inputs.extras] : []
    const groups = inputs.groups ? ['--with', inputs.groups] : []
    log(`${name}: poetry install in ${copy}`)
    const r = runLogged(
      'nice',
      ['-n', NICE, poetry, 'install', '--no-interaction', ...extras, ...groups],
      {
        cwd: copy,
        env: { POETRY_VIRTUALENVS_IN_PROJECT: 'true' },
        logFile: path.join(runDir, 'install.log'),
        timeoutS: 1800
      }
    )
    if (r.status !== 0) return { name, install: 'failed', functional: null }
  }
  const entry = inputs.entry ?? ''
  const command = entry.endsWith('.py')
    ? `python ${JSON.stringify(path.join(copy, entry))}`
    : firstScript(path.join(copy, 'pyproject.toml'))
  const wrapper = path.join(runDir, 'poetry-run-wrapper.sh')
  fs.writeFileSync(
    wrapper,
    `#!/bin/sh\n# Runs the project's command under poetry run, from the caller's working directory.\n` +
      `exec ${JSON.stringify(poetry)} -P ${JSON.stringify(copy)} run ${command} "$@"\n`,
    { mode: 0o755 }
  )
  const result = functional(
    name,
    wrapper,
    path.join(runDir, 'functional-work'),
    path.join(runDir, 'functional.log')
  )
  log(
    `${name} [poetry run]: functional ${result.passed ? 'passed' : `FAILED (${result.firstFailure})`}`
  )
  return { name, command, functional: result }
}

/**
 * What the default carry set cost and what leave-out-unrequired kept out, from one run's metrics:
 * bytes package-data added (data + metadata), and the packages left out of the analysis.
 */
function carryFigures(metrics) {
  if (!metrics) return {}
  const added = metrics.packageData ?? []
  return {
    packageDataBytes: added.length
      ? added.reduce((n, a) => n + (a.dataBytes ?? 0) + (a.metadataBytes ?? 0), 0)
      : null,
    unrequiredLeftOut: metrics.trace?.unrequired?.length ?? null
  }
}

const mb = b => (b == null ? '–' : `${(b / 1e6).toFixed(1)} MB`)
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`)
const ok = x => (x?.firstFailure === 'not run' ? '–' : x?.passed ? 'pass' : '**FAIL**')
const cell = s => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 220)

function writeTables(results) {
  const out = path.join(repo, 'bench', 'results', `real-projects-${backend}`)
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(
    `${out}.json`,
    JSON.stringify({ backend, date: new Date().toISOString(), results }, null, 2) + '\n'
  )
  const rows = results.map(r => {
    const d = r.runs.defaults
    const p = r.runs.parity
    return (
      `| ${r.name} | ${ok(d.verdict)} | ${ok(d.functional)} | ${ok(p.verdict)} | ` +
      `${ok(p.functional)} | ${mb(p.sizeBytes ?? d.sizeBytes)} | ` +
      `${ratio(d.startupMedianMs, d.poetryRunStartupMedianMs)} | ${ratio(d.peakRssBytes, d.poetryRunPeakRssBytes)} | ` +
      `${d.buildMs == null ? '–' : `${Math.round(d.buildMs / 1000)} s`} | ` +
      `${mb(d.packageDataBytes)} | ${d.unrequiredLeftOut ?? '–'} |`
    )
  })
  const failures = results.flatMap(r =>
    ['defaults', 'parity'].flatMap(run => {
      const x = r.runs[run]
      const lines = []
      if (!x.verdict.passed)
        lines.push(`- **${r.name}** [${run}] action: ${cell(x.verdict.firstFailure)}`)
      if (x.verdict.firstFailure === 'not run') return []
      if (!x.functional.passed) {
        const command = (x.functional.firstFailure ?? '')
          .replace(/^functional: FAILED: /, '')
          .replace(/\S*\/dist\/[\w.-]+/g, 'BINARY')
          .replace(/\S*\/functional-work/g, 'WORKDIR')
        lines.push(
          `- **${r.name}** [${run}] functional: \`${cell(command)}\`` +
            `${x.functional.evidence ? ` → ${cell(x.functional.evidence)}` : ''}`
        )
      }
      return lines
    })
  )
  const count = (run, key) => results.filter(r => r.runs[run][key].passed).length
  const md = [
    `# Real-project tier, backend ${backend}`,
    '',
    `${results.length} public Poetry projects (bench/real-projects), built by \`node bench/real-projects.mjs` +
      `${backend === 'pyinstaller' ? '' : ` --backend ${backend}`}\` on ${new Date().toISOString().slice(0, 10)} ` +
      `(2 cores, shared with other builds; one run each, so the ratios are rough).`,
    '',
    `- defaults only: action verdict passed ${count('defaults', 'verdict')}/${results.length}, ` +
      `functional.sh passed ${count('defaults', 'functional')}/${results.length}`,
    `- defaults + PARITY.txt: action verdict passed ${count('parity', 'verdict')}/${results.length}, ` +
      `functional.sh passed ${count('parity', 'functional')}/${results.length}`,
    '',
    '| project | defaults: verdict | defaults: functional | parity: verdict | parity: functional | size | startup vs poetry run | peak RSS vs poetry run | build | package-data added | packages left out (unrequired) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Startup and RSS are the binary over `poetry run` (metrics.startup.medianMs, metrics.memory) of the defaults run; build is metrics.timings.build. package-data added is what the default data and metadata inclusion put in the defaults binary (metrics.packageData, uncompressed); packages left out counts what leave-out-unrequired kept out of the analysis (metrics.trace.unrequired).',
    '',
    '## First failure per run',
    '',
    ...(failures.length ? failures : ['none']),
    ''
  ].join('\n')
  fs.writeFileSync(`${out}.md`, md)
  log(`wrote ${path.relative(repo, out)}.{json,md}`)
}

/**
 * Both backends' tier results, two rows per project: verdicts, size, cold and warm start against
 * `poetry run`, warm start against the bare venv (timed side by side by this bench), peak RSS
 * against `poetry run`, and build time with empty and with warm compile caches.
 */
function writeSideBySide() {
  const read = b => {
    const file = path.join(repo, 'bench', 'results', `real-projects-${b}.json`)
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).results : []
  }
  const byBackend = { PyInstaller: read('pyinstaller'), Nuitka: read('nuitka') }
  const names = [...new Set(Object.values(byBackend).flatMap(rs => rs.map(r => r.name)))].sort()
  const s = ms => (ms == null ? '–' : `${Math.round(ms / 1000)} s`)
  const rows = []
  const sums = {}
  for (const name of names)
    for (const [label, results] of Object.entries(byBackend)) {
      const r = results.find(x => x.name === name)
      const d = r?.runs.defaults
      if (!d || d.verdict.firstFailure === 'not run') {
        rows.push(`| ${name} | ${label} | not run | | | | | | | | |`)
        continue
      }
      const w = r.runs.warm
      const side = d.startSideBySide
      const tally = (sums[label] ??= { verdict: 0, functional: 0, runs: 0 })
      tally.runs++
      if (d.verdict.passed) tally.verdict++
      if (d.functional?.passed) tally.functional++
      // Runs recorded before this bench measured cold starts come from an earlier version.
      const earlier = d.startupColdMs === undefined ? ' (earlier run)' : ''
      rows.push(
        `| ${name} | ${label}${earlier} | ${ok(d.verdict)} | ${ok(d.functional)} | ${mb(d.sizeBytes)} | ` +
          `${ratio(d.startupColdMs, d.poetryRunStartupColdMs)} | ` +
          `${ratio(d.startupMedianMs, d.poetryRunStartupMedianMs)} | ` +
          `${ratio(side?.binaryMs, side?.bareVenvMs)} | ` +
          `${ratio(d.peakRssBytes, d.poetryRunPeakRssBytes)} | ${s(d.buildMs)} | ${s(w?.buildMs)} |`
      )
    }
  const md = [
    '# Real-project tier: PyInstaller and Nuitka side by side',
    '',
    'Written by `node bench/real-projects.mjs --side-by-side` from real-projects-pyinstaller.json and ' +
      'real-projects-nuitka.json (each backend built by `node bench/real-projects.mjs [--backend nuitka] ' +
      '--runs defaults --cold` or `--warm`, the warm build column only from --warm; one run each on 2 cores, so the ratios are rough).',
    '',
    ...Object.entries(sums).map(
      ([label, t]) =>
        `- ${label}, defaults: action verdict passed ${t.verdict}/${t.runs}, functional.sh passed ${t.functional}/${t.runs}`
    ),
    '',
    '| project | backend | verdict | functional | size | cold start / poetry run | warm start / poetry run | warm start / bare venv | peak RSS / poetry run | cold build | warm build |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '- Cold start: the first start after the build (Nuitka: empty extraction cache); warm: the median of the ' +
      "action's timed starts (metrics.startup), each against `poetry run` timed in the same validation.",
    "- Bare venv: the project venv's interpreter running the build's own launcher (the same entry), " +
      'timed interleaved with the binary by the bench after the build, 7 runs each after one warm-up, ' +
      'with the startup arguments the action used; – where the start never answers (a worker).',
    "- Peak RSS: the service run's peak (metrics.memory), – for CLIs without a service run.",
    '- "(earlier run)": a row recorded by an earlier version of the action and of this bench (no cold start, bare venv or warm build figures).',
    '- Cold build: metrics.timings.build with an empty RUNNER_TEMP (Nuitka: no module cache, no ccache ' +
      'objects); warm: a fresh copy built again with the caches the first build left.',
    ''
  ].join('\n')
  const out = path.join(repo, 'bench', 'results', 'real-projects-backends.md')
  fs.writeFileSync(out, md)
  log(`wrote ${path.relative(repo, out)}`)
}

if (sideBySide) writeSideBySide()
else if (argv.includes('--tables')) {
  // Rewrites the tables from the JSON (and the functional logs it points at), building nothing.
  const file = path.join(repo, 'bench', 'results', `real-projects-${backend}.json`)
  const results = JSON.parse(fs.readFileSync(file, 'utf8')).results
  for (const r of results) {
    Object.assign(r, notesHeader(r.name))
    for (const [run, x] of Object.entries(r.runs)) {
      // Runs recorded before these figures existed: read them from the run's metrics when kept.
      const kept = path.join(
        repo,
        '.bench-out',
        'real-projects',
        backend,
        r.name,
        run,
        'project',
        'build',
        'binary-action',
        'metrics.json'
      )
      if (x.packageDataBytes === undefined && fs.existsSync(kept))
        Object.assign(x, carryFigures(JSON.parse(fs.readFileSync(kept, 'utf8'))))
      const logFile = x.functional?.log ? path.join(repo, x.functional.log) : null
      if (x.functional && !x.functional.passed && logFile && fs.existsSync(logFile))
        x.functional.evidence = evidenceOf(fs.readFileSync(logFile, 'utf8'))
    }
  }
  writeTables(results)
} else if (poetryRunMode) {
  const proofs = projects.map(poetryRunProof)
  const file = path.join(repo, 'bench', 'results', 'real-projects-poetry-run.json')
  // Earlier proofs of projects not named this time stay.
  const kept = fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, 'utf8')).filter(p => !projects.includes(p.name))
    : []
  const all = [...kept, ...proofs].sort((a, b) => a.name.localeCompare(b.name))
  fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n')
  log(
    `${proofs.filter(p => p.functional?.passed).length}/${proofs.length} pass under poetry run (${file})`
  )
  process.exitCode = proofs.every(p => p.functional?.passed) ? 0 : 1
} else {
  if (!fs.existsSync(cli))
    throw new Error('dist/cli/index.js is missing: run `npm run package` first')
  const resultsFile = path.join(repo, 'bench', 'results', `real-projects-${backend}.json`)
  // Earlier results stay: naming projects or runs on the command line refreshes only those.
  const previous = fs.existsSync(resultsFile)
    ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')).results
    : []
  const results = previous.filter(r => fs.existsSync(path.join(tier, r.name, 'project')))
  const notRun = {
    verdict: { passed: false, firstFailure: 'not run' },
    functional: { passed: false, firstFailure: 'not run' }
  }
  for (const name of projects) {
    const inputs = readInputs(name)
    const base = path.join(repo, '.bench-out', 'real-projects', backend, name)
    const earlier = results.find(r => r.name === name)?.runs ?? {}
    const runs = {
      defaults: earlier.defaults ?? notRun,
      parity: earlier.parity ?? notRun,
      ...(earlier.warm ? { warm: earlier.warm } : {})
    }
    if (runNames.includes('defaults') && cold) {
      // Cold, then (--warm) warm: a RUNNER_TEMP of this project's own, emptied first, kept for
      // the rebuild.
      const temp = path.join(base, 'runner-temp')
      fs.rmSync(temp, { recursive: true, force: true })
      runs.defaults = actionRun(name, 'defaults', inputs, path.join(base, 'defaults'), temp)
      if (warm) runs.warm = actionRun(name, 'warm', inputs, path.join(base, 'warm'), temp)
      else delete runs.warm
    } else if (runNames.includes('defaults'))
      runs.defaults = actionRun(name, 'defaults', inputs, path.join(base, 'defaults'))
    if (runNames.includes('parity')) {
      const parityInputs = { ...inputs, parity: readParity(name).join('\n') }
      runs.parity = actionRun(name, 'parity', parityInputs, path.join(base, 'parity'))
    }
    const index = results.findIndex(r => r.name === name)
    if (index !== -1) results.splice(index, 1)
    results.push({ name, ...notesHeader(name), inputs, runs })
    results.sort((a, b) => a.name.localeCompare(b.name))
    writeTables(results)
  }
}
