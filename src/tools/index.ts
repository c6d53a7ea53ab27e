import * as io from '@actions/io'
import type { Inputs, Toggle } from '../inputs.js'
import type { Platform } from '../platform.js'
import type { RunContext } from '../context.js'
import { ensurePoetry, type PoetryInfo } from './poetry.js'
import { findPython, type PythonInfo } from './python.js'
import { ensurePyInstaller } from './pyinstaller.js'
import { installProjectEnv, type ProjectEnv } from './project-env.js'
import { decideUpx, resolveUpx, type UpxDecision, type UpxInfo } from './upx.js'

/** Everything the build needs, installed and probed. */
export interface Toolchain {
  python: PythonInfo
  poetry: PoetryInfo
  projectEnv: ProjectEnv
  pyinstallerVersion: string
  upx?: UpxInfo
  upxDecision: UpxDecision
  strip: boolean
}

/** Resolves `strip: auto|true|false`: on for Linux/macOS when a `strip` tool exists, off on Windows. Pure. */
export function decideStrip(mode: Toggle, platform: Platform, stripOnPath: boolean): boolean {
  if (mode === 'true') return true
  if (mode === 'false') return false
  return platform.os !== 'windows' && stripOnPath
}

/** Installs/finds Python, Poetry, the UPX binary; installs the project env and PyInstaller into it. */
export async function setupTools(
  inputs: Inputs,
  projectPath: string,
  ctx: RunContext
): Promise<Toolchain> {
  const python = await findPython(inputs.python, ctx)
  ctx.host.info(`Python ${python.version} at ${python.path}`)
  const poetry = await ensurePoetry(inputs.poetryVersion, python, ctx)
  ctx.host.info(`Poetry ${poetry.version} (${poetry.source}) at ${poetry.path}`)

  const upxDecision = decideUpx(inputs.upx, ctx.platform)
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

  const projectEnv = await ctx.host.group('poetry install', () =>
    installProjectEnv(projectPath, poetry, python, ctx)
  )
  const pyinstallerVersion = await ctx.host.group(`PyInstaller ${inputs.pyinstallerVersion}`, () =>
    ensurePyInstaller(projectEnv, inputs.pyinstallerVersion, ctx)
  )
  return { python, poetry, projectEnv, pyinstallerVersion, upx, upxDecision, strip }
}
