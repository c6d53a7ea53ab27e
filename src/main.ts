import * as fs from 'node:fs'
import * as path from 'node:path'
import { createContext, type RunContext } from './context.js'
import { errorLine, InputError } from './errors.js'
import type { Host } from './host.js'
import { actionsHost } from './hosts/actions.js'
import { artifactName, getInputs, Input, type InputReader, type BuildInputs } from './inputs.js'
import { discoverProject, type ProjectInfo } from './spec/discover.js'
import { preflight } from './preflight.js'
import { rulesFor } from './spec/known-libraries.js'
import { findPython, type PythonInfo } from './tools/python.js'
import {
  installTools,
  prepareProjectEnv,
  toolCachePaths,
  venvPath,
  venvUsable,
  type Toolchain
} from './tools/index.js'
import { Caches, type CacheOutcome } from './cache/index.js'
import { buildKey, shortHash, toolsKey, venvKey, type KeyFacts } from './cache/keys.js'
import { builtInImports, entryScript } from './spec/index.js'
import { backendFor, type PreparedBuild } from './backends/index.js'
import { poetryCommand, runPoetrySide, type PoetrySide } from './trace/index.js'
import type { BuildResult } from './backends/types.js'
import { classifyMissing, validateBinary, type Validation } from './validate/index.js'
import { fixLine, type Fixes } from './validate/diagnose.js'
import { countFixes, fixesOf, mergeFixes, rootCauses } from './validate/causes.js'
import { buildMetrics } from './report/assemble.js'
import { judge, type Verdict } from './validate/verdict.js'
import type { Metrics } from './report/metrics.js'
import { Output, writeReport, type WrittenReport } from './report/index.js'
import type { UploadedArtifact } from './publish/artifact.js'
import { publishArtifact, publishComment } from './publish/index.js'
import { formatBytes } from './units.js'
import { testCompressed } from './validate/upx-test.js'
import { glibcFailure, portability } from './validate/portability.js'
import { runUrl } from './github.js'
import { findBaseline } from './regression/baseline.js'
import { compareToBaseline, type Regression } from './regression/diff.js'
import {
  describeSideBySide,
  summarizePairs,
  timeInterleaved,
  type SideBySide
} from './regression/side-by-side.js'
import { commandTimeoutMs } from './run/side.js'
import { commentMarker, renderComment } from './report/comment.js'
import { runAggregate } from './aggregate.js'
import { writeSbom } from './report/sbom.js'

export interface PipelineResult {
  metrics: Metrics
  report: WrittenReport
  artifact?: UploadedArtifact
  /** Set when the artifact upload failed; the step fails with it after the report is out. */
  publishError?: string
}

/** Times each stage (summed over repeats) for metrics.timings and the log. */
class StageClock {
  readonly timings: Record<string, number> = {}
  constructor(private readonly host: Host) {}
  async run<T>(stage: string, fn: () => Promise<T> | T): Promise<T> {
    const started = Date.now()
    const body = async (): Promise<T> => fn()
    try {
      return await (this.host.stage ? this.host.stage(stage, body) : body())
    } finally {
      this.timings[stage] = (this.timings[stage] ?? 0) + Date.now() - started
      this.host.debug(`stage ${stage}: ${this.timings[stage]} ms`)
    }
  }
}

/** Folder for the spec, metrics.json and report.md (an artifact-to-be). */
export function outputDir(inputs: BuildInputs, project: ProjectInfo): string {
  return inputs.outputDir
    ? path.resolve(project.path, inputs.outputDir)
    : path.join(project.path, 'build', 'binary-action')
}

/** The backend and its version as cache keys name them (`pyi6.22.3` keeps PyInstaller's keys as they were). */
function builderFact(inputs: BuildInputs): string {
  return inputs.backend === 'nuitka'
    ? `nuitka${inputs.nuitkaVersion}`
    : `pyi${inputs.pyinstallerVersion}`
}

/** The extras and groups a venv was installed with, for its cache key ('' when none). Pure. */
function installSelection(inputs: BuildInputs): string {
  const extras = inputs.extras === 'all' ? ['*all*'] : inputs.extras
  return extras.length || inputs.groups.length
    ? `\nextras=${[...extras].sort().join(',')};groups=${[...inputs.groups].sort().join(',')}`
    : ''
}

/** Facts every cache key is made of. */
function keyFacts(
  inputs: BuildInputs,
  project: ProjectInfo,
  python: PythonInfo,
  ctx: RunContext
): KeyFacts {
  const lock = project.lockPath ?? path.join(project.path, 'pyproject.toml')
  return {
    os: ctx.platform.os,
    arch: ctx.platform.arch,
    python: python.version,
    poetry: inputs.poetryVersion,
    builder: builderFact(inputs),
    upx: inputs.upx === 'false' ? null : inputs.upxPath ? 'custom' : inputs.upxVersion,
    // What `poetry install` installs depends on the extras and groups too (unchanged keys without them).
    lockHash: shortHash(
      Buffer.concat([fs.readFileSync(lock), Buffer.from(installSelection(inputs))])
    )
  }
}

