import { ActionError } from '../errors.js'
import type { RunContext } from '../context.js'
import type { Input } from '../inputs.js'
import { pipInstallError } from '../tools/pip.js'
import {
  canonicalName,
  installLocked,
  lockedVersion,
  readLock,
  unlockedNotice,
  type LockName,
  type PythonTarget
} from '../tools/locked-install.js'
import { execCapture } from '../process.js'
import { lastLine } from '../tools/poetry.js'
import { poetryRun, type ProjectEnv } from '../tools/project-env.js'

/** A build tool installed into the project environment with pip (pyproject.toml and poetry.lock stay untouched). */
export interface PipTool {
  label: string
  /** The pinned version. */
  version: string
  /** Python code printing the installed version. */
  versionCode: string
  /** Requirements for pip, the tool first (`name==version`), then its companions. */
  requirements: string[]
  /** The input that pins it, named when pip fails. */
  input: Input
  /** The shipped hash lock, used when `version` is the version it pins. */
  lock?: LockName
}

/** Reads the tool's version installed in the project env, if any. */
export async function installedVersion(
  projectEnv: ProjectEnv,
  versionCode: string
): Promise<string | undefined> {
  const r = await poetryRun(projectEnv, ['python', '-c', versionCode])
  return r.exitCode === 0 ? r.stdout.trim().split(/\r?\n/).pop() : undefined
}

/** Installs the pinned tool unless that version is already there; returns the version installed. */
export async function ensurePipTool(
  projectEnv: ProjectEnv,
  tool: PipTool,
  ctx: RunContext
): Promise<string> {
  const present = await installedVersion(projectEnv, tool.versionCode)
  if (present === tool.version) {
    ctx.host.info(`${tool.label} ${tool.version} is already in the project environment`)
    return tool.version
  }
  if (present)
    ctx.host.warning(
      `The project environment has ${tool.label} ${present}; installing the pinned ${tool.version} over it for this build`
    )
  await pipInstall(projectEnv, tool, ctx)
  const after = await installedVersion(projectEnv, tool.versionCode)
  if (after !== tool.version)
    throw new ActionError(
      `${tool.label} ${tool.version} was installed but the project environment reports ${after ?? 'none'}`
    )
  return tool.version
}

/** The tool's distribution names (`pyinstaller==6.22.3` → `pyinstaller`). Pure. */
export function requirementNames(requirements: string[]): string[] {
  return requirements.map(r => canonicalName(/^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(r)?.[0] ?? r))
}

/**
 * The project environment's interpreter, run directly rather than through `poetry run`: a locked
 * install may set PYTHONPATH (Nuitka's build backend), which must reach pip's build step but not
 * Poetry's own process, whose packages it would shadow.
 */
function projectTarget(projectEnv: ProjectEnv): PythonTarget {
  let interpreter: string | undefined
  return {
    label: 'the project environment',
    async run(args, options) {
      if (!interpreter) {
        const r = await poetryRun(projectEnv, ['python', '-c', 'import sys; print(sys.executable)'])
        if (r.exitCode !== 0)
          throw new ActionError(
            `Could not find the project environment's Python: ${lastLine(`${r.stdout}\n${r.stderr}`)}`
          )
        interpreter = r.stdout.trim().split(/\r?\n/).pop() ?? ''
      }
      return execCapture(interpreter, args, {
        cwd: projectEnv.projectPath,
        env: { ...projectEnv.env, ...options?.env },
        silent: options?.silent ?? true
      })
    }
  }
}

/** Hash-locked when the shipped lock pins this version, else plain pip with a notice. */
async function pipInstall(projectEnv: ProjectEnv, tool: PipTool, ctx: RunContext): Promise<void> {
  const names = requirementNames(tool.requirements)
  if (tool.lock) {
    const locked = lockedVersion(readLock(tool.lock), names[0])
    if (locked === tool.version) {
      await installLocked(projectTarget(projectEnv), tool.lock, names, ctx)
      return
    }
    if (locked) ctx.host.notice(unlockedNotice(tool.label, tool.input, tool.version, locked))
  }
  const r = await poetryRun(
    projectEnv,
    ['python', '-m', 'pip', 'install', '--no-input', ...tool.requirements],
    { silent: false }
  )
  if (r.exitCode !== 0) {
    throw pipInstallError(tool.input, tool.requirements[0], `${r.stdout}\n${r.stderr}`)
  }
}
