// nuitka-c-optimize: the C compiler's optimization levels side by side on real-project tier
// projects (bench/real-projects/<name>), in one run. Every level of every project is a cold build
// (a RUNNER_TEMP of its own, emptied first: no Nuitka module cache, no ccache objects) through the
// action's CLI (dist/cli: run `npm run package` first) with the project's inputs.json. The build's
// wall time and its CPU time (user + system of the whole process tree, from /usr/bin/time, so a
// busy machine changes it less than the wall time) are kept. Then, with every level built, the
// bench times each binary on the project's own functional.sh (the work its users do with it) and
// its warm start, interleaved level after level so that every level sees the same machine.
//
// Usage: node bench/nuitka-c-optimize.mjs [--levels 1,3] [--rounds 3] [name...]
//        (default: sqlfmt datamodel-code-generator poethepoet deptry)
// Writes bench/results/nuitka-c-optimize.{json,md}.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { pathWithCcache, readTierInputs, tierActionEnv, timeSideBySide } from './lib.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tier = path.join(repo, 'bench', 'real-projects')
const cli = path.join(repo, 'dist', 'cli', 'index.js')
const out = path.join(repo, '.bench-out', 'nuitka-c-optimize')
const log = m => process.stderr.write(`c-optimize: ${m}\n`)

const argv = process.argv.slice(2)
let levels = [1, 3]
let rounds = 3
const names = []
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--levels') levels = argv[++i].split(',').map(Number)
  else if (argv[i] === '--rounds') rounds = Number(argv[++i])
  else names.push(argv[i])
}
if (!levels.every(l => [1, 2, 3].includes(l))) throw new Error('--levels: 1, 2 or 3 each')
if (!(rounds >= 1 && rounds <= 20)) throw new Error('--rounds: 1 to 20')
const projects = names.length
  ? names
  : ['sqlfmt', 'datamodel-code-generator', 'poethepoet', 'deptry']

const actionEnv = (name, verb, dir) => tierActionEnv(tier, name, verb, dir)

/** One cold build of a project at one level; its figures and the binary's path. */
function build(name, level) {
  const dir = path.join(out, name, `O${level}`)
  fs.rmSync(dir, { recursive: true, force: true })
  const copy = path.join(dir, 'project')
  fs.mkdirSync(copy, { recursive: true })
  fs.cpSync(path.join(tier, name, 'project'), copy, { recursive: true })
  const runnerTemp = path.join(dir, 'runner-temp')
  fs.mkdirSync(runnerTemp)
  const args = [cli, '--project-path', copy, '--backend', 'nuitka', '--upx', 'false']
  args.push('--startup-runs', '3', '--nuitka-c-optimize', String(level))
  for (const [k, v] of Object.entries(readTierInputs(tier, name))) args.push(`--${k}`, v)
  const timeFile = path.join(dir, 'time.txt')
  log(`${name} -O${level}: building cold`)
  actionEnv(name, 'start', dir)
  let r
  const started = Date.now()
  try {
    r = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', 'node', ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 3600_000,
      env: {
        ...process.env,
        RUNNER_TEMP: runnerTemp,
        NUITKA_CACHE_DIR: undefined,
        CCACHE_DIR: undefined,
        CFLAGS: undefined,
        PATH: pathWithCcache()
      }
    })
  } finally {
    actionEnv(name, 'stop', dir)
  }
  const wallMs = Date.now() - started
  fs.writeFileSync(path.join(dir, 'action.log'), `${r.stdout ?? ''}${r.stderr ?? ''}`)
  const metricsFile = path.join(copy, 'build', 'binary-action', 'metrics.json')
  if (!fs.existsSync(metricsFile))
    throw new Error(`${name} -O${level}: no metrics.json (exit ${r.status}); see ${dir}/action.log`)
  const metrics = JSON.parse(fs.readFileSync(metricsFile, 'utf8'))
  const [user, sys] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ')
  const said = /Inherited CFLAGS='([^']*)'/.exec(r.stdout ?? '')
  return {
    level,
    passed: metrics.verdict.passed,
    binary: path.resolve(copy, metrics.binary.path),
    copy,
    startupArgs: metrics.startup.args ?? ['--version'],
    sizeBytes: metrics.binary.sizeBytes,
    buildMs: metrics.timings.build,
    pipelineWallMs: wallMs,
    pipelineCpuS: Math.round((Number(user) + Number(sys)) * 10) / 10,
    cflagsSaid: said ? said[1] : null
  }
}