/**
 * The pipeline: inputs → tools → cache restore → spec → build → validate → cache save → report → publish.
 * A failed verdict is returned, not thrown, so the report and artifact always go out first.
 */
export async function runPipeline(inputs: BuildInputs, ctx: RunContext): Promise<PipelineResult> {
  const clock = new StageClock(ctx.host)
  const backend = backendFor(inputs.backend)
  const project = discoverProject(inputs.projectPath, inputs)
  preflight(inputs, project.path, ctx.env.GITHUB_WORKSPACE || process.cwd())
  const artifact =
    inputs.artifactName ??
    artifactName(`${project.name}-${ctx.platform.os}-${ctx.platform.arch}`) ??
    project.name
  const outDir = outputDir(inputs, project)
  ctx.host.info(
    `Building ${project.name} (${inputs.mode}) from ${project.path}, entry ${project.entry.display}`
  )
  const caches = new Caches(ctx, inputs.cache, inputs.cacheTimeoutMs)
  for (const rule of rulesFor(project.lockedPackages)) {
    ctx.host.info(
      `Built-in rule for ${rule.distribution}: ${[...rule.hiddenImports, ...rule.collectSubmodules].join(', ')} (${rule.why})`
    )
  }

  const python = await clock.run('tools', () => findPython(inputs.python, ctx))
  ctx.host.info(`Python ${python.version} at ${python.path}`)
  const facts = keyFacts(inputs, project, python, ctx)
  const toolsCache = await clock.run('cache', () =>
    caches.restore(
      'tools',
      toolCachePaths(inputs, ctx),
      toolsKey(facts, inputs.upxPath ? null : inputs.upxVersion)
    )
  )
  const tools = await clock.run('tools', () => installTools(inputs, python, ctx))
  const venvCache = await clock.run('cache', () =>
    caches.restore('venv', [venvPath(project.path)], venvKey(facts))
  )
  if (venvCache.result === 'hit' || venvCache.result === 'partial') {
    if (!(await venvUsable(project.path, backend, inputs, ctx))) {
      caches.reject(venvCache, `its Python or ${backend.label} does not run`)
      fs.rmSync(venvPath(project.path), { recursive: true, force: true })
    }
  }
  const toolchain = await clock.run('tools', () =>
    prepareProjectEnv(inputs, project.path, tools, venvCache.result === 'hit', backend, ctx)
  )

  await checkEntryImportable(project, toolchain, ctx)
  const script = entryScript(project, ensureDir(outDir))
  const side = poetryCommand(project.entry, script, project.name, venvPath(project.path))
  const poetrySide = await clock.run('trace', () =>
    runPoetrySide(inputs, side, builtInImports(project), toolchain, ctx)
  )
  const traced = poetrySide.findings
  // With honor-pythonpath, what came from PYTHONPATH is loaded from there at run time, not bundled.
  const fromPythonpath = new Set(inputs.honorPythonpath ? traced.pythonpath.map(a => a.name) : [])
  const fromTrace: Fixes = inputs.trace
    ? {
        modules: traced.hiddenImports
          .map(a => a.name)
          .filter(m => !fromPythonpath.has(m.split('.')[0])),
        packages: [],
        data: traced.collectData.map(a => a.name),
        metadata: traced.copyMetadata.map(a => a.name)
      }
    : { modules: [], packages: [], data: [], metadata: [] }

  const attempt = (options: AttemptOptions): Promise<Attempt> =>
    buildAndValidate(
      inputs,
      project,
      toolchain,
      outDir,
      options,
      poetrySide,
      { clock, caches, facts },
      ctx
    )
  let result = await attempt({
    fix: fromTrace,
    upx: toolchain.upx !== undefined,
    // Nuitka's compile caches are content-addressed (ccache, its bytecode cache): a stale entry
    // can only cost time, never correctness, so they are kept whenever caching is on.
    useBuildCache: inputs.cacheBuild || (inputs.backend === 'nuitka' && inputs.cache)
  })
  const notes: string[] = []
  const found = fixesOf(result.validation)
  if (inputs.autoFixImports && countFixes(found) > 0) {
    const fix = mergeFixes(fromTrace, found)
    const added = [...found.modules, ...found.packages, ...found.data, ...found.metadata]
    ctx.host.notice(`auto-fix-imports: rebuilding once with ${fixLine(found)}`)
    notes.push(
      `Rebuilt once with ${added.map(m => `\`${m}\``).join(', ')} added (auto-fix-imports): ${fixLine(found)}.`
    )
    result = {
      ...(await attempt({ fix, upx: toolchain.upx !== undefined, useBuildCache: false })),
      autoFixed: added,
      fix,
      // The first attempt restored the build cache; the rebuild's caches are saved under its key.
      buildCache: result.buildCache
    }
  }
  // For `auto` and `true` alike: a binary UPX broke is no deliverable, and the rebuild says so.
  if (
    toolchain.upx &&
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
      ...(await attempt({ fix, upx: false, useBuildCache: false })),
      autoFixed: result.autoFixed,
      fix,
      buildCache: result.buildCache
    }
  }
  fs.rmSync(poetrySide.root, { recursive: true, force: true })

  await clock.run('cache', async () => {
    await caches.save(toolsCache, toolCachePaths(inputs, ctx))
    await caches.save(venvCache, [venvPath(project.path)])
    if (result.buildCache) await caches.save(result.buildCache, result.spec.cachePaths)
  })

  const { validation } = result
  const sbomPath = await clock.run('report', () =>
    writeSbom(
      {
        project,
        tools: toolchain,
        build: result.build,
        sha256: validation.sha256,
        composition: validation.composition,
        outDir
      },
      ctx
    )
  )
  const baseline = await clock.run('baseline', () => findBaseline(inputs, artifact, ctx))
  const sideBySide =
    baseline?.binaryPath && inputs.mode === 'onefile'
      ? await clock.run('baseline', () =>
          startupSideBySide(baseline.binaryPath as string, result.build.binaryPath, inputs, ctx)
        )
      : undefined
  const judged = (regression: Regression | null): Verdict =>
    judge({
      sizeBytes: validation.sizeBytes,
      maxSizeBytes: inputs.maxSizeBytes,
      startupMedianMs: validation.startup.medianMs,
      maxStartupMs: inputs.maxStartupMs,
      startupFailures: validation.startup.failures,
      smoke: validation.smoke,
      causes: rootCauses(validation),
      extra: [
        ...(inputs.maxMemoryBytes !== undefined &&
        validation.peakRssBytes !== null &&
        validation.peakRssBytes > inputs.maxMemoryBytes
          ? [
              `Peak RSS ${formatBytes(validation.peakRssBytes)} exceeds max-memory ${formatBytes(inputs.maxMemoryBytes)}`
            ]
          : []),
        ...[glibcFailure(validation.portability?.glibcFloor ?? null, inputs.maxGlibc)].filter(
          (f): f is string => f !== null
        ),
        ...(regression && inputs.failOnRegression ? regression.failures : [])
      ]
    })
  const metricsFor = (verdict: Verdict, regression: Regression | null): Metrics =>
    buildMetrics({
      inputs,
      project,
      tools: toolchain,
      spec: result.spec,
      build: result.build,
      validation,
      verdict,
      ctx,
      timings: clock.timings,
      autoFixedImports: result.autoFixed ?? [],
      notes,
      poetrySide,
      caches: caches.outcomes,
      baseline,
      regression,
      sbomPath
    })
  const regression = compareToBaseline(
    metricsFor(judged(null), null),
    baseline?.metrics ?? null,
    {
      maxSizeIncreasePct: inputs.maxSizeIncreasePct,
      maxStartupIncreasePct: inputs.maxStartupIncreasePct,
      startupFloorMs: inputs.startupIncreaseFloorMs
    },
    sideBySide
  )
  if (regression.failures.length && !inputs.failOnRegression) {
    for (const f of regression.failures)
      ctx.host.warning(f, { title: 'Regression (fail-on-regression: false)' })
  }
  const metrics = metricsFor(judged(regression), regression)
  const report = await clock.run('report', () =>
    writeReport(metrics, outDir, ctx.host, result.build.bundlePath)
  )
  const body = renderComment([{ metrics, regression }], {
    marker: commentMarker(artifact),
    runUrl: runUrl(ctx.env)
  })
  if (regression.size) ctx.host.setOutput(Output.SizeDeltaBytes, regression.size.delta)
  await clock.run('publish', () => publishComment(body, commentMarker(artifact), inputs, ctx))
  const published = await clock.run('publish', () =>
    publishArtifact(
      {
        name: artifact,
        retentionDays: inputs.retentionDays,
        bundle: result.build.bundlePath,
        files: [
          report.metricsPath,
          report.reportPath,
          report.checksumsPath,
          ...(sbomPath ? [sbomPath] : []),
          result.spec.specPath
        ]
      },
      inputs.upload,
      ctx
    )
  )
  return { metrics, report, artifact: published.artifact, publishError: published.error }
}

interface AttemptOptions {
  /** What the build adds on top of the inputs: the trace's findings, then any auto-fix. */
  fix: Fixes
  upx: boolean
  useBuildCache: boolean
}

interface Attempt {
  spec: PreparedBuild
  build: BuildResult
  validation: Validation
  autoFixed?: string[]
  fix?: Fixes
  buildCache?: CacheOutcome
}

/** A `module:function` entry whose module the project environment cannot import fails here, naming the input, before any build. */
async function checkEntryImportable(
  project: ProjectInfo,
  tools: Toolchain,
  ctx: RunContext
): Promise<void> {
  if (project.entry.kind !== 'function') return
  const kinds = await classifyMissing([project.entry.module], tools, ctx)
  if (kinds.absent.length) {
    throw new InputError(
      Input.Entry,
      `"${project.entry.display}": module ${project.entry.module} cannot be imported in the project environment (poetry run); check the module path and the packages of pyproject.toml`
    )
  }
}

function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

function failedSmoke(v: Validation): boolean {
  return v.smoke.some(s => !s.passed && !s.skipped) || v.startup.failures.length > 0
}

/** prepare (spec) → (build cache restore) → build → validate, once. */
async function buildAndValidate(
  inputs: BuildInputs,
  project: ProjectInfo,
  tools: Toolchain,
  outDir: string,
  options: AttemptOptions,
  poetrySide: PoetrySide,
  stage: { clock: StageClock; caches: Caches; facts: KeyFacts },
  ctx: RunContext
): Promise<Attempt> {
  const { clock, caches, facts } = stage
  const backend = backendFor(inputs.backend)
  const plan = {
    inputs,
    project,
    tools,
    outDir,
    fix: options.fix,
    traced: inputs.trace
      ? {
          sources: poetrySide.findings.collectSources.map(a => a.name),
          sharedLibraries: poetrySide.findings.sharedLibraries.map(a => a.name),
          loadedModules: poetrySide.findings.importedModules,
          searchPaths: resolveSearchPaths(poetrySide.findings.searchPaths, project.path)
        }
      : {
          sources: [],
          sharedLibraries: [],
          loadedModules: poetrySide.findings.importedModules,
          searchPaths: []
        },
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

/**
 * Times the base branch's binary and this build's interleaved, in this job; undefined (and the
 * recorded figure is used) when the base binary does not run here.
 */
async function startupSideBySide(
  base: string,
  current: string,
  inputs: BuildInputs,
  ctx: RunContext
): Promise<SideBySide | undefined> {
  const pairs = Math.max(MIN_SIDE_BY_SIDE_PAIRS, inputs.startupRuns)
  return ctx.host.group(
    `Startup side by side with the base branch's binary: ${pairs} pairs`,
    async () => {
      const r = await timeInterleaved(base, current, inputs.startupArgs, {
        pairs,
        env: ctx.env,
        timeoutMs: commandTimeoutMs(inputs.maxStartupMs)
      })
      if ('error' in r) {
        ctx.host.warning(
          `Startup not compared side by side (${r.error}); comparing with the baseline's recorded figure`
        )
        return undefined
      }
      const s = summarizePairs(r)
      ctx.host.info(
        `Side by side: ${describeSideBySide(s)} (pairs base/current ms: ${r.map(p => `${Math.round(p.baseMs)}/${Math.round(p.currentMs)}`).join(', ')})`
      )
      return s
    }
  )
}

/** Fewer pairs cannot show "slower in most pairs" with any confidence. */
const MIN_SIDE_BY_SIDE_PAIRS = 8

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

/** The action's entry: one try/catch, one setFailed, after the report and artifact are out. */
export async function run(
  host: Host = actionsHost(),
  read?: InputReader
): Promise<PipelineResult | undefined> {
  try {
    const inputs = getInputs(read)
    for (const value of Object.values(inputs.smokeEnv)) host.setSecret(value)
    const ctx = createContext(host)
    if (inputs.mode === 'report') {
      const failures = await runAggregate(inputs, ctx)
      if (failures.length) host.setFailed(failures[0])
      return undefined
    }
    const result = await runPipeline({ ...inputs, mode: inputs.mode }, ctx)
    const failures = [
      ...result.metrics.verdict.failures,
      ...(result.publishError ? [result.publishError] : [])
    ]
    if (failures.length) {
      const [first, ...rest] = failures
      host.setFailed(
        `${first}${rest.length ? ` (and ${rest.length} more; see the job summary)` : ''}`
      )
    }
    return result
  } catch (err) {
    host.setFailed(errorLine(err), err)
    return undefined
  }
}
