/**
 * Start-time advice from measurements: when a onefile binary that unpacks itself at every start is
 * slower than `poetry run`, the same analysis is built once more as a onedir bundle (PyInstaller
 * reuses the analysis, so this costs seconds) and timed the same way, side by side. What onefile
 * extraction costs per start is then a measured figure, not a guess.
 */
import * as fs from 'node:fs'
import type { RunContext } from '../context.js'
import type { BuildInputs } from '../inputs.js'
import type { Backend, BuildPlan } from '../backends/types.js'
import type { StartupMeasurement } from '../validate/startup.js'
import { measureStartup } from '../validate/startup.js'
import { commandTimeoutMs } from '../run/side.js'
import { formatMs } from '../units.js'

/** The onedir build of the same analysis, timed like the binary. */
export interface OnedirStartup {
  medianMs: number
  coldMs: number
  /** What the extra onedir build cost. */
  buildMs: number
}

/** Whether the advice is worth a build: a onefile that unpacks per start and is slower than poetry run. Pure. */
export function wantsOnedirProbe(
  inputs: Pick<BuildInputs, 'mode'>,
  extractionKind: string,
  generatedSpec: boolean,
  binary: StartupMeasurement,
  poetryRun: StartupMeasurement | null
): boolean {
  return (
    inputs.mode === 'onefile' &&
    extractionKind === 'per-start' &&
    generatedSpec &&
    binary.failures.length === 0 &&
    poetryRun !== null &&
    poetryRun.medianMs > 0 &&
    binary.medianMs > poetryRun.medianMs
  )
}

/** Builds the onedir probe and times it; a failure only costs the advice (a warning). */
export async function measureOnedir(
  backend: Backend,
  plan: BuildPlan,
  /** The onefile's startup exit codes: a startup command that fails the same way is still timed. */
  onefileExits: readonly (number | null)[],
  ctx: RunContext
): Promise<OnedirStartup | null> {
  if (!backend.onedirProbe) return null
  const probe = backend.onedirProbe.bind(backend)
  return ctx.host.group('Start-time advice: the same analysis as onedir', async () => {
    let folder: string | undefined
    try {
      const started = Date.now()
      const built = await probe(plan, ctx)
      folder = built.folder
      const binary = built.binary
      const buildMs = Date.now() - started
      const m = await measureStartup(binary, plan.inputs.startupArgs, {
        runs: plan.inputs.startupRuns,
        env: ctx.env,
        timeoutMs: commandTimeoutMs(plan.inputs.maxStartupMs)
      })
      const sameAsOnefile =
        m.exitCodes.length > 0 &&
        m.exitCodes.every(c => c !== null && onefileExits.length > 0 && c === onefileExits[0])
      if (m.failures.length && !sameAsOnefile) {
        ctx.host.warning(`The onedir build for start-time advice did not start: ${m.failures[0]}`)
        return null
      }
      ctx.host.info(
        `onedir: built in ${buildMs} ms; cold ${m.coldMs} ms, warm median ${m.medianMs} ms`
      )
      return { medianMs: m.medianMs, coldMs: m.coldMs, buildMs }
    } catch (e) {
      ctx.host.warning(
        `No onedir build for start-time advice: ${e instanceof Error ? e.message : String(e)}`
      )
      return null
    } finally {
      if (folder) fs.rmSync(folder, { recursive: true, force: true })
    }
  })
}

/**
 * One sentence: what onefile extraction costs per start, measured, and what the two ways out
 * would change. Null when nothing was measured. Pure.
 */
export function startAdvice(
  onefileMedianMs: number,
  poetryRunMedianMs: number | null,
  onedir: OnedirStartup | null | undefined
): string | null {
  if (!onedir) return null
  const extraction = Math.max(0, onefileMedianMs - onedir.medianMs)
  const share = onefileMedianMs > 0 ? Math.round((extraction / onefileMedianMs) * 100) : 0
  const vs = poetryRunMedianMs !== null ? ` (poetry run: ${formatMs(poetryRunMedianMs)})` : ''
  return (
    `This onefile binary unpacks itself at every start: ${formatMs(extraction)} of its ` +
    `${formatMs(onefileMedianMs)} warm start (${share}%). The same analysis built as onedir in ` +
    `this run starts in ${formatMs(onedir.medianMs)}${vs}: \`mode: onedir\` ships that folder; ` +
    '`backend: nuitka` unpacks once into a cache folder and reuses it.'
  )
}
