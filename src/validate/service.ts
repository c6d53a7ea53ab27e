import * as os from 'node:os'
import type { ServiceOptions, ServiceRun } from '../run/service.js'
import { lastLines } from './smoke.js'

/** What to do about a failed SIGTERM check, in one line; the summary shows the code. */
export const SIGTERM_HINT =
  'Handle SIGTERM: stop taking work, drain, and exit 0 (signal.signal(signal.SIGTERM, …); in asyncio or a Temporal worker loop.add_signal_handler(signal.SIGTERM, stop.set)). The onefile bootloader forwards SIGTERM to the Python process'

/**
 * How a process ended, with a launcher's `exit 128+N` taken as death by signal N (Nuitka's onefile
 * parent exits 143 where its child died by SIGTERM). Pure.
 */
function endOf(e: { exitCode: number | null; signal: string | null }): string {
  if (e.signal) return e.signal
  if (e.exitCode !== null && e.exitCode > 128) {
    const name = Object.entries(os.constants.signals).find(([, n]) => n === e.exitCode! - 128)
    if (name) return name[0]
  }
  return String(e.exitCode)
}

export function serviceChecks(
  run: ServiceRun,
  o: Pick<ServiceOptions, 'readyTimeoutMs' | 'sigtermTimeoutMs' | 'platform'>,
  secrets: readonly string[] = [],
  /** How the same service ended on SIGTERM under poetry run (null: not run, or no SIGTERM). */
  poetrySigterm: ServiceRun['sigterm'] = null
): { name: string; passed: boolean; skipped?: boolean; ms: number; detail: string }[] {
  const tail = lastLines(run.output, 3, secrets)
  if (!run.ready) {
    const why = run.exitedEarly
      ? `exited (${run.exitedEarly.exitCode ?? run.exitedEarly.signal}) before it was ready`
      : `not ready within ${o.readyTimeoutMs} ms`
    return [
      {
        name: 'service ready',
        passed: false,
        ms: o.readyTimeoutMs,
        detail: `${why}; last output: ${tail}`
      }
    ]
  }
  const checks = [
    {
      name: 'service ready',
      passed: true,
      ms: run.readyMs ?? 0,
      detail: `ready after ${run.readyMs} ms`
    }
  ]
  if (run.exitedEarly) {
    return [
      ...checks,
      {
        name: 'SIGTERM',
        passed: false,
        ms: 0,
        detail: `exited by itself (${run.exitedEarly.exitCode ?? run.exitedEarly.signal}) before SIGTERM; last output: ${tail}`
      }
    ]
  }
  if (!run.sigterm) {
    return [
      ...checks,
      {
        name: 'SIGTERM',
        passed: true,
        skipped: true,
        ms: 0,
        detail: `skipped: ${o.platform.os} has no SIGTERM; the process was killed`
      }
    ]
  }
  const s = run.sigterm
  if (s.timedOut) {
    return [
      ...checks,
      {
        name: 'SIGTERM',
        passed: false,
        ms: s.ms,
        detail: `still running ${o.sigtermTimeoutMs} ms after SIGTERM, killed; last output: ${tail}. ${SIGTERM_HINT}`
      }
    ]
  }
  // A program that does not handle SIGTERM ends by it under poetry run too: the binary behaving
  // the same way is parity, said with the advice, not a failure of the build.
  const sameEnd =
    poetrySigterm !== null && !poetrySigterm.timedOut && endOf(poetrySigterm) === endOf(s)
  if (s.exitCode !== 0 && sameEnd) {
    return [
      ...checks,
      {
        name: 'SIGTERM',
        passed: true,
        ms: s.ms,
        detail: `exit ${s.exitCode ?? s.signal} after SIGTERM, as under poetry run: the program does not exit 0 on SIGTERM. ${SIGTERM_HINT}`
      }
    ]
  }
  if (s.exitCode !== 0) {
    return [
      ...checks,
      {
        name: 'SIGTERM',
        passed: false,
        ms: s.ms,
        detail: `exit ${s.exitCode ?? s.signal} after SIGTERM (expected 0); last output: ${tail}. ${SIGTERM_HINT}`
      }
    ]
  }
  return [
    ...checks,
    { name: 'SIGTERM', passed: true, ms: s.ms, detail: `exit 0 ${s.ms} ms after SIGTERM` }
  ]
}

/**
 * The exception lines of every traceback a service printed, plus bare ModuleNotFoundError lines:
 * a worker that logs a failed job and stays up is still broken. Pure.
 */
export function serviceLogErrors(output: string): string[] {
  const lines = output.split(/\r?\n/)
  const found: string[] = []
  const add = (l: string): void => {
    const t = l.trim()
    if (t && !found.includes(t)) found.push(t)
  }
  for (let i = 0; i < lines.length; i++) {
    if (/Traceback \(most recent call last\):/.test(lines[i])) {
      let j = i + 1
      while (j < lines.length && /^\s/.test(lines[j])) j++
      if (j < lines.length) add(lines[j])
      i = j
    } else if (/\b(ModuleNotFoundError|PackageNotFoundError): /.test(lines[i])) {
      add(lines[i].replace(/^.*?\b(ModuleNotFoundError|PackageNotFoundError): /, '$1: '))
    }
  }
  return found
}

/** The service-log check: errors the binary's service printed that `poetry run`'s did not. Pure. */
export function serviceLogCheck(
  binaryOutput: string,
  poetryOutput: string | null
): { name: string; passed: boolean; ms: number; detail: string } {
  const theirs = new Set(poetryOutput === null ? [] : serviceLogErrors(poetryOutput))
  const ours = serviceLogErrors(binaryOutput).filter(l => !theirs.has(l))
  return ours.length
    ? {
        name: 'service log',
        passed: false,
        ms: 0,
        detail: `the service printed ${ours.length} error(s) that poetry run did not: ${ours[0].slice(0, 300)}`
      }
    : {
        name: 'service log',
        passed: true,
        ms: 0,
        detail: theirs.size
          ? `no errors beyond the ${theirs.size} poetry run printed too`
          : 'no tracebacks or import errors'
      }
}
