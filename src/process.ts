import { spawn } from 'node:child_process'
import * as exec from '@actions/exec'

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface ExecOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** When true, output is captured but not echoed to the log. */
  silent?: boolean
}

/** Runs a tool to completion through @actions/exec, capturing its output; never throws on a non-zero exit. */
export async function execCapture(
  command: string,
  args: string[],
  options: ExecOptions = {}
): Promise<ExecResult> {
  const result = await exec.getExecOutput(command, args, {
    cwd: options.cwd,
    env: options.env as Record<string, string> | undefined,
    silent: options.silent ?? true,
    ignoreReturnCode: true
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

export interface BoundedOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  timeoutMs: number
}

export interface BoundedResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  ms: number
  timedOut: boolean
  /** Set when the program could not be started at all. */
  spawnError?: string
}

const MAX_CAPTURE = 1024 * 1024

/** Runs a program with a hard time limit, measuring wall time from spawn to exit; kills it when over time. */
export function runBounded(
  command: string,
  args: string[],
  options: BoundedOptions
): Promise<BoundedResult> {
  return new Promise(resolve => {
    const started = process.hrtime.bigint()
    let stdout = ''
    let stderr = ''
    let timedOut = false
    let settled = false
    // Its own process group (POSIX), so that a timeout kills a onefile bootloader's Python child
    // too, instead of leaving it running with no parent.
    const group = process.platform !== 'win32'
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      detached: group
    })
    const finish = (result: Omit<BoundedResult, 'ms' | 'stdout' | 'stderr' | 'timedOut'>): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      resolve({ ...result, ms, stdout, stderr, timedOut })
    }
    const timer = setTimeout(() => {
      timedOut = true
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }, options.timeoutMs)
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < MAX_CAPTURE) stdout += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < MAX_CAPTURE) stderr += d.toString()
    })
    child.on('error', err => finish({ exitCode: null, signal: null, spawnError: err.message }))
    child.on('close', (code, signal) => finish({ exitCode: code, signal }))
  })
}
