// PyInstaller against Nuitka on one project, side by side in one run on one machine: size, startup
// cold (empty extraction cache) and warm against `poetry run`, peak RSS of the service, and build
// time, Nuitka's both cold (empty compile caches) and again with the caches the first build left.
// Every build goes through the action's own pipeline (dist/cli), with the full validation suite.
//
// Usage: node bench/backends.mjs [--nuitka-bytecode LIST] [project-path]
//        (default examples/agent-runner-temporal, with the action's defaults: nuitka-bytecode auto)
// Writes bench/results/backends.{json,md}. For the Temporal example it starts a Temporal dev server
// on 127.0.0.1 (scripts/install-temporal.sh) and uses the same inputs as its integration tier.
// Needs gcc. Nuitka builds get ccache (scripts/install-ccache.sh) on PATH when it is installed, as
// a Nuitka user is told to, with its objects in the run's own Nuitka cache folder.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { bareVenvCommand, pathWithCcache, timeSideBySide } from './lib.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const flagAt = argv.indexOf('--nuitka-bytecode')
const bytecode = flagAt >= 0 ? argv.splice(flagAt, 2)[1] : ''
const source = path.resolve(repo, argv[0] ?? 'examples/agent-runner-temporal')
const temporalProject = path.basename(source) === 'agent-runner-temporal'
const cli = path.join(repo, 'dist', 'cli', 'index.js')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-bench-backends-'))

const log = m => process.stderr.write(`bench: ${m}\n`)

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

