import * as fs from 'node:fs'
import * as path from 'node:path'
import * as tc from '@actions/tool-cache'
import { ActionError } from '../errors.js'
import { execCapture } from '../process.js'
import type { RunContext } from '../context.js'
import type { PythonInfo } from './python.js'
import { Input } from '../inputs.js'
import { pipInstallError } from './pip.js'
import { installLocked, lockedVersion, readLock, unlockedNotice } from './locked-install.js'

export interface PoetryInfo {
  /** The poetry executable. */
  path: string
  version: string
  /** Where it came from, for the log and metrics. */
  source: 'path' | 'tool-cache' | 'installed'
  /** The tool-cache folder holding it, when it is ours (what the tools cache saves). */
  toolDir?: string
}

/** Parses `Poetry (version 2.5.1)` into `2.5.1`. */
export function parsePoetryVersion(text: string): string | undefined {
  return /version\s+([0-9][^\s)]*)/i.exec(text)?.[1]
}

/** Folder of the pinned Poetry venv inside the tool cache (the layout @actions/tool-cache's find() expects). */
export function poetryToolDir(ctx: RunContext, version: string): string {
  return path.join(ctx.toolCacheDir, 'poetry', version, ctx.platform.arch)
}

function poetryExe(ctx: RunContext, dir: string): string {
  return path.join(
    dir,
    ctx.platform.venvBinDir,
    ctx.platform.os === 'windows' ? 'poetry.exe' : 'poetry'
  )
}

/**
 * Gets the pinned Poetry: one on PATH when its version matches, else the tool cache, else a fresh
 * install into an isolated venv under the tool cache (never into the project or system Python).
 */
export async function ensurePoetry(
  version: string,
  python: PythonInfo,
  ctx: RunContext
): Promise<PoetryInfo> {
  const onPath = await execCapture('poetry', ['--version'], { env: ctx.env }).catch(() => undefined)
  if (onPath?.exitCode === 0 && parsePoetryVersion(onPath.stdout) === version) {
    return { path: 'poetry', version, source: 'path' }
  }
  const cached = tc.find('poetry', version, ctx.platform.arch)
  if (cached && (await works(poetryExe(ctx, cached), version, ctx))) {
    return { path: poetryExe(ctx, cached), version, source: 'tool-cache', toolDir: cached }
  }

  const dir = poetryToolDir(ctx, version)
  ctx.host.info(`Installing Poetry ${version} into ${dir}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(`${dir}.complete`, { force: true })
  fs.mkdirSync(path.dirname(dir), { recursive: true })
  const venv = await execCapture(python.path, ['-m', 'venv', dir], { env: ctx.env })
  if (venv.exitCode !== 0) {
    throw new ActionError(
      `Could not create a venv for Poetry with ${python.path}: ${lastLine(venv.stderr)}`
    )
  }
  const pip = path.join(
    dir,
    ctx.platform.venvBinDir,
    ctx.platform.os === 'windows' ? 'python.exe' : 'python'
  )
  const locked = lockedVersion(readLock('poetry'), 'poetry')
  if (locked === version) {
    await installLocked(
      {
        label: "Poetry's venv",
        run: (args, options) =>
          execCapture(pip, args, { env: { ...ctx.env, ...options?.env }, silent: options?.silent })
      },
      'poetry',
      ['poetry'],
      ctx
    )
  } else {
    if (locked) ctx.host.notice(unlockedNotice('Poetry', Input.PoetryVersion, version, locked))
    const install = await execCapture(
      pip,
      ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', `poetry==${version}`],
      { env: ctx.env, silent: false }
    )
    if (install.exitCode !== 0) {
      throw pipInstallError(
        Input.PoetryVersion,
        `poetry==${version}`,
        `${install.stdout}\n${install.stderr}`
      )
    }
  }
  if (!(await works(poetryExe(ctx, dir), version, ctx))) {
    throw new ActionError(`Poetry ${version} was installed into ${dir} but does not run`)
  }
  fs.writeFileSync(`${dir}.complete`, '')
  return { path: poetryExe(ctx, dir), version, source: 'installed', toolDir: dir }
}

async function works(exe: string, version: string, ctx: RunContext): Promise<boolean> {
  const r = await execCapture(exe, ['--version'], { env: ctx.env }).catch(() => undefined)
  return r?.exitCode === 0 && parsePoetryVersion(r.stdout) === version
}

/** The last non-empty line of a tool's output, for one-line error messages. */
export function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(Boolean)
  return lines[lines.length - 1] ?? '(no output)'
}

/** Poetry's closing hints, which say nothing about what went wrong. */
const POETRY_BOILERPLATE = [
  /^You can also run your poetry command with -v/i,
  /^Note: This error originates from the build backend/i,
  /^Run `poetry lock` to fix the lock file\.?$/i,
  /^[-=─━\s|*]+$/
]
const POETRY_CAUSE =
  /(Because |version solving failed|changed significantly|doesn't match any versions|does not match any versions|not found|No such file|could not|Could not|Unable to|cannot|Failed|failed|Error|error:|incompatible|requires Python|is not supported|Invalid|invalid)/

/**
 * The line of a failed Poetry command that names the cause ("Because x depends on…", "pyproject.toml
 * changed significantly…"), not its closing hint "You can also run your poetry command with -v". Pure.
 */
export function poetryCause(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '' && !POETRY_BOILERPLATE.some(re => re.test(l)))
  const cause = lines.find(l => POETRY_CAUSE.test(l)) ?? lines[lines.length - 1]
  return cause ? cause.replace(/\s+/g, ' ').slice(0, 400) : '(no output)'
}
