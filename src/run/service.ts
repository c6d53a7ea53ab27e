/**
 * Running the program as a service, the way a daemon runs: what the `poetry run` side and the
 * binary's validation both use.
 */
import { execFileSync, spawn } from 'node:child_process'
import * as net from 'node:net'
import type { Platform } from '../platform.js'
import { MemorySampler, type LauncherMemory } from './memory.js'

export interface ServiceOptions {
  command: string
  args: string[]
  cwd?: string
  env: NodeJS.ProcessEnv
  readyPattern?: RegExp
  readyPort?: number
  readyTimeoutMs: number
  sigtermTimeoutMs: number
  platform: Platform
  /** Which processes of the tree count for memory (by command line). */
  memoryFilter?: (command: string) => boolean
  /** The command is a onefile binary: its root process is a launcher (see servicePeakBytes). */
  launcher?: boolean
  /** Runs once the service is ready, before SIGTERM (the service exercise); bounded by its caller. */
  whileReady?: () => Promise<void>
}

export interface ServiceRun {
  ready: boolean
  readyMs: number | null
  /** How the process ended after SIGTERM; null when SIGTERM could not be sent (Windows). */
  sigterm: { exitCode: number | null; signal: string | null; ms: number; timedOut: boolean } | null
  /** Set when the process ended by itself before it was ready or before SIGTERM. */
  exitedEarly: { exitCode: number | null; signal: string | null } | null
  peakRssBytes: number | null
  /** The onefile launcher's own memory, when the command is one. */
  launcherMemory?: LauncherMemory | null
  output: string
  /**
   * Processes of the binary's process group still alive after it exited on SIGTERM (pid and
   * command line); null when not checked (no SIGTERM, Windows, or it did not exit).
   */
  leftovers?: string[] | null
}

const MAX_OUTPUT = 256 * 1024

function portOpen(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port })
    const done = (ok: boolean): void => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * Starts the program the way a daemon runs, waits for its ready line or port, then sends SIGTERM
 * and waits up to sigtermTimeoutMs for it to exit. Whatever happens, the process group is killed
 * before this returns, so nothing is left running.
 */
/** Live members of a process group as `pid command`, read with ps (bounded); [] when none. */
export function groupMembers(pgid: number): string[] {
  try {
    process.kill(-pgid, 0)
  } catch {
    return []
  }
  try {
    const out = execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], {
      encoding: 'utf8',
      timeout: 5000
    })
    return out
      .split('\n')
      .map(l => l.trim().split(/\s+/))
      .filter(f => Number(f[1]) === pgid && !f[2]?.startsWith('Z'))
      .map(f => `${f[0]} ${f.slice(3).join(' ')}`.slice(0, 200))
  } catch {
    return [`process group ${pgid} (ps unavailable)`]
  }
}

export function runService(o: ServiceOptions): Promise<ServiceRun> {
  return new Promise(resolve => {
    const started = Date.now()
    const posix = o.platform.os !== 'windows'
    const child = spawn(o.command, o.args, {
      cwd: o.cwd,
      env: o.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: posix,
      windowsHide: true
    })
    let output = ''
    let ready = false
    let readyMs: number | null = null
    let exited: { code: number | null; signal: string | null; at: number } | null = null
    let termSentAt: number | null = null
    const timers: NodeJS.Timeout[] = []
    const sampler = child.pid
      ? new MemorySampler(child.pid, o.platform.os, o.memoryFilter, undefined, o.launcher)
      : undefined
    sampler?.start()

    const killGroup = (): void => {
      try {
        if (posix && child.pid) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        // Already gone.
      }
    }
    let settled = false
    const finish = (): void => {
      if (settled) return
      settled = true
      for (const t of timers) clearTimeout(t)
      clearInterval(portPoll)
      // A clean shutdown leaves nothing of the group behind (onefile bootloaders, workers).
      const leftovers =
        posix && child.pid && termSentAt !== null && exited && exited.at >= termSentAt
          ? groupMembers(child.pid)
          : null
      killGroup()
      const peakRssBytes = sampler?.stop() ?? null
      const launcherMemory = sampler?.launcher() ?? null
      const sigterm =
        termSentAt === null
          ? null
          : exited && exited.at >= termSentAt
            ? {
                exitCode: exited.code,
                signal: exited.signal,
                ms: exited.at - termSentAt,
                timedOut: false
              }
            : { exitCode: null, signal: null, ms: Date.now() - termSentAt, timedOut: true }
      const exitedEarly =
        exited && (termSentAt === null || exited.at < termSentAt)
          ? { exitCode: exited.code, signal: exited.signal }
          : null
      resolve({
        ready,
        readyMs,
        sigterm,
        exitedEarly,
        peakRssBytes,
        launcherMemory,
        output,
        leftovers
      })
    }
    const terminate = async (): Promise<void> => {
      if (o.whileReady) {
        try {
          await o.whileReady()
        } catch (err) {
          output += `\n[poetry-binary-action] service exercise failed: ${String(err)}`
        }
      }
      if (settled || exited) {
        finish()
        return
      }
      // One last sample so the peak includes the whole ready phase.
      await sampler?.sample()
      if (!posix) {
        finish()
        return
      }
      termSentAt = Date.now()
      child.kill('SIGTERM')
      // Give it the whole sigterm-timeout: a timer may fire a millisecond early by Date.now().
      const sentAt = termSentAt
      const waitForExit = (): void => {
        const left = o.sigtermTimeoutMs - (Date.now() - sentAt)
        if (left > 0) timers.push(setTimeout(waitForExit, left))
        else finish()
      }
      timers.push(setTimeout(waitForExit, o.sigtermTimeoutMs))
    }
    const markReady = (): void => {
      if (ready || exited) return
      ready = true
      readyMs = Date.now() - started
      void terminate()
    }
    const onData = (d: Buffer): void => {
      const before = output.length
      if (output.length < MAX_OUTPUT) output += d.toString()
      // The pattern is matched line by line, so ^ and $ mean the start and end of a line.
      const lineStart = output.lastIndexOf('\n', Math.max(0, before - 1)) + 1
      const lines = output.slice(lineStart).split(/\r?\n/)
      if (!ready && o.readyPattern && lines.some(l => o.readyPattern?.test(l))) markReady()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', err => {
      output += `\n${err.message}`
      exited = { code: null, signal: null, at: Date.now() }
      finish()
    })
    child.on('exit', (code, signal) => {
      exited = { code, signal, at: Date.now() }
      // Give the pipes a moment to deliver the last lines, bounded.
      timers.push(setTimeout(finish, 200))
    })
    const portPoll = setInterval(() => {
      if (o.readyPort && !ready && !exited)
        void portOpen(o.readyPort).then(open => open && markReady())
    }, 200)
    timers.push(
      setTimeout(() => {
        if (!ready) finish()
      }, o.readyTimeoutMs)
    )
  })
}

/** The smoke results for one service run: ready, then SIGTERM (skipped on Windows). */
