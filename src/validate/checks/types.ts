/**
 * A validation check: one file, one entry in CHECKS (./index.ts). Each gets the same context
 * (the binary, how to run it like the `poetry run` side, the probe records) and returns results.
 */
import type { BuildInputs } from '../../inputs.js'
import type { LauncherMemory } from '../../run/memory.js'
import type { RunContext } from '../../context.js'
import type { BuildResult, ProbeSwitch } from '../../backends/types.js'
import type { PoetrySide } from '../../trace/index.js'
import type { Normalization, SideRun } from '../parity.js'
import type { SmokeResult } from '../verdict.js'

/** What the probe hook recorded in one run of the binary. */
export interface ProbeRecord {
  modules: string[]
  env: Record<string, boolean>
  entryPoints?: Record<string, number>
}

/** One parity command's outcome, for metrics.json and the summary. */
export interface ParityResult {
  command: string
  exitOnly: boolean
  passed: boolean
  poetryExit: number | string | null
  binaryExit: number | string | null
  detail: string
  /** The first run differed, the rerun of both sides agreed: reported, not failed. */
  flaky?: boolean
  /** Short redacted diff of the normalised stdout, when it differed. */
  diff?: string
}

/** A check's result; `output` (the binary's own output) feeds the diagnosis and is not reported. */
export type CheckResult = SmokeResult & { output?: string }

export interface CheckContext {
  inputs: BuildInputs
  build: BuildResult
  probe: ProbeSwitch | null
  poetrySide: PoetrySide
  ctx: RunContext
  /** smoke-env values: redacted from everything reported. */
  secrets: string[]
  /** The project folder (scratch copies are made from it). */
  project: string
  /** Env of every binary run: the runner's, smoke-env, and the probe switch. */
  env: NodeJS.ProcessEnv
  timeoutMs: number
  /** Runs the binary in a fresh scratch copy of the project, as the `poetry run` side ran. */
  runBinary(args: string[]): Promise<SideRun>
  /** Output normalisation for comparing both sides (paths, program names). */
  normalization(): Normalization
  /** Hands the binary's output to the diagnosis (missing modules, data, metadata). */
  output(text: string): void
  /** What the probe recorded so far (runs that exited normally). */
  probes(): ProbeRecord[]
  /** Figures checks hand to the report: parity rows, the service's peak RSS. */
  figures: {
    parity: ParityResult[]
    peakRssBytes: number | null
    /** The onefile launcher's own memory (counted apart from its start-up peak). */
    launcherMemory?: LauncherMemory | null
  }
}

export interface Check {
  readonly name: string
  run(c: CheckContext): Promise<CheckResult[]>
}

/** How a run ended, as reported: exit code, signal, timeout or not started. */
export function exitOf(r: SideRun): number | string | null {
  return r.spawnError ? 'not started' : r.timedOut ? 'timeout' : (r.exitCode ?? r.signal)
}
