/**
 * A real Nuitka onefile build (Poetry, Nuitka, gcc) of a service that handles SIGTERM (it says so
 * and exits 0) and has no SIGINT handler. Nuitka's onefile bootstrap sends its child SIGINT for a
 * SIGTERM it receives, so such a service got a KeyboardInterrupt and failed the action's SIGTERM
 * and clean-shutdown checks; the action's Nuitka plugin makes the bootstrap send on the signal it
 * got. Then the binary itself: SIGTERM runs the program's SIGTERM handler (and the launcher waits
 * while it drains, past Nuitka's default 5 s grace time), SIGINT stays SIGINT.
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { Input } from '../../src/inputs.js'
import type { Metrics } from '../../src/report/metrics.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { REPO, reader, stageProject } from './support.js'

const TIMEOUT = 30 * 60_000
const READY = 'sigterm-service ready'
const HANDLED = 'sigterm-service: SIGTERM handler ran, stopping'

/** Nuitka's compile caches outlive the run on this machine, as the Actions cache keeps them on a runner. */
function useCompileCaches(): void {
  process.env.NUITKA_CACHE_DIR ??= path.join(
    os.homedir(),
    '.cache',
    'poetry-binary-action',
    'nuitka-cache'
  )
  const ccache = process.env.PBA_CCACHE
  if (ccache && !(process.env.PATH ?? '').includes(path.dirname(ccache)))
    process.env.PATH = `${path.dirname(ccache)}${path.delimiter}${process.env.PATH ?? ''}`
}

interface Stopped {
  code: number | null
  signal: string | null
  stdout: string
  stderr: string
}

/** Starts the binary, waits for its ready line, sends `signal`, and collects how it ended (bounded). */
function stopWith(
  binary: string,
  signal: NodeJS.Signals,
  env: Record<string, string> = {}
): Promise<Stopped & { ms: number }> {
  return new Promise((resolve, reject) => {
    let sentAt = 0
    const child = spawn(binary, [], {
      env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let sent = false
    const limit = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`no exit within 60 s; stdout: ${stdout}; stderr: ${stderr}`))
    }, 60_000)
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      if (!sent && stdout.includes(READY)) {
        sent = true
        sentAt = Date.now()
        child.kill(signal)
      }
    })
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code, sig) => {
      clearTimeout(limit)
      resolve({ code, signal: sig, stdout, stderr, ms: Date.now() - sentAt })
    })
  })
}

describe('backend: nuitka onefile passes SIGTERM on as SIGTERM', () => {
  let project: string
  let metrics: Metrics
  let failures: string[]

  beforeAll(async () => {
    useCompileCaches()
    project = stageProject(
      path.join(REPO, '__tests__', 'projects', 'sigterm-service'),
      'sigterm-service-nuitka'
    )
    const host = recordingHost()
    await run(
      host,
      reader({
        [Input.ProjectPath]: project,
        [Input.Backend]: 'nuitka',
        [Input.StartupRuns]: '2',
        [Input.ReadyPattern]: READY,
        [Input.SigtermTimeout]: '10s'
      })
    )
    failures = host.failures
    metrics = JSON.parse(
      fs.readFileSync(path.join(project, 'build', 'binary-action', 'metrics.json'), 'utf8')
    ) as Metrics
  }, TIMEOUT)

  it("passes the action's SIGTERM and clean-shutdown checks", () => {
    expect(failures).toEqual([])
    expect(metrics.verdict.passed).toBe(true)
    const check = (name: string) => metrics.smoke.find(s => s.name === name)
    expect(check('SIGTERM')?.passed).toBe(true)
    expect(check('clean shutdown')?.passed).toBe(true)
  })

  it('counts the onefile launcher with what it held while the program ran, and says so', () => {
    const launcher = metrics.memory.launcher
    expect(launcher?.whileRunningBytes).toBeGreaterThan(0)
    expect(launcher!.whileRunningBytes!).toBeLessThanOrEqual(launcher!.peakBytes)
    const report = fs.readFileSync(
      path.join(project, 'build', 'binary-action', 'report.md'),
      'utf8'
    )
    expect(report).toContain('the onefile launcher as it stood while the program ran')
  })

  it("runs the program's SIGTERM handler when the binary gets SIGTERM", async () => {
    const stopped = await stopWith(metrics.binary.path, 'SIGTERM')
    expect(stopped.stdout).toContain(HANDLED)
    expect(stopped.stdout).toContain('sigterm-service: stopped')
    expect(stopped.stderr).not.toContain('KeyboardInterrupt')
    expect(stopped.code).toBe(0)
  }, 120_000)

  it("waits for a program that drains longer than Nuitka's 5 s child grace time", async () => {
    const stopped = await stopWith(metrics.binary.path, 'SIGTERM', { SIGTERM_SERVICE_DRAIN: '7' })
    expect(stopped.stdout).toContain('sigterm-service: draining for 7 s')
    expect(stopped.stdout).toContain('sigterm-service: stopped')
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null })
    expect(stopped.ms).toBeGreaterThanOrEqual(7000)
  }, 120_000)

  it('still raises KeyboardInterrupt when the binary gets SIGINT', async () => {
    const stopped = await stopWith(metrics.binary.path, 'SIGINT')
    expect(stopped.stdout).not.toContain(HANDLED)
    expect(stopped.stderr).toContain('KeyboardInterrupt')
    // Before the stand-in SIGINT handler, Nuitka's compiled loop crashed here (SIGSEGV, exit 139).
    expect(stopped.code).toBe(130)
  }, 120_000)
})
