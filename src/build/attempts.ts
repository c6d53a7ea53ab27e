/**
 * The build stage: prepare → build → validate, and the rebuilds a first attempt can call for (once
 * with every diagnosed fix under auto-fix-imports, once without UPX when UPX broke the binary).
 */
import * as path from 'node:path'
import type { RunContext } from '../context.js'
import type { BuildInputs } from '../inputs.js'
import type { ProjectInfo } from '../project/discover.js'
import type { Toolchain } from '../tools/index.js'
import type { Caches, CacheOutcome } from '../cache/index.js'
import { buildKey, type KeyFacts } from '../cache/keys.js'
import { backendFor, type PreparedBuild } from '../backends/index.js'
import type { BuildPlan, BuildResult, TracedFiles } from '../backends/types.js'
import { measureOnedir, wantsOnedirProbe } from './start-advice.js'
import type { PoetrySide } from '../trace/index.js'
import { validateBinary, type Validation } from '../validate/index.js'
import { fixLine, type Fixes } from '../validate/diagnose.js'
import { countFixes, fixesOf, mergeFixes } from '../validate/causes.js'
import { testCompressed } from '../validate/upx-test.js'
import { portability } from '../validate/portability.js'
import { formatBytes } from '../units.js'
import type { StageClock } from '../stage-clock.js'

/** What every attempt shares: the project, its tools, the poetry run side, and the stage's helpers. */
export interface BuildContext {
  inputs: BuildInputs
  project: ProjectInfo
  tools: Toolchain
  outDir: string
  poetrySide: PoetrySide
  clock: StageClock
  caches: Caches
  facts: KeyFacts
}

/** The build that goes out, with the notes the rebuilds left for the summary. */
export interface BuildOutcome extends Attempt {
  notes: string[]
}

export interface AttemptOptions {
  /** What the build adds on top of the inputs: the trace's findings, then any auto-fix. */
  fix: Fixes
  upx: boolean
  useBuildCache: boolean
}

export interface Attempt {
  /** What was built from (the start-time advice builds the same plan as onedir). */
  plan: BuildPlan
  spec: PreparedBuild
  build: BuildResult
  validation: Validation
  autoFixed?: string[]
  fix?: Fixes
  buildCache?: CacheOutcome
}

/** What the trace adds to a build, as the inputs that take it (with `trace: false`, nothing). Pure. */
export function fixesFromTrace(inputs: BuildInputs, side: PoetrySide): Fixes {
  const traced = side.findings
  if (!inputs.trace) return { modules: [], packages: [], data: [], metadata: [] }
  // With honor-pythonpath, what came from PYTHONPATH is loaded from there at run time, not bundled.
  const fromPythonpath = new Set(inputs.honorPythonpath ? traced.pythonpath.map(a => a.name) : [])
  return {
    modules: traced.hiddenImports
      .map(a => a.name)
      .filter(m => !fromPythonpath.has(m.split('.')[0])),
    packages: [],
    data: traced.collectData.map(a => a.name),
    metadata: traced.copyMetadata.map(a => a.name)
  }
}

/** Files the trace found that no import names, as the build sees them. Pure. */
export function tracedFiles(
  inputs: BuildInputs,
  side: PoetrySide,
  projectPath: string
): TracedFiles {
  const f = side.findings
  return inputs.trace
    ? {
        sources: f.collectSources.map(a => a.name),
        sharedLibraries: f.sharedLibraries.map(a => a.name),
        loadedModules: f.importedModules,
        searchPaths: resolveSearchPaths(f.searchPaths, projectPath),
        executables: inputs.executables.all
          ? f.executables.map(e => ({ name: e.name, entry: e.entry, path: e.path }))
          : null,
        excludes: inputs.leaveOutUnrequired ? f.unrequired.map(a => a.name) : []
      }
    : {
        sources: [],
        sharedLibraries: [],
        loadedModules: f.importedModules,
        searchPaths: [],
        executables: null,
        excludes: []
      }
}

/**
 * Builds and validates once; then rebuilds once with every diagnosed fix (auto-fix-imports), and
 * once without UPX when the UPX-compressed binary failed its checks.
 */
