import * as fs from 'node:fs'
import * as path from 'node:path'
import * as io from '@actions/io'
import type { BuildInputs, Toggle } from '../inputs.js'
import type { Platform } from '../platform.js'
import type { RunContext } from '../context.js'
import { execCapture } from '../process.js'
import { ensurePoetry, poetryToolDir } from './poetry.js'
import type { PythonInfo } from './python.js'
import type { Backend } from '../backends/types.js'
import { installArgs, installProjectEnv, poetryEnv, type ProjectEnv } from './project-env.js'
import {
  currentVenvState,
  recordVenvState,
  recordedVenvState,
  venvStateDiffers
} from './venv-state.js'
import type { Tools, Toolchain } from './toolchain.js'

export type { Tools, Toolchain }
import { decideUpx, resolveUpx, type UpxInfo } from './upx.js'

/** Resolves `strip: auto|true|false`: on for Linux/macOS when a `strip` tool exists, off on Windows. Pure. */
export function decideStrip(mode: Toggle, platform: Platform, stripOnPath: boolean): boolean {
  if (mode === 'true') return true
  if (mode === 'false') return false
  return platform.os !== 'windows' && stripOnPath
}

/** Tool-cache folders this action fills (what the tools cache saves), with their completion markers. */
export function toolCachePaths(inputs: BuildInputs, ctx: RunContext): string[] {
  const dirs = [
    poetryToolDir(ctx, inputs.poetryVersion),
    path.join(ctx.toolCacheDir, 'upx', inputs.upxVersion, ctx.platform.arch)
  ]
  return dirs.flatMap(d => [d, `${d}.complete`])
}

/** Finds or installs Poetry and UPX, and decides on strip. */
export async function installTools(
  inputs: BuildInputs,
  python: PythonInfo,
  ctx: RunContext
): Promise<Tools> {
  const poetry = await ensurePoetry(inputs.poetryVersion, python, ctx)
  ctx.host.info(`Poetry ${poetry.version} (${poetry.source}) at ${poetry.path}`)
  const upxDecision = decideUpx(inputs.upx, ctx.platform, inputs.backend)
  let upx: UpxInfo | undefined
  if (upxDecision.wanted) {
    try {
      upx = await resolveUpx(
        {
          version: inputs.upxVersion,
          path: inputs.upxPath,
          sha256: inputs.upxSha256,
          mirror: inputs.upxMirror
        },
        ctx
      )
      ctx.host.info(`UPX ${upx.version} (${upx.source}) at ${upx.path}`)
      if (ctx.platform.os === 'linux')
        ctx.host.warning(
          'upx: true on Linux: measured with UPX 4.2.2, every UPX-packed shared library crashes (SIGTRAP) when it is loaded, so no exclude list makes it safe. The checks run on the packed binary, and a failure rebuilds it without UPX.',
          { title: 'UPX on Linux' }
        )
    } catch (err) {
      if (upxDecision.required || inputs.upxPath) throw err
      upxDecision.wanted = false
      upxDecision.reason = `auto: UPX unavailable (${(err as Error).message})`
      ctx.host.notice(`Building without UPX: ${(err as Error).message}`)
    }
  } else {
    ctx.host.info(`UPX not used: ${upxDecision.reason}`)
  }
  const strip = decideStrip(inputs.strip, ctx.platform, Boolean(await io.which('strip', false)))
  return { python, poetry, upx, upxDecision, strip }
}

/** The in-project venv Poetry is told to use (so the venv cache knows what to save). */
export function venvPath(projectPath: string): string {
  return path.join(projectPath, '.venv')
}

/** The in-project venv's interpreter. */
export function venvPython(projectPath: string, ctx: RunContext): string {
  return path.join(
    venvPath(projectPath),
    ctx.platform.venvBinDir,
    ctx.platform.os === 'windows' ? 'python.exe' : 'python'
  )
}

/** True when a restored venv runs and has the pinned backend: a cache is never trusted blindly. */
export async function venvUsable(
  projectPath: string,
  backend: Backend,
  inputs: BuildInputs,
  ctx: RunContext
): Promise<boolean> {
  const python = venvPython(projectPath, ctx)
  if (!fs.existsSync(python)) return false
  const r = await execCapture(python, ['-c', backend.versionCode], { env: ctx.env }).catch(
    () => undefined
  )
  return r?.exitCode === 0 && r.stdout.trim() === backend.version(inputs)
}

/**
 * The project's environment: `poetry install`, then the pinned build backend. `poetry install` is
 * skipped when an exact venv cache hit was verified, or when the venv still holds exactly what the
 * last build of this lock left in it (venv-state.ts), which is then recorded again.
 */
export async function prepareProjectEnv(
  inputs: BuildInputs,
  projectPath: string,
  tools: Tools,
  venvRestored: boolean,
  backend: Backend,
  ctx: RunContext
): Promise<Toolchain> {
  const venv = venvPath(projectPath)
  const python = venvPython(projectPath, ctx)
  const fields = {
    installArgs: installArgs(inputs),
    python: tools.python.path,
    backend: `${backend.name} ${backend.version(inputs)}`
  }
  const recorded = venvRestored ? undefined : recordedVenvState(venv)
  const now = recorded && (await currentVenvState(projectPath, python, fields, ctx))
  const changed = recorded && now ? venvStateDiffers(recorded, now) : undefined
  if (changed) ctx.host.info(`The project venv differs from the last build's: ${changed}`)
  const unchanged = now !== undefined && changed === null
  let projectEnv: ProjectEnv
  if (venvRestored || unchanged) {
    ctx.host.info(
      unchanged
        ? `The project venv holds exactly what the last build of this poetry.lock left (${now.distributions.length} distributions); skipping poetry install`
        : 'Poetry venv restored from the cache for this exact lock; skipping poetry install'
    )
    projectEnv = {
      projectPath,
      poetry: tools.poetry,
      venvPath: venvPath(projectPath),
      env: poetryEnv(ctx.env, tools.python)
    }
  } else {
    projectEnv = await ctx.host.group('poetry install', () =>
      installProjectEnv(projectPath, tools.poetry, tools.python, inputs, ctx)
    )
  }
  const version = await ctx.host.group(`${backend.label} ${backend.version(inputs)}`, () =>
    backend.install(projectEnv, inputs, ctx)
  )
  const after = await currentVenvState(projectPath, python, fields, ctx)
  if (after) recordVenvState(venv, after)
  return { ...tools, projectEnv, builder: { name: backend.name, label: backend.label, version } }
}
