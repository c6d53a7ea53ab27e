import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionError } from '../../errors.js'
import { execCapture } from '../../process.js'
import type { BuildMode } from '../../inputs.js'
import type { RunContext } from '../../context.js'
import { lastLine } from '../../tools/poetry.js'
import type { ProjectEnv } from '../../tools/project-env.js'
import { upxDirFor, type UpxInfo } from '../../tools/upx.js'
import { parseWarnFile, topLevelMissing } from './warnings.js'
import { sourceDateEpoch } from '../epoch.js'
import type { BuildResult, UpxOutcome } from '../types.js'

export interface BuildRequest {
  specPath: string
  name: string
  mode: BuildMode
  /** UPX to hand to PyInstaller, or undefined to build without it. */
  upx?: UpxInfo
  /** Pass --clean (drops PyInstaller's bincache and work dir). */
  clean: boolean
  /** PYINSTALLER_CONFIG_DIR: where the bincache lives (what the build cache saves). */
  configDir: string
  /** Where PyInstaller keeps its work files. */
  workPath: string
  distPath: string
  /**
   * run-env: PyInstaller's hooks import the project's own code while they build (the Django hook
   * runs django.setup(), so a settings module that reads os.environ["DEBUG"] stops the build
   * without it). PYTHONPATH stays out: what it names is loaded from the user's folder at run time,
   * not frozen into the binary.
   */
  runEnv?: Record<string, string>
}

/** Where PyInstaller puts the binary for a mode. */
export function binaryLocation(
  distPath: string,
  name: string,
  mode: BuildMode,
  exeSuffix: string
): { binary: string; bundle: string } {
  if (mode === 'onefile') {
    const binary = path.join(distPath, `${name}${exeSuffix}`)
    return { binary, bundle: binary }
  }
  const bundle = path.join(distPath, name)
  return { binary: path.join(bundle, `${name}${exeSuffix}`), bundle }
}

/** Reads from PyInstaller's log whether UPX was enabled and how many files it really compressed. Pure. */
export function upxOutcomeFromLog(log: string): UpxOutcome {
  const enabled = /UPX is available and (will be used|force-enabled)/.test(log)
  const attempted = (log.match(/INFO: Executing: \S*upx(\.exe)?\s/g) ?? []).length
  const failed = (log.match(/WARNING: Failed to upx strip on /g) ?? []).length
  const firstError = /Output from upx command:\s*\n\s*(\S[^\n]*)/.exec(log)?.[1]?.trim()
  const tried = [...log.matchAll(/INFO: Executing: \S*upx(?:\.exe)?\s.*?\s(\S+)\s*$/gm)].map(
    m => m[1]
  )
  const broken = new Set(
    [...log.matchAll(/WARNING: Failed to upx strip on '([^']+)'/g)].map(m => m[1])
  )
  return {
    enabled,
    attempted,
    failed,
    firstError,
    compressedFiles: tried.filter(f => !broken.has(f))
  }
}

/** Runs `poetry run pyinstaller` on the spec with a reproducible environment; output is streamed to the log. */
export async function runPyInstaller(
  projectEnv: ProjectEnv,
  req: BuildRequest,
  ctx: RunContext
): Promise<BuildResult> {
  const started = Date.now()
  const epoch = await sourceDateEpoch(projectEnv.projectPath, ctx)
  const runEnv = Object.fromEntries(
    Object.entries(req.runEnv ?? {}).filter(([k]) => k !== 'PYTHONPATH')
  )
  const env: NodeJS.ProcessEnv = {
    ...projectEnv.env,
    ...runEnv,
    PYTHONHASHSEED: '0',
    PYINSTALLER_CONFIG_DIR: req.configDir,
    ...(epoch ? { SOURCE_DATE_EPOCH: epoch } : {}),
    // PyInstaller ignores UPX outside Windows unless forced; the smoke checks then prove the result runs.
    ...(req.upx && ctx.platform.os !== 'windows' ? { PYINSTALLER_FORCE_UPX: '1' } : {})
  }
  const args = [
    // `python -m PyInstaller` rather than the `pyinstaller` script: a venv restored from the cache
    // keeps working even if a script's shebang went stale.
    'run',
    'python',
    '-m',
    'PyInstaller',
    '--noconfirm',
    ...(req.clean ? ['--clean'] : []),
    '--distpath',
    req.distPath,
    '--workpath',
    req.workPath,
    // --noupx is a makespec option, refused with a spec: the spec's upx=False already says it.
    ...(req.upx ? ['--upx-dir', upxDirFor(req.upx, ctx)] : []),
    req.specPath
  ]
  const r = await execCapture(projectEnv.poetry.path, args, {
    cwd: projectEnv.projectPath,
    env,
    silent: false
  })
  const log = `${r.stdout}\n${r.stderr}`
  if (r.exitCode !== 0) {
    throw new ActionError(`PyInstaller failed (exit ${r.exitCode}): ${lastErrorLine(log)}`)
  }
  const { binary, bundle } = binaryLocation(
    req.distPath,
    req.name,
    req.mode,
    ctx.platform.exeSuffix
  )
  if (!fs.existsSync(binary)) {
    throw new ActionError(
      `PyInstaller finished but ${binary} does not exist; with a custom spec, set input "name" to the EXE name it builds`
    )
  }
  const warnFile = path.join(
    req.workPath,
    path.basename(req.specPath, '.spec'),
    `warn-${path.basename(req.specPath, '.spec')}.txt`
  )
  const missing = fs.existsSync(warnFile) ? parseWarnFile(fs.readFileSync(warnFile, 'utf8')) : []
  return {
    binaryPath: binary,
    bundlePath: bundle,
    missingModules: topLevelMissing(missing),
    upx: req.upx ? upxOutcomeFromLog(log) : { enabled: false, attempted: 0, failed: 0 },
    sourceDateEpoch: epoch,
    analysisMissed: hiddenImportsAnalysed(log),
    ms: Date.now() - started,
    extraction: req.mode === 'onefile' ? { kind: 'per-start' } : { kind: 'none' }
  }
}

/**
 * Hidden imports PyInstaller had to analyse because its own graph of the scripts had not reached
 * them ("Analyzing hidden import"); those it had found are only logged at debug level. Pure.
 */
export function hiddenImportsAnalysed(log: string): string[] {
  return [...new Set([...log.matchAll(/INFO: Analyzing hidden import '([^']+)'/g)].map(m => m[1]))]
}

function lastErrorLine(log: string): string {
  const lines = log.split(/\r?\n/).filter(l => /error|exception/i.test(l))
  return lines.length ? lines[lines.length - 1].trim() : lastLine(log)
}
