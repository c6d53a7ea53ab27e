import { ActionError } from '../errors.js'
import type { RunContext } from '../context.js'
import { Input } from '../inputs.js'
import { pipInstallError } from './pip.js'
import { poetryRun, type ProjectEnv } from './project-env.js'

/** The hooks-contrib release installed beside the pinned PyInstaller (newest at the time of pinning). */
export const HOOKS_CONTRIB_VERSION = '2026.9'

/** Reads the PyInstaller version installed in the project env, if any. */
export async function installedPyInstaller(projectEnv: ProjectEnv): Promise<string | undefined> {
  const r = await poetryRun(projectEnv, [
    'python',
    '-c',
    'import PyInstaller; print(PyInstaller.__version__)'
  ])
  return r.exitCode === 0 ? r.stdout.trim().split(/\r?\n/).pop() : undefined
}

/**
 * Installs the pinned PyInstaller and hooks-contrib into the project env with pip, so neither
 * pyproject.toml nor poetry.lock changes. Skips the work when that version is already there.
 */
export async function ensurePyInstaller(
  projectEnv: ProjectEnv,
  version: string,
  ctx: RunContext
): Promise<string> {
  const present = await installedPyInstaller(projectEnv)
  if (present === version) {
    ctx.host.info(`PyInstaller ${version} is already in the project environment`)
    return version
  }
  if (present)
    ctx.host.warning(
      `The project environment has PyInstaller ${present}; installing the pinned ${version} over it for this build`
    )
  const r = await poetryRun(
    projectEnv,
    [
      'python',
      '-m',
      'pip',
      'install',
      '--no-input',
      `pyinstaller==${version}`,
      `pyinstaller-hooks-contrib==${HOOKS_CONTRIB_VERSION}`
    ],
    { silent: false }
  )
  if (r.exitCode !== 0) {
    throw pipInstallError(
      Input.PyinstallerVersion,
      `pyinstaller==${version}`,
      `${r.stdout}\n${r.stderr}`
    )
  }
  const after = await installedPyInstaller(projectEnv)
  if (after !== version)
    throw new ActionError(
      `PyInstaller ${version} was installed but the project environment reports ${after ?? 'none'}`
    )
  return version
}
