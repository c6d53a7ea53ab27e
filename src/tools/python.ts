import { ActionError } from '../errors.js'
import { Input } from '../inputs.js'
import { execCapture } from '../process.js'
import type { RunContext } from '../context.js'

/** Oldest Python that the pinned PyInstaller 6.x supports (its Requires-Python is >=3.8). */
export const MIN_PYTHON: [number, number] = [3, 8]

export interface PythonInfo {
  /** Absolute path of the interpreter (sys.executable). */
  path: string
  /** Full version, e.g. 3.11.7. */
  version: string
}

const PROBE = 'import sys, platform; print(sys.executable); print(platform.python_version())'

/** Finds the interpreter: the `python` input, else python3/python on PATH; checks it is new enough. */
export async function findPython(
  requested: string | undefined,
  ctx: RunContext
): Promise<PythonInfo> {
  const candidates = requested
    ? [requested]
    : ctx.platform.os === 'windows'
      ? ['python', 'python3']
      : ['python3', 'python']
  for (const candidate of candidates) {
    const probe = await execCapture(candidate, ['-c', PROBE], { env: ctx.env }).catch(
      () => undefined
    )
    if (!probe || probe.exitCode !== 0) continue
    const [exe, version] = probe.stdout.trim().split(/\r?\n/)
    if (!exe || !version) continue
    if (!isAtLeast(version, MIN_PYTHON)) {
      throw new ActionError(
        `Python ${version} at ${exe} is too old for PyInstaller; use Python ${MIN_PYTHON.join('.')} or newer (input "${Input.Python}" or actions/setup-python)`
      )
    }
    return { path: exe.trim(), version: version.trim() }
  }
  if (requested) {
    throw new ActionError(
      `Input "${Input.Python}": "${requested}" is not a working Python interpreter; give a path or command that runs Python ${MIN_PYTHON.join('.')}+`
    )
  }
  throw new ActionError(
    `No Python found on PATH (tried ${candidates.join(', ')}); add actions/setup-python before this step or set input "${Input.Python}"`
  )
}

/** True when a dotted version is at least major.minor. */
export function isAtLeast(version: string, [major, minor]: [number, number]): boolean {
  const [a, b] = version.split('.').map(Number)
  return a > major || (a === major && b >= minor)
}
