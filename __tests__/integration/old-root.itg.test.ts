/**
 * Building on an older system lowers the glibc floor, shown end to end: the compiled action
 * (dist/index.js, built with `npm run package`) runs under Node 24 INSIDE a Debian 11 root (glibc
 * 2.31, Debian's own Python 3.9 with a shared libpython; scripts/make-bullseye-python-root.sh, cached)
 * with chroot, the way a `container:` job runs it. It installs Poetry, PyInstaller and the light
 * example's dependencies from the package index there and builds the example with max-glibc: 2.31.
 * The same action builds the example on this host (Debian 12) too, so both builds are side by side.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Metrics } from '../../src/report/metrics.js'
import { compareVersions } from '../../src/validate/portability.js'
import { copyProject, REPO } from './support.js'
import {
  DIST,
  NODE24,
  outcome,
  parseOutputFile,
  runAction,
  runnerEnv,
  runnerFiles,
  type StepResult
} from '../e2e/runner.js'

/** PBA_OLD_ROOT_BACKEND=nuitka builds both sides with Nuitka (bullseye's gcc 10, patchelf); slow. */
const BACKEND = process.env.PBA_OLD_ROOT_BACKEND ?? 'pyinstaller'
const TIMEOUT = (BACKEND === 'nuitka' ? 60 : 25) * 60_000
/** Poetry 2.3+ needs Python 3.10; 2.2.1 is the last release that runs on Debian 11's Python 3.9. */
const POETRY_FOR_PY39 = '2.2.1'
/** Inputs both builds share: no cache or artifact service here, and no baseline lookup on GitHub. */
const INPUTS = {
  'project-path': 'agent-runner',
  'max-glibc': '2.31',
  cache: 'false',
  upload: 'false',
  comment: 'false',
  baseline: 'none',
  upx: 'false',
  backend: BACKEND
}
/** The machine's proxy and package-index settings, passed into the root as a runner passes them. */
const PASS_THROUGH =
  /^(https?_proxy|no_proxy|all_proxy|PIP_INDEX_URL|PIP_EXTRA_INDEX_URL|PIP_DEFAULT_TIMEOUT|PIP_DISABLE_PIP_VERSION_CHECK)$/i
/** CA bundle variables (this machine's TLS proxy); inside the root they name a copy of the host bundle. */
const CA_VARS = [
  'SSL_CERT_FILE',
  'REQUESTS_CA_BUNDLE',
  'PIP_CERT',
  'NODE_EXTRA_CA_CERTS',
  'CURL_CA_BUNDLE'
]

/** The path a host path inside the root has once chrooted. */
const inside = (root: string, hostPath: string): string => `/${path.relative(root, hostPath)}`

/** Runs a command in the root with chroot; stdout, stderr and the exit status. */
function inRoot(
  root: string,
  argv: string[],
  env: Record<string, string>
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('chroot', [root, ...argv], { encoding: 'utf8', timeout: 60_000, env })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Runs dist/index.js with Node 24 inside the root, with a runner's step environment; bounded. */
function runActionInRoot(
  root: string,
  job: string,
  env: Record<string, string>,
  timeoutMs: number
): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(
      'chroot',
      [
        root,
        '/usr/bin/env',
        `--chdir=${inside(root, path.join(job, 'workspace'))}`,
        '/opt/node24/bin/node',
        inside(root, path.join(job, 'action', 'dist', 'index.js'))
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({
        exitCode: code,
        stdout,
        stderr,
        outputs: parseOutputFile(fs.readFileSync(path.join(job, 'github_output'), 'utf8')),
        summary: fs.readFileSync(path.join(job, 'step_summary.md'), 'utf8'),
        ms: Date.now() - started
      })
    })
  })
}

/** One line of the side-by-side table the README shows. */
function row(label: string, m: Metrics): string {
  const mb = (m.binary.sizeBytes / 1e6).toFixed(2)
  return `| ${label} | Python ${m.versions.python} | ${m.glibcFloor?.version} (${m.glibcFloor?.file}) | ${m.glibcFloor?.distributions.join(', ')} | ${mb} MB | ${m.startup.medianMs} ms |`
}

