// What the default `package-data: all` costs, measured side by side in one run: each project is
// built through the action's CLI with `package-data: all` and with `none` (everything else at the
// defaults, no UPX), and the binary size, warm startup median and the cold first start are
// compared. Ratios, not absolute targets.
// Usage: node bench/package-data.mjs [project-path ...]
//   (default: examples/agent-runner examples/agent-runner-temporal; writes
//   bench/results/package-data.{json,md})
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist', 'cli', 'index.js')
const projects = (
  process.argv.length > 2
    ? process.argv.slice(2)
    : ['examples/agent-runner', 'examples/agent-runner-temporal']
).map(p => path.resolve(repo, p))
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-package-data-'))
const BUILD_TIMEOUT_MS = 30 * 60_000

function build(source, label, packageData) {
  const dir = path.join(work, `${path.basename(source)}-${label}`)
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
  const metricsPath = path.join(dir, 'build', 'binary-action', 'metrics.json')
  if (!fs.existsSync(metricsPath))
    throw new Error(
      `${label}: no metrics.json (${(r.stderr || r.stdout).split('\n').slice(-5).join(' | ')})`
    )
  return JSON.parse(fs.readFileSync(metricsPath, 'utf8'))
}

const rows = []
for (const source of projects) {
  const all = build(source, 'all', 'all')
  const none = build(source, 'none', 'none')
  const added = (all.packageData ?? []).reduce((n, d) => n + d.dataBytes + d.metadataBytes, 0)
  rows.push({
    project: path.relative(repo, source) || source,
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
}
fs.rmSync(work, { recursive: true, force: true })
const out = path.join(repo, 'bench', 'results')
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
  '| project | distributions | added | size all / none | ratio | warm start all / none | ratio | cold start all / none | biggest |',
  '|---|---:|---:|---|---:|---|---:|---|---|',
  ...rows.map(
    r =>
      `| ${r.project} | ${r.distributions} | ${(r.addedBytes / 1024).toFixed(0)} KiB | ${(r.sizeAll / 1e6).toFixed(2)} / ${(r.sizeNone / 1e6).toFixed(2)} MB | ${r.sizeRatio} | ${r.startAllMs} / ${r.startNoneMs} ms | ${r.startRatio} | ${r.coldAllMs} / ${r.coldNoneMs} ms | ${r.biggest.join(', ')} |`
  ),
  ''
].join('\n')
fs.writeFileSync(path.join(out, 'package-data.md'), md)
process.stdout.write(md)
