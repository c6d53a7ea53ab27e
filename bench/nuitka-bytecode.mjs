// nuitka-bytecode: auto against none on one project, side by side in one run: cold build time
// (each variant with its own empty Nuitka cache and ccache folder), size, onefile payload ratio,
// first start (empty extraction cache) and warm start against `poetry run` and the bare venv
// interpreter, and, for a service, peak RSS against `poetry run`. Every build goes through the
// action's own pipeline (dist/cli, so run `npm run package` first), with the full validation suite.
//
// Usage: node bench/nuitka-bytecode.mjs [project-path] [extra cli flags...]
//        (default bench/projects/richdemo: a small CLI on rich)
// Writes bench/results/nuitka-bytecode.{json,md}.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const source = path.resolve(repo, process.argv[2] ?? 'bench/projects/richdemo')
const extra = process.argv.slice(3)
const cli = path.join(repo, 'dist', 'cli', 'index.js')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-bench-bytecode-'))
const log = m => process.stderr.write(`bench: ${m}\n`)

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  return s.length ? s[Math.floor(s.length / 2)] : null
}

/** Warm starts of a command, in ms (the first run only warms up). */
function starts(cmd, args, cwd, runs = 11) {
  const ms = []
  for (let i = 0; i <= runs; i++) {
    const t = process.hrtime.bigint()
    const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' })
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`)
    if (i) ms.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return median(ms)
}

function build(mode) {
  const dir = path.join(work, mode)
  fs.cpSync(source, dir, {
    recursive: true,
    filter: src => !/(^|[\\/])(\.venv|build|dist)$/.test(path.relative(source, src))
  })
  const env = {
    ...process.env,
    NUITKA_CACHE_DIR: path.join(work, `${mode}-nuitka-cache`),
    CCACHE_DIR: path.join(work, `${mode}-ccache`)
  }
  log(`${mode}: building`)
  const started = Date.now()
  const r = spawnSync(
    process.execPath,
    [
      cli,
      '--project-path',
      dir,
      '--backend',
      'nuitka',
      '--nuitka-bytecode',
      mode,
      '--startup-runs',
      '11',
      '--upload',
      'false',
      '--comment',
      'false',
      '--cache',
      'false',
      ...extra
    ],
    { encoding: 'utf8', env, maxBuffer: 512 * 1024 * 1024 }
  )
  const text = `${r.stdout}\n${r.stderr}`
  fs.writeFileSync(path.join(work, `${mode}.log`), text)
  const metricsPath = path.join(dir, 'build', 'binary-action', 'metrics.json')
  if (!fs.existsSync(metricsPath)) throw new Error(`${mode}: no metrics (exit ${r.status})`)
  const m = JSON.parse(fs.readFileSync(metricsPath, 'utf8'))
  const cFiles = /Nuitka: (\d+) of (\d+) C files compiled, build took/.exec(text)
  const ratio = /Nuitka onefile payload: ([\d.]+)%/.exec(text)
  const args = m.startup?.args ?? ['--version']
  const script = fs
    .readdirSync(path.join(dir, 'build', 'binary-action'))
    .find(f => f.endsWith('-launcher.py'))
  const bare = script
    ? starts(
        path.join(dir, '.venv', 'bin', 'python'),
        [path.join(dir, 'build', 'binary-action', script), ...args],
        dir
      )
    : null
  const row = {
    mode,
    passed: m.verdict.passed,
    buildS: Math.round((Date.now() - started) / 1000),
    nuitkaBuildS: Math.round((m.timings?.build ?? 0) / 1000),
    cFiles: cFiles ? Number(cFiles[2]) : null,
    sizeBytes: m.binary.sizeBytes,
    payloadPercent: ratio ? Number(ratio[1]) : null,
    firstStartMs: m.startup.extraction?.firstStartMs ?? m.startup.coldMs ?? null,
    warmMs: m.startup.medianMs,
    poetryRunMs: m.startup.poetryRunMedianMs,
    bareVenvMs: bare,
    peakRssBytes: m.memory?.peakRssBytes ?? null,
    poetryRunPeakRssBytes: m.memory?.poetryRunPeakRssBytes ?? null
  }
  log(`${mode}: ${JSON.stringify(row)}`)
  return row
}

const rows = ['auto', 'none'].map(build)
const mb = b => (b == null ? '' : `${(b / 1e6).toFixed(1)} MB`)
const ms = v => (v == null ? '' : `${Math.round(v)} ms`)
const md = [
  `# nuitka-bytecode: auto against none (${path.relative(repo, source)})`,
  '',
  `One run on ${os.cpus().length} cores (${os.loadavg()[0].toFixed(1)} load at the end), ${new Date().toISOString().slice(0, 10)}; each variant cold (its own empty Nuitka cache and ccache). Starts are medians of 11.`,
  '',
  '| nuitka-bytecode | verdict | build (pipeline) | C files | size | payload | first start | warm start | poetry run | bare venv | warm / bare | peak RSS | poetry run RSS |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    r =>
      `| ${r.mode} | ${r.passed ? 'passed' : 'FAILED'} | ${r.buildS} s | ${r.cFiles ?? ''} | ${mb(r.sizeBytes)} | ${r.payloadPercent ?? ''}% | ${ms(r.firstStartMs)} | ${ms(r.warmMs)} | ${ms(r.poetryRunMs)} | ${ms(r.bareVenvMs)} | ${r.bareVenvMs ? (r.warmMs / r.bareVenvMs).toFixed(2) + '×' : ''} | ${mb(r.peakRssBytes)} | ${mb(r.poetryRunPeakRssBytes)} |`
  ),
  ''
]
fs.mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true })
fs.writeFileSync(
  path.join(repo, 'bench', 'results', 'nuitka-bytecode.json'),
  JSON.stringify(rows, null, 1)
)
fs.writeFileSync(path.join(repo, 'bench', 'results', 'nuitka-bytecode.md'), md.join('\n'))
process.stdout.write(md.join('\n'))
