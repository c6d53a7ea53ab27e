import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionError } from '../errors.js'
import { execCapture } from '../process.js'
import type { RunContext } from '../context.js'
import type { PoetryInfo } from './poetry.js'
import type { PythonInfo } from './python.js'
import { lastLine, poetryCause } from './poetry.js'

/** The project's own Poetry environment, in which PyInstaller runs. */
export interface ProjectEnv {
  projectPath: string
  poetry: PoetryInfo
  /** The venv folder (in-project `.venv`, so the cache stage can save it). */
  venvPath: string
  /** Environment for every `poetry` call: venv in the project, no prompts. */
  env: NodeJS.ProcessEnv
}

/** A venv's site-packages folders that exist (lib/pythonX.Y/site-packages). */
export function venvSitePackages(venv: string): string[] {
  const lib = path.join(venv, 'lib')
  return fs.existsSync(lib)
    ? fs
        .readdirSync(lib)
        .filter(d => d.startsWith('python'))
        .map(d => path.join(lib, d, 'site-packages'))
        .filter(d => fs.existsSync(d))
    : []
}

/**
 * Environment that pins where Poetry puts the venv and keeps it from prompting. The chosen
 * interpreter's folder leads PATH: Poetry probes `python` on PATH with a 5 s limit, and a version
 * manager's shim (pyenv's is a shell script) can take longer than that on a busy runner.
 */
export function poetryEnv(base: NodeJS.ProcessEnv, python?: PythonInfo): NodeJS.ProcessEnv {
  const pathKey = Object.keys(base).find(k => k.toUpperCase() === 'PATH') ?? 'PATH'
  return {
    ...base,
    ...(python
      ? {
          [pathKey]: [path.dirname(python.path), base[pathKey]].filter(Boolean).join(path.delimiter)
        }
      : {}),
    POETRY_VIRTUALENVS_IN_PROJECT: 'true',
    POETRY_VIRTUALENVS_CREATE: 'true',
    POETRY_NO_INTERACTION: '1',
    PIP_DISABLE_PIP_VERSION_CHECK: '1'
  }
}

/** Binds the project to the chosen Python and runs `poetry install`; the user's files are not rewritten. */
export async function installProjectEnv(
  projectPath: string,
  poetry: PoetryInfo,
  python: PythonInfo,
  selection: { extras: string[] | 'all'; groups: string[] },
  ctx: RunContext
): Promise<ProjectEnv> {
  const env = poetryEnv(ctx.env, python)
  const use = await execCapture(poetry.path, ['env', 'use', python.path], { cwd: projectPath, env })
  if (use.exitCode !== 0) {
    throw new ActionError(
      `poetry env use ${python.path} failed: ${lastLine(use.stderr || use.stdout)}`
    )
  }
  if (!fs.existsSync(path.join(projectPath, 'poetry.lock'))) {
    ctx.host.warning(
      'No poetry.lock: Poetry resolves the dependencies afresh (newest matching versions, dev groups included) and writes a new lock, so this binary may differ from the next. Commit poetry.lock for reproducible builds.',
      { title: 'No lock file' }
    )
  }
  const install = await execCapture(
    poetry.path,
    // `sync`: exactly the main group (and the groups asked for), nothing left over from an earlier
    // install, so dev-only packages (test frameworks, optional integrations' targets) never reach
    // the binary through the analysis.
    ['sync', '--no-interaction', ...installArgs(selection)],
    {
      cwd: projectPath,
      env,
      silent: false
    }
  )
  if (install.exitCode !== 0) {
    throw new ActionError(
      `poetry install failed (exit ${install.exitCode}): ${poetryCause(`${install.stdout}\n${install.stderr}`)}`
    )
  }
  return { projectPath, poetry, venvPath: path.join(projectPath, '.venv'), env }
}

/** `poetry sync` arguments: the main group plus the groups and extras the inputs name. Pure. */
export function installArgs(selection: { extras: string[] | 'all'; groups: string[] }): string[] {
  return [
    '--only',
    ['main', ...selection.groups].join(','),
    ...(selection.extras === 'all'
      ? ['--all-extras']
      : selection.extras.flatMap(e => ['--extras', e]))
  ]
}

/** Runs a command inside the project's environment via `poetry run`. */
export function poetryRun(
  projectEnv: ProjectEnv,
  args: string[],
  options: { silent?: boolean; env?: NodeJS.ProcessEnv } = {}
): ReturnType<typeof execCapture> {
  return execCapture(projectEnv.poetry.path, ['run', ...args], {
    cwd: projectEnv.projectPath,
    env: { ...projectEnv.env, ...options.env },
    silent: options.silent ?? true
  })
}
