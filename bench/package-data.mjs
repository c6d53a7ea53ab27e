// What the default `package-data: all` costs, measured side by side in one run: each project is
// built through the action's CLI with `package-data: all` and with `none` (everything else at the
// defaults, no UPX), and the binary size, warm startup median and the cold first start are
// compared. Ratios, not absolute targets.
// Usage: node bench/package-data.mjs [--work DIR] [project-path ...]
//   (default: examples/agent-runner examples/agent-runner-temporal). Rows are merged into
//   bench/results/package-data.{json,md} by project, so the tier can be measured a few projects
//   at a time. --work DIR keeps the builds there (instead of a temporary folder removed at the
//   end), and a build whose metrics.json is already in DIR is read, not built again.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist', 'cli', 'index.js')
const args = process.argv.slice(2)
const workAt = args.indexOf('--work')
const keptWork = workAt >= 0 ? path.resolve(args.splice(workAt, 2)[1]) : null
const projects = (
  args.length > 0 ? args : ['examples/agent-runner', 'examples/agent-runner-temporal']
).map(p => path.resolve(repo, p))
const work = keptWork ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pba-package-data-'))
fs.mkdirSync(work, { recursive: true })
const BUILD_TIMEOUT_MS = 30 * 60_000
/** A project's name in the table: its path in the repository (tier projects all end in /project). */
const label = source => path.relative(repo, source) || source

function build(source, variant, packageData) {
  const dir = path.join(work, `${label(source).replace(/[^A-Za-z0-9._-]+/g, '_')}-${variant}`)
  const metricsPath = path.join(dir, 'build', 'binary-action', 'metrics.json')
  if (keptWork && fs.existsSync(metricsPath))
    return JSON.parse(fs.readFileSync(metricsPath, 'utf8'))
  fs.rmSync(dir, { recursive: true, force: true })
  fs.cpSync(source, dir, {
    recursive: true,
    filter: src => !/(^|[\\/])(\.venv|build|dist)$/.test(path.relative(source, src))
  })
  const r = spawnSync(
    process.execPath,
    [
      cli,
      '--project-path',
      dir,
      '--upx',
      'false',
      '--startup-runs',
      '11',
      '--parity=--help',
      `--package-data=${packageData}`
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: BUILD_TIMEOUT_MS }
  )
  if (!fs.existsSync(metricsPath))
    throw new Error(
      `${variant}: no metrics.json (${(r.stderr || r.stdout).split('\n').slice(-5).join(' | ')})`
    )
  return JSON.parse(fs.readFileSync(metricsPath, 'utf8'))
}

const out = path.join(repo, 'bench', 'results')
const resultsPath = path.join(out, 'package-data.json')
const rows = fs.existsSync(resultsPath)
  ? (JSON.parse(fs.readFileSync(resultsPath, 'utf8')).rows ?? [])
  : []
for (const source of projects) {
  const all = build(source, 'all', 'all')
  const none = build(source, 'none', 'none')
  const added = (all.packageData ?? []).reduce((n, d) => n + d.dataBytes + d.metadataBytes, 0)
  const at = rows.findIndex(r => r.project === label(source))
  rows.splice(at >= 0 ? at : rows.length, at >= 0 ? 1 : 0, {
    project: label(source),
    measured: new Date().toISOString(),
    distributions: (all.packageData ?? []).length,
    addedBytes: added,
    sizeAll: all.binary.sizeBytes,
    sizeNone: none.binary.sizeBytes,
    sizeRatio: +(all.binary.sizeBytes / none.binary.sizeBytes).toFixed(3),
    startAllMs: all.startup.medianMs,
    startNoneMs: none.startup.medianMs,
    startRatio: +(all.startup.medianMs / none.startup.medianMs).toFixed(3),
    coldAllMs: all.startup.coldMs,
    coldNoneMs: none.startup.coldMs,
    passedAll: all.verdict.passed,
    passedNone: none.verdict.passed,
    biggest: (all.packageData ?? [])
      .slice(0, 3)
      .map(d => `${d.distribution} ${((d.dataBytes + d.metadataBytes) / 1024).toFixed(0)} KiB`)
  })
  writeResults()
}
if (!keptWork) fs.rmSync(work, { recursive: true, force: true })

/** Writes every row so far: a run that stops part-way keeps the projects it measured. */
function writeResults() {
  fs.mkdirSync(out, { recursive: true })
  const stamp = new Date().toISOString()
  fs.writeFileSync(
    path.join(out, 'package-data.json'),
    `${JSON.stringify({ measured: stamp, host: `${os.platform()}-${os.arch()}, ${os.cpus().length} cores`, rows }, null, 2)}\n`
  )
  const md = [
    `# package-data: all against none (${stamp}, ${os.platform()}-${os.arch()}, ${os.cpus().length} cores)`,
    '',
    'Each project built twice in one run through the action CLI (no UPX, 11 startup runs of `--version`, first apart).',
    '',
    '| project | measured | distributions | added | size all / none | ratio | warm start all / none | ratio | cold start all / none | biggest |',
    '|---|---|---:|---:|---|---:|---|---:|---|---|',
    ...rows.map(
      r =>
        `| ${r.project} | ${(r.measured ?? stamp).slice(0, 10)} | ${r.distributions} | ${(r.addedBytes / 1024).toFixed(0)} KiB | ${(r.sizeAll / 1e6).toFixed(2)} / ${(r.sizeNone / 1e6).toFixed(2)} MB | ${r.sizeRatio} | ${r.startAllMs} / ${r.startNoneMs} ms | ${r.startRatio} | ${r.coldAllMs} / ${r.coldNoneMs} ms | ${r.biggest.join(', ')} |`
    ),
    ''
  ].join('\n')
  fs.writeFileSync(path.join(out, 'package-data.md'), md)
  process.stdout.write(md)
}