/** functional.sh on each binary, interleaved, `rounds` times; the median wall time of each. */
function functionalTimes(name, builds) {
  const times = builds.map(() => [])
  const failures = builds.map(() => null)
  for (let round = 0; round < rounds; round++) {
    builds.forEach((b, k) => {
      const work = path.join(out, name, `O${b.level}`, 'functional-work')
      fs.rmSync(work, { recursive: true, force: true })
      const t = process.hrtime.bigint()
      const r = spawnSync('bash', [path.join(tier, name, 'functional.sh'), b.binary, work], {
        encoding: 'utf8',
        timeout: 900_000
      })
      if (r.status !== 0)
        failures[k] ??=
          (r.stdout ?? '').split('\n').find(l => l.startsWith('functional: FAILED')) ??
          `exit ${r.status}`
      else times[k].push(Number(process.hrtime.bigint() - t) / 1e6)
    })
  }
  return times.map((t, k) => {
    const s = [...t].sort((a, b) => a - b)
    return {
      medianMs: s.length ? Math.round(s[Math.floor(s.length / 2)]) : null,
      failure: failures[k]
    }
  })
}

const results = []
for (const name of projects) {
  const builds = levels.map(level => build(name, level))
  log(`${name}: functional.sh ${rounds}x per level, interleaved`)
  const functional = functionalTimes(name, builds)
  const starts = timeSideBySide(
    builds.map(b => [b.binary, ...b.startupArgs]),
    { runs: 11, cwd: builds[0].copy, timeoutMs: 30_000 }
  )
  results.push({
    name,
    builds: builds.map((b, k) => ({
      level: b.level,
      passed: b.passed,
      cflagsSaid: b.cflagsSaid,
      sizeBytes: b.sizeBytes,
      buildMs: b.buildMs,
      pipelineWallMs: b.pipelineWallMs,
      pipelineCpuS: b.pipelineCpuS,
      functionalMedianMs: functional[k].medianMs,
      functionalFailure: functional[k].failure,
      warmStartMs: starts[k]
    }))
  })
  log(`${name}: done`)
}

fs.mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true })
const date = new Date().toISOString()
fs.writeFileSync(
  path.join(repo, 'bench', 'results', 'nuitka-c-optimize.json'),
  `${JSON.stringify({ date, levels, rounds, results }, null, 2)}\n`
)
const mb = b => (b / 1e6).toFixed(1)
const ratio = (a, b) => (a != null && b != null && b > 0 ? `${(a / b).toFixed(2)}×` : '–')
const base = levels.includes(3) ? 3 : levels[levels.length - 1]
const rows = results.flatMap(r => {
  const ref = r.builds.find(b => b.level === base)
  return r.builds.map(
    b =>
      `| ${r.name} | -O${b.level}${b.level === 3 ? " (Nuitka's own)" : ''} | ${b.passed ? 'passed' : 'FAILED'} | ` +
      `${Math.round(b.buildMs / 1000)} s (${ratio(b.buildMs, ref.buildMs)}) | ` +
      `${b.pipelineCpuS} s (${ratio(b.pipelineCpuS, ref.pipelineCpuS)}) | ${mb(b.sizeBytes)} MB | ` +
      `${b.functionalMedianMs ?? b.functionalFailure} ms (${ratio(b.functionalMedianMs, ref.functionalMedianMs)}) | ` +
      `${b.warmStartMs} ms (${ratio(b.warmStartMs, ref.warmStartMs)}) |`
  )
})
fs.writeFileSync(
  path.join(repo, 'bench', 'results', 'nuitka-c-optimize.md'),
  [
    '# nuitka-c-optimize: the C optimization level side by side',
    '',
    `\`node bench/nuitka-c-optimize.mjs --levels ${levels.join(',')} --rounds ${rounds} ${projects.join(' ')}\`, ${date.slice(0, 10)}.`,
    'Every build cold (its own empty RUNNER_TEMP: no Nuitka module cache, no ccache objects), through',
    "the action's CLI with the project's inputs.json. Ratios are against -O3. Build: Nuitka's step",
    "(the action's timings.build); CPU: user + system of the whole action run (Poetry, Nuitka, gcc,",
    "validation). functional.sh: median wall time of the project's own functional script on the",
    `binary, ${rounds} runs per level, interleaved; warm start: median of 11 interleaved runs.`,
    '',
    '| project | level | verdict | build (Nuitka) | CPU (whole run) | size | functional.sh | warm start |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    ''
  ].join('\n')
)
log('wrote bench/results/nuitka-c-optimize.{json,md}')
