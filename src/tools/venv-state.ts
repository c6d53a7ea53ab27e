/**
 * What the project venv held when the last build of this project finished: `poetry sync` put it in
 * step with this exact poetry.lock and pyproject.toml for these groups and extras, with this
 * Python, and then the build backend was added. When a later build finds the venv holding exactly
 * those distributions again, nothing can have changed that `poetry sync` would undo, so it is
 * skipped. Without this, every rebuild in the same checkout paid twice for the backend: `sync`
 * removed it as not locked, and the backend stage installed it again.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RunContext } from '../context.js'
import { fileSha256 } from '../hash.js'
import { execCapture } from '../process.js'

/** The marker file, inside the venv so that the venv cache carries it with what it describes. */
export const VENV_STATE_FILE = '.poetry-binary-action.json'

export interface VenvState {
  /** SHA-256 of poetry.lock and pyproject.toml. */
  lock: string
  pyproject: string
  /** The `poetry sync` arguments (groups and extras). */
  installArgs: string[]
  /** The interpreter the venv was bound to. */
  python: string
  /** The backend installed after the sync, `name version`. */
  backend: string
  /** Every distribution the venv's interpreter finds, `name==version`, sorted. */
  distributions: string[]
}

/** Why a recorded state does not describe the venv now, or null when it does. Pure. */
export function venvStateDiffers(recorded: VenvState, now: VenvState): string | null {
  if (recorded.lock !== now.lock) return 'poetry.lock changed'
  if (recorded.pyproject !== now.pyproject) return 'pyproject.toml changed'
  if (recorded.installArgs.join(' ') !== now.installArgs.join(' '))
    return 'other groups or extras are asked for'
  if (recorded.python !== now.python) return 'another Python is asked for'
  if (recorded.backend !== now.backend) return 'another build backend is asked for'
  const before = new Set(recorded.distributions)
  const after = new Set(now.distributions)
  const added = now.distributions.filter(d => !before.has(d))
  const gone = recorded.distributions.filter(d => !after.has(d))
  if (added.length || gone.length)
    return `its packages changed since (${[...added.map(d => `+${d}`), ...gone.map(d => `-${d}`)]
      .slice(0, 5)
      .join(', ')}${added.length + gone.length > 5 ? ', …' : ''})`
  return null
}

/** Parses a marker; undefined for a missing or malformed one (an old or foreign file is not trusted). */
export function parseVenvState(text: string): VenvState | undefined {
  try {
    const v = JSON.parse(text) as Partial<VenvState>
    const strings = (x: unknown): x is string[] =>
      Array.isArray(x) && x.every(s => typeof s === 'string')
    if (
      typeof v.lock === 'string' &&
      typeof v.pyproject === 'string' &&
      strings(v.installArgs) &&
      typeof v.python === 'string' &&
      typeof v.backend === 'string' &&
      strings(v.distributions)
    )
      return v as VenvState
  } catch {
    // not JSON: treated as absent
  }
  return undefined
}

// Isolated (-I): neither PYTHONPATH nor the working folder can add distributions to the list.
const LIST_DISTRIBUTIONS =
  'import importlib.metadata as m, json; ' +
  'print(json.dumps(sorted({f"{d.metadata[\'Name\']}=={d.version}" for d in m.distributions()})))'

/**
 * The venv's state now, or undefined when it cannot be known: no poetry.lock (Poetry resolves
 * afresh), no venv, or an interpreter that does not run.
 */
export async function currentVenvState(
  projectPath: string,
  venvPython: string,
  fields: { installArgs: string[]; python: string; backend: string },
  ctx: RunContext
): Promise<VenvState | undefined> {
  const lockFile = path.join(projectPath, 'poetry.lock')
  if (!fs.existsSync(lockFile) || !fs.existsSync(venvPython)) return undefined
  const r = await execCapture(venvPython, ['-I', '-c', LIST_DISTRIBUTIONS], {
    cwd: path.dirname(venvPython),
    env: ctx.env
  }).catch(() => undefined)
  if (r?.exitCode !== 0) return undefined
  let distributions: string[]
  try {
    distributions = JSON.parse(r.stdout.trim().split(/\r?\n/).pop() ?? '') as string[]
  } catch {
    return undefined
  }
  return {
    lock: fileSha256(lockFile),
    pyproject: fileSha256(path.join(projectPath, 'pyproject.toml')),
    ...fields,
    distributions
  }
}

/** The state recorded in the venv by the last build, if any. */
export function recordedVenvState(venvDir: string): VenvState | undefined {
  const file = path.join(venvDir, VENV_STATE_FILE)
  return fs.existsSync(file) ? parseVenvState(fs.readFileSync(file, 'utf8')) : undefined
}

export function recordVenvState(venvDir: string, state: VenvState): void {
  fs.writeFileSync(path.join(venvDir, VENV_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`)
}
