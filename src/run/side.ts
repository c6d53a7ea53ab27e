/**
 * One side's run of a command (under `poetry run`, or as the binary) and the scratch folder it runs
 * in: what the trace stage and validation share.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { BoundedResult } from '../process.js'

/** How one side of a parity command ended. */
export interface SideRun {
  exitCode: number | null
  signal: string | null
  stdout: string
  stderr: string
  timedOut: boolean
  spawnError?: string
  ms: number
}

/** Folders a scratch copy of the project leaves out: environments, build output, VCS data. */
const NOT_COPIED =
  /(^|[\\/])(\.venv|venv|build|dist|node_modules|\.git|__pycache__|\.mypy_cache|\.pytest_cache)$/

/**
 * Names of scratch folders: the two sides' names have the same length, so a path printed by the
 * program (and what it wraps to the terminal's width) differs only where normalising replaces it.
 */
export type ScratchLabel = 'run-poetry' | 'run-binary' | 'service-poetry' | 'service-binary'

/** A fresh scratch copy of the project, the working folder of one run (either side). */
export function scratchCopy(projectPath: string, root: string, label: ScratchLabel): string {
  const dir = fs.mkdtempSync(path.join(root, `${label}-`))
  fs.cpSync(projectPath, dir, {
    recursive: true,
    filter: src => !NOT_COPIED.test(path.relative(projectPath, src))
  })
  return dir
}

/** Per-run time limit shared by both sides: generous, so a slow start is measured and judged rather than cut off. */
export function commandTimeoutMs(maxStartupMs: number): number {
  return Math.max(60_000, maxStartupMs * 20)
}

/** One side's run as parity compares it. */
export function sideRun(r: BoundedResult): SideRun {
  return {
    exitCode: r.exitCode,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr,
    timedOut: r.timedOut,
    spawnError: r.spawnError,
    ms: Math.round(r.ms)
  }
}