export async function buildWithRetries(b: BuildContext, ctx: RunContext): Promise<BuildOutcome> {
  const { inputs, tools } = b
  const fromTrace = fixesFromTrace(inputs, b.poetrySide)
  const notes: string[] = []
  let result = await buildAndValidate(
    b,
    {
      fix: fromTrace,
      upx: tools.upx !== undefined,
      // Nuitka's compile caches are content-addressed (ccache, its bytecode cache): a stale entry
      // can only cost time, never correctness, so they are kept whenever caching is on.
      useBuildCache: inputs.cacheBuild || (inputs.backend === 'nuitka' && inputs.cache)
    },
    ctx
  )
  const found = fixesOf(result.validation)
  if (inputs.autoFixImports && countFixes(found) > 0) {
    const fix = mergeFixes(fromTrace, found)
    const added = [...found.modules, ...found.packages, ...found.data, ...found.metadata]
    ctx.host.notice(`auto-fix-imports: rebuilding once with ${fixLine(found)}`)
    notes.push(
      `Rebuilt once with ${added.map(m => `\`${m}\``).join(', ')} added (auto-fix-imports): ${fixLine(found)}.`
    )
    result = {
      ...(await buildAndValidate(
        b,
        { fix, upx: tools.upx !== undefined, useBuildCache: false },
        ctx
      )),
      autoFixed: added,
      fix,
      // The first attempt restored the build cache; the rebuild's caches are saved under its key.
      buildCache: result.buildCache
    }
  }
  // For `auto` and `true` alike: a binary UPX broke is no deliverable, and the rebuild says so.
  if (
    tools.upx &&
    result.build.upx.attempted > result.build.upx.failed &&
    failedSmoke(result.validation)
  ) {
    const before = result.validation.sizeBytes
    ctx.host.warning(
      'The UPX-compressed binary failed its checks; rebuilding without UPX. Set "upx: false" to skip UPX.'
    )
    notes.push(
      `UPX broke the binary (${result.build.upx.attempted - result.build.upx.failed} file(s) compressed, ${formatBytes(before)}), so it was rebuilt without UPX. Set \`upx: false\` to skip it.`
    )
    const fix = result.fix ?? fromTrace
    result = {
      ...(await buildAndValidate(b, { fix, upx: false, useBuildCache: false }, ctx)),
      autoFixed: result.autoFixed,
      fix,
      buildCache: result.buildCache
    }
  }
  const v = result.validation
  if (
    wantsOnedirProbe(
      inputs,
      result.build.extraction.kind,
      result.spec.generated,
      v.startup,
      v.poetryStartup
    )
  ) {
    const onedir = await b.clock.run('validate', () =>
      measureOnedir(backendFor(inputs.backend), result.plan, v.startup.exitCodes, ctx)
    )
    if (onedir) v.onedirStartup = onedir
  }
  return { ...result, notes }
}

function failedSmoke(v: Validation): boolean {
  return v.smoke.some(s => !s.passed && !s.skipped) || v.startup.failures.length > 0
}

/** prepare (spec) → (build cache restore) → build → validate, once. */
async function buildAndValidate(
  b: BuildContext,
  options: AttemptOptions,
  ctx: RunContext
): Promise<Attempt> {
  const { inputs, project, tools, outDir, poetrySide, clock, caches, facts } = b
  const backend = backendFor(inputs.backend)
  const plan = {
    inputs,
    project,
    tools,
    outDir,
    fix: options.fix,
    traced: tracedFiles(inputs, poetrySide, project.path),
    upx: options.upx ? tools.upx : undefined
  }
  const prepared = await clock.run('spec', () => backend.prepare(plan, ctx))
  ctx.host.info(`${prepared.generated ? 'Generated' : 'Using'} spec ${prepared.specPath}`)
  const buildCache = options.useBuildCache
    ? await clock.run('cache', () =>
        caches.restore('build', prepared.cachePaths, buildKey(facts, prepared.sha256))
      )
    : undefined
  const warm = buildCache?.result === 'hit' || buildCache?.result === 'partial'
  const build = await clock.run('build', () => backend.build(plan, prepared, warm, ctx))
  reportUpx(build, tools, ctx)
  const upxTest = plan.upx
    ? await testCompressed(plan.upx.path, build.upx.compressedFiles ?? [], ctx)
    : undefined
  const validation = await clock.run('validate', async () =>
    validateBinary(
      inputs,
      build,
      {
        script: prepared.script,
        probe: backend.probe(prepared),
        composition: await ctx.host.group('Composition', () =>
          backend.composition(build, tools, ctx)
        )
      },
      tools,
      poetrySide,
      ctx
    )
  )
  if (upxTest) validation.smoke.push(upxTest)
  const contents = await backend.contents(build, tools, ctx)
  validation.portability = await clock.run('validate', () =>
    ctx.host.group('Where it runs', async () => {
      const p = await portability(build.binaryPath, contents, ctx)
      ctx.host.info(`Runs on: ${p.runsOn}`)
      return p
    })
  )
  return {
    plan,
    spec: prepared,
    build,
    validation,
    buildCache
  }
}

/** Search folders as the build sees them: `cwd:<rel>` (inside a scratch copy) maps into the project. Pure. */
function resolveSearchPaths(found: { name: string }[], projectPath: string): string[] {
  return found.map(a =>
    a.name.startsWith('cwd:') ? path.resolve(projectPath, a.name.slice(4)) : a.name
  )
}

/** Tells the user when UPX was wanted but compressed nothing, which would otherwise go unnoticed. */
function reportUpx(build: BuildResult, tools: Toolchain, ctx: RunContext): void {
  if (!tools.upx) return
  const { attempted, failed, firstError } = build.upx
  if (attempted > 0 && failed === attempted) {
    ctx.host.warning(
      `UPX ${tools.upx.version} could not compress any of the ${attempted} file(s) PyInstaller gave it (${firstError ?? 'see the build log'}); the binary is uncompressed. UPX 4 or newer handles modern shared libraries.`
    )
  } else if (attempted > 0) {
    ctx.host.info(`UPX compressed ${attempted - failed} of ${attempted} file(s)`)
  }
}
