import { runBounded } from '../process.js'
import { coefficientOfVariation, median, percentile } from './stats.js'

export interface StartupStats {
  runs: number
  /** The first run, which pays for cold caches (and onefile extraction into a fresh temp dir). */
  coldMs: number
  medianMs: number
  p95Ms: number
  cv: number
  samplesMs: number[]
}

export interface StartupMeasurement extends StartupStats {
  /** Runs that did not exit 0, with what they printed last. */
  failures: string[]
  /** Each run's exit code (null when it did not exit by itself). */
  exitCodes: (number | null)[]
  /**
   * The default startup command did not exit on either side (a service started whatever its
   * arguments): not a failure, and the startup cap does not apply.
   */
  unanswered?: boolean
}

/** Splits samples into the cold first run and warm statistics over the rest. Pure. */
export function summarizeStartup(samplesMs: readonly number[]): StartupStats {
  const [cold, ...warm] = samplesMs
  const rest = warm.length ? warm : [cold]
  const round = (n: number): number => Math.round(n * 10) / 10
  return {
    runs: samplesMs.length,
    coldMs: round(cold),
    medianMs: round(median(rest)),
    p95Ms: round(percentile(rest, 95)),
    cv: Math.round(coefficientOfVariation(rest) * 1000) / 1000,
    samplesMs: samplesMs.map(round)
  }
}

/** Runs a command `runs` times back to back and times each run from spawn to exit. */
export async function measureStartup(
  command: string,
  args: string[],
  options: { runs: number; cwd?: string; env: NodeJS.ProcessEnv; timeoutMs: number }
): Promise<StartupMeasurement> {
  const samples: number[] = []
  const failures: string[] = []
  const exitCodes: (number | null)[] = []
  for (let i = 0; i < options.runs; i++) {
    const r = await runBounded(command, args, {
      cwd: options.cwd,
      env: options.env,
      timeoutMs: options.timeoutMs
    })
    samples.push(r.ms)
    exitCodes.push(r.timedOut || r.spawnError ? null : r.exitCode)
    if (r.spawnError) failures.push(`could not start: ${r.spawnError}`)
    else if (r.timedOut) failures.push(`timed out after ${options.timeoutMs} ms`)
    else if (r.exitCode !== 0)
      failures.push(`exit ${r.exitCode ?? r.signal}: ${tail(r.stderr || r.stdout)}`)
    // A program that does not exit on the startup arguments (a worker that ignores them) would
    // cost the whole time limit on every run: one timed-out run says enough.
    if (r.spawnError || r.timedOut) break
  }
  return { ...summarizeStartup(samples), failures, exitCodes }
}

function tail(text: string): string {
  const lines = text.trim().split(/\r?\n/)
  return lines[lines.length - 1] ?? ''
}