describe(`the compiled action inside a Debian 11 (glibc 2.31) root, backend ${BACKEND}`, () => {
  let root: string
  let job: string
  let procMounted = false
  let step: StepResult
  let old: Metrics
  let hostStep: StepResult
  let host: Metrics
  /** The environment of commands run in the root after the build. */
  const rootEnv = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LANG: 'C.UTF-8' }

  beforeAll(async () => {
    if (!fs.existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run package first`)
    root = execFileSync('bash', [path.join(REPO, 'scripts', 'make-bullseye-python-root.sh')], {
      encoding: 'utf8',
      timeout: 15 * 60_000,
      stdio: ['ignore', 'pipe', 'inherit']
    })
      .trim()
      .split('\n')
      .pop() as string

    // Node 24 (glibc 2.28 needed) kept in the root between runs; refreshed when it differs.
    const node = path.join(root, 'opt', 'node24', 'bin', 'node')
    const nodeSource = fs.realpathSync(NODE24)
    if (!fs.existsSync(node) || fs.statSync(node).size !== fs.statSync(nodeSource).size) {
      fs.mkdirSync(path.dirname(node), { recursive: true })
      fs.copyFileSync(nodeSource, node)
      fs.chmodSync(node, 0o755)
    }
    // A job folder as a runner lays it out: the action's dist/, the workspace, the step's files.
    job = fs.mkdtempSync(path.join(root, 'tmp', 'pba-job-'))
    fs.cpSync(path.dirname(DIST), path.join(job, 'action', 'dist'), { recursive: true })
    fs.mkdirSync(path.join(job, 'workspace'))
    fs.mkdirSync(path.join(job, 'runner_temp'))
    copyProject(
      path.join(REPO, 'examples', 'agent-runner'),
      path.join(job, 'workspace', 'agent-runner')
    )
    for (const f of ['github_output', 'step_summary.md', 'github_env', 'github_state'])
      fs.writeFileSync(path.join(job, f), '')
    fs.writeFileSync(path.join(job, 'event.json'), '{}')
    // Networking in the root: name resolution, and this machine's CA bundle (TLS proxy).
    fs.copyFileSync(fs.realpathSync('/etc/resolv.conf'), path.join(root, 'etc', 'resolv.conf'))
    const hostCa = process.env.SSL_CERT_FILE ?? '/etc/ssl/certs/ca-certificates.crt'
    fs.copyFileSync(hostCa, path.join(job, 'ca.crt'))
    // Node reads /proc/self/exe, PyInstaller's bootloader too.
    if (!fs.existsSync(path.join(root, 'proc', 'self'))) {
      execFileSync('mount', ['-t', 'proc', 'proc', path.join(root, 'proc')])
      procMounted = true
    }

    const at = (f: string): string => inside(root, path.join(job, f))
    const env: Record<string, string> = {
      ...rootEnv,
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          (e): e is [string, string] => PASS_THROUGH.test(e[0]) && e[1] !== undefined
        )
      ),
      ...Object.fromEntries(CA_VARS.map(v => [v, at('ca.crt')])),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: at('github_output'),
      GITHUB_STEP_SUMMARY: at('step_summary.md'),
      GITHUB_ENV: at('github_env'),
      GITHUB_STATE: at('github_state'),
      GITHUB_EVENT_PATH: at('event.json'),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_WORKSPACE: at('workspace'),
      GITHUB_REPOSITORY: 'octo-org/agent-runner',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW: 'release',
      GITHUB_JOB: 'binary',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_TEMP: at('runner_temp'),
      // Kept in the root between runs, like a self-hosted runner's tool cache (Poetry's venv).
      RUNNER_TOOL_CACHE: '/opt/pba-tool-cache'
    }
    const inputs = { ...INPUTS, 'poetry-version': POETRY_FOR_PY39 }
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
    step = await runActionInRoot(root, job, env, TIMEOUT - 5 * 60_000)
    process.stdout.write(
      `in the root: exit ${step.exitCode} in ${step.ms} ms\n${step.stdout.slice(-3000)}\n${step.stderr}\n`
    )
    old = JSON.parse(
      fs.readFileSync(path.join(root, step.outputs['metrics-path'] ?? '/nonexistent'), 'utf8')
    ) as Metrics

    // The same action and example on this host (Debian 12), for the side-by-side figures.
    const f = runnerFiles()
    copyProject(path.join(REPO, 'examples', 'agent-runner'), path.join(f.workspace, 'agent-runner'))
    hostStep = await runAction(runnerEnv(f, { ...INPUTS, 'max-glibc': '' }), f, TIMEOUT / 2)
    host = JSON.parse(fs.readFileSync(hostStep.outputs['metrics-path'], 'utf8')) as Metrics
    process.stdout.write(
      `on the host: exit ${hostStep.exitCode} in ${hostStep.ms} ms\n` +
        `| build | Python | glibc floor (set by) | runs on | size | startup median |\n` +
        `${row('this host (Debian 12)', host)}\n${row('Debian 11 root', old)}\n`
    )
  }, TIMEOUT)

  afterAll(() => {
    if (procMounted) execFileSync('umount', [path.join(root, 'proc')])
    if (job) fs.rmSync(job, { recursive: true, force: true })
  })

  it('passes in the root with Debian 11 own Python 3.9, max-glibc 2.31 and all', () => {
    expect(outcome(step)).toEqual({ exitCode: 0, errors: [] })
    expect(step.outputs['passed']).toBe('true')
    expect(old.versions.python).toMatch(/^3\.9\./)
    expect(old.versions.poetry).toBe(POETRY_FOR_PY39)
    expect(old.verdict.passed).toBe(true)
    expect(step.summary).toContain('## agent-runner · Linux x64 · onefile — ✅ passed')
  })

  it('reports a glibc floor of at most 2.31 in metrics.json, and Debian 11 among the systems', () => {
    expect(old.glibcFloor).toBeTruthy()
    expect(compareVersions(old.glibcFloor!.version, '2.31')).toBeLessThanOrEqual(0)
    expect(old.glibcFloor!.distributions).toContain('Debian 11+')
    expect(old.glibcFloor!.distributions).toContain('Ubuntu 20.04+')
    // The host build of the same example needs more: building old is what lowered it.
    expect(compareVersions(host.glibcFloor!.version, old.glibcFloor!.version)).toBeGreaterThan(0)
    expect(compareVersions(host.glibcFloor!.version, '2.31')).toBeGreaterThan(0)
  })

  it('the binary runs in the root (--version, --help)', () => {
    const binary = step.outputs['binary-path']
    expect(binary).toBe(
      inside(root, path.join(job, 'workspace', 'agent-runner', 'dist', 'agent-runner'))
    )
    const version = inRoot(root, [binary, '--version'], rootEnv)
    expect(version).toEqual({ status: 0, stdout: 'agent-runner 0.1.0\n', stderr: '' })
    const help = inRoot(root, [binary, '--help'], rootEnv)
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^usage: agent-runner /)
  })

  it('the same binary runs on this host: built old, it runs new', () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pba-old-bin-')), 'agent-runner')
    fs.copyFileSync(path.join(root, step.outputs['binary-path']), copy)
    fs.chmodSync(copy, 0o755)
    const version = spawnSync(copy, ['--version'], { encoding: 'utf8', timeout: 60_000 })
    expect({ status: version.status, stdout: version.stdout, stderr: version.stderr }).toEqual({
      status: 0,
      stdout: 'agent-runner 0.1.0\n',
      stderr: ''
    })
    // The same bytes, the same behaviour: --help as in the root.
    const help = spawnSync(copy, ['--help'], { encoding: 'utf8', timeout: 60_000 })
    expect(help.status).toBe(0)
    expect(help.stdout).toBe(inRoot(root, [step.outputs['binary-path'], '--help'], rootEnv).stdout)
  })
})