async function waitForPort(port, timeoutMs) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const ok = await new Promise(resolve => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.end()
        resolve(true)
      })
      c.once('error', () => resolve(false))
    })
    if (ok) return
    await new Promise(r => setTimeout(r, 500))
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`)
}

async function startTemporal() {
  const temporal = execFileSync('bash', [path.join(repo, 'scripts', 'install-temporal.sh')], {
    encoding: 'utf8'
  })
    .trim()
    .split('\n')
    .pop()
  const port = await freePort()
  const server = spawn(
    temporal,
    [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--ui-port',
      String(await freePort()),
      '--db-filename',
      path.join(work, 'temporal.db'),
      '--log-level',
      'error'
    ],
    { detached: true, stdio: 'ignore' }
  )
  await waitForPort(port, 90_000)
  return { server, address: `127.0.0.1:${port}` }
}

/** One build through the pipeline; `dir` is reused when given (a rebuild). */
function build(label, flags, env, dir = path.join(work, label)) {
  if (!fs.existsSync(dir))
    fs.cpSync(source, dir, {
      recursive: true,
      filter: src => !/(^|[\\/])(\.venv|build|dist)$/.test(path.relative(source, src))
    })
  const inputs = temporalProject
    ? [
        '--smoke',
        'self-check => 0',
        '--parity',
        '--help\n--version\nself-check',
        '--service-args',
        'worker',
        '--service-exercise',
        'trigger --prompt "bench" => 0',
        '--ready-pattern',
        '^agent-runner worker ready$',
        '--ready-timeout',
        '60s',
        '--sigterm-timeout',
        '15s'
      ]
    : ['--ready-pattern', '^agent-runner ready$']
  log(`${label}: building`)
  const started = Date.now()
  const r = spawnSync(
    process.execPath,
    [
      cli,
      '--project-path',
      dir,
      '--startup-runs',
      '11',
      '--upload',
      'false',
      '--comment',
      'false',
      '--upx',
      'false',
      ...inputs,
      ...flags
    ],
    { encoding: 'utf8', env, maxBuffer: 512 * 1024 * 1024 }
  )
  fs.writeFileSync(path.join(work, `${label}.log`), `${r.stdout}\n${r.stderr}`)
  const metricsPath = path.join(dir, 'build', 'binary-action', 'metrics.json')
  if (!fs.existsSync(metricsPath))
    throw new Error(
      `${label}: no metrics (exit ${r.status}): ${r.stderr.split('\n').slice(-5).join('\n')}`
    )
  const metrics = JSON.parse(fs.readFileSync(metricsPath, 'utf8'))
  log(
    `${label}: ${metrics.verdict.passed ? 'passed' : `FAILED: ${metrics.verdict.failures[0]}`} in ${Math.round((Date.now() - started) / 1000)} s`
  )
  return { label, dir, wallMs: Date.now() - started, metrics }
}

/**
 * The bare venv interpreter running the same entry with the startup arguments (bench/lib.mjs), 10
 * timed runs after one warm-up (median).
 */
function bareVenvStart(r) {
  const command = bareVenvCommand(r.dir)
  if (!command) return null
  return timeSideBySide([[...command, '--version']], { runs: 10, cwd: r.dir, env: baseEnv })[0]
}

const temporal = temporalProject ? await startTemporal() : undefined
const baseEnv = {
  ...process.env,
  ...(temporal ? { TEMPORAL_ADDRESS: temporal.address, AGENT_RUNNER_FAKE_MODEL: '1' } : {})
}
// Nuitka's compile caches start empty for the cold build; the warm rebuild reuses them.
const nuitkaCache = path.join(work, 'nuitka-cache')
let rows
try {
  const pyi = build('pyinstaller', ['--backend', 'pyinstaller'], baseEnv)
  // ccache on PATH, its objects in Nuitka's cache folder (CCACHE_DIR unset), empty for the cold build.
  const nuitkaEnv = {
    ...baseEnv,
    NUITKA_CACHE_DIR: nuitkaCache,
    CCACHE_DIR: undefined,
    PATH: pathWithCcache(baseEnv.PATH)
  }
  const nuitkaFlags = ['--backend', 'nuitka', ...(bytecode ? ['--nuitka-bytecode', bytecode] : [])]
  const cold = build('nuitka', nuitkaFlags, nuitkaEnv)
  const warm = build('nuitka-warm', nuitkaFlags, nuitkaEnv, cold.dir)
  rows = { pyi, cold, warm, bareMs: bareVenvStart(pyi) }
} finally {
  if (temporal) {
    try {
      process.kill(-temporal.server.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

const { pyi, cold, warm, bareMs } = rows
const ratio = (a, b) => (a != null && b ? Number((a / b).toFixed(3)) : null)
const row = (label, r, buildMs) => {
  const m = r.metrics
  return {
    backend: label,
    passed: m.verdict.passed,
    sizeBytes: m.binary.sizeBytes,
    coldStartMs: m.startup.coldMs,
    warmStartMs: m.startup.medianMs,
    poetryRunMs: m.startup.poetryRunMedianMs,
    warmOverPoetryRun: ratio(m.startup.medianMs, m.startup.poetryRunMedianMs),
    warmOverBareVenv: ratio(m.startup.medianMs, bareMs),
    coldOverPoetryRun: ratio(m.startup.coldMs, m.startup.poetryRunMedianMs),
    extraction: m.startup.extraction?.kind ?? null,
    peakRssBytes: m.memory.peakRssBytes,
    poetryRunPeakRssBytes: m.memory.poetryRunPeakRssBytes,
    buildMs: buildMs
  }
}
const result = {
  date: new Date().toISOString(),
  machine: `${os.platform()} ${os.arch()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  project: path.relative(repo, source),
  nuitkaBytecode: bytecode || 'auto (default)',
  bareVenvStartMs: bareMs,
  ccache: Boolean(spawnSync('ccache', ['--version']).status === 0),
  rows: [
    row('PyInstaller', pyi, pyi.metrics.timings.build),
    row('Nuitka', cold, cold.metrics.timings.build)
  ],
  nuitkaBuild: {
    coldMs: cold.metrics.timings.build,
    warmMs: warm.metrics.timings.build,
    warmOverCold: ratio(warm.metrics.timings.build, cold.metrics.timings.build)
  },
  // Issue 18's targets for Nuitka with the defaults, as ratios measured in this one run.
  goals: {
    coldBuildOverPyInstaller: {
      value: ratio(cold.metrics.timings.build, pyi.metrics.timings.build),
      target: 2
    },
    warmStartOverBareVenv: { value: ratio(cold.metrics.startup.medianMs, bareMs), target: 1.3 },
    peakRssOverPoetryRun: {
      value: ratio(cold.metrics.memory.peakRssBytes, cold.metrics.memory.poetryRunPeakRssBytes),
      target: 1.2
    },
    sizeOverPyInstaller: {
      value: ratio(cold.metrics.binary.sizeBytes, pyi.metrics.binary.sizeBytes),
      target: 1.2
    },
    warmRebuildOverCold: ratio(warm.metrics.timings.build, cold.metrics.timings.build)
  }
}
const out = path.join(repo, 'bench', 'results')
fs.mkdirSync(out, { recursive: true })
fs.writeFileSync(path.join(out, 'backends.json'), `${JSON.stringify(result, null, 2)}\n`)
const mb = b => (b == null ? '—' : `${(b / 1e6).toFixed(1)} MB`)
const s = ms => (ms == null ? '—' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 0)} s`)
const md = [
  `# Backends: ${result.project} (${result.date.slice(0, 10)}, ${result.machine}${result.ccache ? ', ccache' : ''})`,
  '',
  '| backend | size | cold start | warm start | poetry run | warm / poetry run | warm / bare venv | peak RSS (poetry run) | build |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...result.rows.map(
    r =>
      `| ${r.backend}${r.passed ? '' : ' (failed)'} | ${mb(r.sizeBytes)} | ${s(r.coldStartMs)} | ${s(r.warmStartMs)} | ${s(r.poetryRunMs)} | ${r.warmOverPoetryRun ?? '—'}× | ${r.warmOverBareVenv ?? '—'}× | ${mb(r.peakRssBytes)} (${mb(r.poetryRunPeakRssBytes)}) | ${s(r.buildMs)} |`
  ),
  '',
  `Nuitka build: cold caches ${s(result.nuitkaBuild.coldMs)}, warm caches ${s(result.nuitkaBuild.warmMs)} (${result.nuitkaBuild.warmOverCold}× of cold); nuitka-bytecode: ${result.nuitkaBytecode}.`,
  `Bare venv interpreter running the same entry (the build's launcher under .venv/bin/python, --version): ${s(bareMs)}.`,
  '',
  'Issue 18 targets for Nuitka (this run):',
  '',
  '| measure | value | target | met |',
  '|---|---:|---:|---|',
  ...Object.entries(result.goals)
    .filter(([, g]) => g && typeof g === 'object')
    .map(
      ([k, g]) =>
        `| ${k} | ${g.value ?? '—'}× | ≤ ${g.target}× | ${g.value != null && g.value <= g.target ? 'yes' : 'no'} |`
    ),
  '',
  `Cold start: first start with an empty extraction cache (Nuitka) or a fresh temp folder (PyInstaller, which extracts at every start).`,
  ''
].join('\n')
fs.writeFileSync(path.join(out, 'backends.md'), md)
process.stdout.write(md)
log(`logs kept in ${work}`)
