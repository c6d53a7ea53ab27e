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
import { entryScript, prepareSpec, type PreparedSpec } from './spec/index.js'
import { runPoetrySide, type PoetrySide } from './trace/index.js'
import { runPyInstaller, type BuildResult } from './build/pyinstaller.js'
import { classifyMissing, validateBinary, type Validation } from './validate/index.js'
import { fixSuggestion, type Fixes } from './validate/diagnose.js'
import { judge, type Verdict } from './validate/verdict.js'
import type { Metrics } from './report/metrics.js'
import { Output, writeReport, type WrittenReport } from './report/index.js'
import { uploadArtifact, type UploadedArtifact } from './publish/artifact.js'
import { formatBytes } from './units.js'
import { testCompressed } from './validate/upx-test.js'
import { runUrl } from './github.js'
import { findBaseline, type Baseline } from './regression/baseline.js'
import { compareToBaseline, type Regression } from './regression/diff.js'
import { commentMarker, renderComment } from './report/comment.js'
import { postStickyComment } from './publish/pr-comment.js'
import { runAggregate } from './aggregate.js'

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
    try {
      return await fn()
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
    pyinstaller: inputs.pyinstallerVersion,
    upx: inputs.upx === 'false' ? null : inputs.upxPath ? 'custom' : inputs.upxVersion,
    lockHash: shortHash(fs.readFileSync(lock))
  }
}

/**
 * The pipeline: inputs → tools → cache restore → spec → build → validate → cache save → report → publish.
 * A failed verdict is returned, not thrown, so the report and artifact always go out first.
 */
export async function runPipeline(inputs: BuildInputs, ctx: RunContext): Promise<PipelineResult> {
  const clock = new StageClock(ctx.host)
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
    if (!(await venvUsable(project.path, inputs.pyinstallerVersion, ctx))) {
      caches.reject(venvCache, 'its Python or PyInstaller does not run')
      fs.rmSync(venvPath(project.path), { recursive: true, force: true })
    }
  }
  const toolchain = await clock.run('tools', () =>
    prepareProjectEnv(inputs, project.path, tools, venvCache.result === 'hit', ctx)
  )

  await checkEntryImportable(project, toolchain, ctx)
  const script = entryScript(project, ensureDir(outDir))
  const poetrySide = await clock.run('trace', () =>
    runPoetrySide(inputs, script, builtInImports(project), toolchain, ctx)
  )
  const traced = poetrySide.findings
  const fromTrace: Fixes = inputs.trace
    ? {
        modules: traced.hiddenImports.map(a => a.name),
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
    useBuildCache: inputs.cacheBuild
  })
  const notes: string[] = []
  const found = fixesOf(result.validation)
  if (inputs.autoFixImports && countFixes(found) > 0) {
    const fix = mergeFixes(fromTrace, found)
    const added = [...found.modules, ...found.packages, ...found.data, ...found.metadata]
    ctx.host.notice(
      `auto-fix-imports: rebuilding once with ${fixSuggestion(found).replace(/\n\s*/g, ' ')}`
    )
    notes.push(
      `Rebuilt once with ${added.map(m => `\`${m}\``).join(', ')} added (auto-fix-imports): ${fixSuggestion(found).replace(/\n\s*/g, ' ')}.`
    )
    result = {
      ...(await attempt({ fix, upx: toolchain.upx !== undefined, useBuildCache: false })),
      autoFixed: added,
      fix
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
      fix
    }
  }
  fs.rmSync(poetrySide.root, { recursive: true, force: true })

  await clock.run('cache', async () => {
    await caches.save(toolsCache, toolCachePaths(inputs, ctx))
    await caches.save(venvCache, [venvPath(project.path)])
    if (result.buildCache) await caches.save(result.buildCache, result.buildCachePaths ?? [])
  })

  const { validation } = result
  const baseline = await clock.run('baseline', () => findBaseline(inputs, artifact, ctx))
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
      regression
    })
  const regression = compareToBaseline(metricsFor(judged(null), null), baseline?.metrics ?? null, {
    maxSizeIncreasePct: inputs.maxSizeIncreasePct,
    maxStartupIncreasePct: inputs.maxStartupIncreasePct,
    startupFloorMs: inputs.startupIncreaseFloorMs
  })
  if (regression.failures.length && !inputs.failOnRegression) {
    for (const f of regression.failures)
      ctx.host.warning(f, { title: 'Regression (fail-on-regression: false)' })
  }
  const metrics = metricsFor(judged(regression), regression)
  const report = await clock.run('report', () => writeReport(metrics, outDir, ctx.host))
  const body = renderComment([{ metrics, regression }], {
    marker: commentMarker(artifact),
    runUrl: runUrl(ctx.env)
  })
  ctx.host.setOutput(Output.CommentBody, body)
  if (regression.size) ctx.host.setOutput(Output.SizeDeltaBytes, regression.size.delta)
  if (inputs.comment) {
    const posted = await clock.run('publish', () =>
      postStickyComment(body, commentMarker(artifact), inputs.githubToken, ctx)
    )
    if (posted === 'denied')
      await ctx.host.writeSummary(`### PR comment (not posted: no permission)\n\n${body}`)
    if (posted === 'created' || posted === 'updated') ctx.host.info(`PR comment ${posted}`)
  }

  if (!inputs.upload || !ctx.host.isActions) {
    ctx.host.info(
      inputs.upload
        ? 'Not inside GitHub Actions: no artifact upload'
        : 'upload: false, no artifact upload'
    )
    return { metrics, report }
  }
  if (!ctx.env.ACTIONS_RUNTIME_TOKEN || !ctx.env.ACTIONS_RESULTS_URL) {
    ctx.host.warning(
      'The artifact service is not available to this step (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL); skipping the upload'
    )
    return { metrics, report }
  }
  try {
    const uploaded = await clock.run('publish', () =>
      ctx.host.group(`Upload artifact ${artifact}`, () =>
        uploadArtifact(
          {
            name: artifact,
            retentionDays: inputs.retentionDays,
            bundle: result.build.bundlePath,
            files: [report.metricsPath, report.reportPath, result.spec.specPath]
          },
          ctx
        )
      )
    )
    ctx.host.info(
      `Uploaded artifact ${uploaded.name} (id ${uploaded.id}, ${uploaded.size} bytes): ${uploaded.files.join(', ')}`
    )
    ctx.host.setOutput(Output.ArtifactId, uploaded.id)
    return { metrics, report, artifact: uploaded }
  } catch (err) {
    return { metrics, report, publishError: errorLine(err) }
  }
}

interface AttemptOptions {
  /** What the build adds on top of the inputs: the trace's findings, then any auto-fix. */
  fix: Fixes
  upx: boolean
  useBuildCache: boolean
}

interface Attempt {
  spec: PreparedSpec
  build: BuildResult
  validation: Validation
  autoFixed?: string[]
  fix?: Fixes
  buildCache?: CacheOutcome
  buildCachePaths?: string[]
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

/** Modules the generated spec bundles whatever the trace says: the entry module and library rules. */
function builtInImports(project: ProjectInfo): {
  hiddenImports: string[]
  collectSubmodules: string[]
} {
  const rules = rulesFor(project.lockedPackages)
  return {
    hiddenImports: [
      ...(project.entry.kind === 'function' ? [project.entry.module] : []),
      ...rules.flatMap(r => r.hiddenImports)
    ],
    collectSubmodules: rules.flatMap(r => r.collectSubmodules)
  }
}

function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

/** What the failed binary runs say is missing, as the inputs that fix it (absent modules excluded). */
function fixesOf(v: Validation): Fixes {
  return {
    modules: v.diagnosis.modules,
    packages: v.diagnosis.packages,
    data: v.diagnosis.data.map(e => e.name),
    metadata: v.diagnosis.metadata.map(e => e.name)
  }
}

function countFixes(f: Fixes): number {
  return f.modules.length + f.packages.length + f.data.length + f.metadata.length
}

function mergeFixes(a: Fixes, b: Fixes): Fixes {
  const u = (x: string[], y: string[]): string[] => [...new Set([...x, ...y])]
  return {
    modules: u(a.modules, b.modules),
    packages: u(a.packages, b.packages),
    data: u(a.data, b.data),
    metadata: u(a.metadata, b.metadata)
  }
}

/** One failure line per diagnosed root cause, with the paste-ready fix; these lead the verdict. */
export function rootCauses(v: Validation): string[] {
  const d = v.diagnosis
  const causes: string[] = []
  const fixes = fixesOf(v)
  if (countFixes(fixes) > 0) {
    const what = [
      ...(d.modules.length + d.packages.length
        ? [`could not import ${[...d.modules, ...d.packages].join(', ')}`]
        : []),
      ...(d.data.length ? [`lacks the data files of ${d.data.map(e => e.name).join(', ')}`] : []),
      ...(d.metadata.length
        ? [`lacks the metadata of ${d.metadata.map(e => e.name).join(', ')}`]
        : [])
    ]
    const evidence =
      d.data[0]?.line ?? d.metadata[0]?.line ?? Object.values(d.moduleEvidence)[0] ?? ''
    causes.push(
      `The binary ${what.join(' and ')}. Add to the step: ${fixSuggestion(fixes).replace(/\n\s*/g, ' ')}${evidence ? ` (evidence: ${evidence})` : ''}`
    )
  }
  if (d.absent.length)
    causes.push(
      `${d.absent.join(', ')} cannot be imported under poetry run either: add the dependency to pyproject.toml`
    )
  return causes
}

function failedSmoke(v: Validation): boolean {
  return v.smoke.some(s => !s.passed && !s.skipped) || v.startup.failures.length > 0
}

/** spec → (build cache restore) → build → validate, once. */
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
  const upx = options.upx ? tools.upx : undefined
  const spec = await clock.run('spec', () =>
    prepareSpec(
      inputs,
      project,
      {
        upx: upx !== undefined,
        strip: tools.strip,
        extraHiddenImports: options.fix.modules,
        extraCollectSubmodules: options.fix.packages,
        extraCollectData: options.fix.data,
        extraCopyMetadata: options.fix.metadata
      },
      outDir
    )
  )
  ctx.host.info(`${spec.generated ? 'Generated' : 'Using'} spec ${spec.specPath}`)
  const workPath = path.join(project.path, 'build')
  const configDir = path.join(ctx.tempDir, 'pyinstaller-config')
  const buildCachePaths = [path.join(workPath, path.basename(spec.specPath, '.spec')), configDir]
  const buildCache = options.useBuildCache
    ? await clock.run('cache', () =>
        caches.restore('build', buildCachePaths, buildKey(facts, spec.sha256))
      )
    : undefined
  const warm = buildCache?.result === 'hit' || buildCache?.result === 'partial'
  const build = await clock.run('build', () =>
    ctx.host.group(`PyInstaller build of ${project.name}`, () =>
      runPyInstaller(
        tools.projectEnv,
        {
          specPath: spec.specPath,
          name: project.name,
          mode: inputs.mode,
          upx,
          clean: !warm,
          configDir,
          workPath,
          distPath: path.join(project.path, 'dist')
        },
        ctx
      )
    )
  )
  reportUpx(build, tools, ctx)
  const upxTest = upx
    ? await testCompressed(upx.path, build.upx.compressedFiles ?? [], ctx)
    : undefined
  const validation = await clock.run('validate', () =>
    validateBinary(inputs, build, spec.script, spec.generated, tools, poetrySide, ctx)
  )
  if (upxTest) validation.smoke.push(upxTest)
  return { spec, build, validation, buildCache, buildCachePaths }
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

/** Assembles metrics.json from the stage results. Pure. */
export function buildMetrics(p: {
  inputs: BuildInputs
  project: ProjectInfo
  tools: Toolchain
  spec: PreparedSpec
  build: BuildResult
  validation: Validation
  verdict: Verdict
  ctx: Pick<RunContext, 'platform'>
  timings: Record<string, number>
  autoFixedImports: string[]
  notes: string[]
  poetrySide: PoetrySide
  caches: CacheOutcome[]
  baseline: Baseline | null
  regression: Regression | null
}): Metrics {
  const { inputs, tools, build, validation: v } = p
  return {
    schema: 1,
    name: p.project.name,
    os: p.ctx.platform.os,
    arch: p.ctx.platform.arch,
    mode: inputs.mode,
    versions: {
      python: tools.python.version,
      poetry: tools.poetry.version,
      pyinstaller: tools.pyinstallerVersion,
      upx: tools.upx?.version ?? null
    },
    binary: { path: build.binaryPath, sizeBytes: v.sizeBytes, sha256: v.sha256 },
    upx: {
      requested: tools.upxDecision.wanted,
      applied: build.upx.enabled && build.upx.attempted > build.upx.failed,
      reason: tools.upxDecision.reason,
      filesCompressed: build.upx.attempted - build.upx.failed,
      filesFailed: build.upx.failed
    },
    strip: tools.strip,
    reproducibility: {
      sourceDateEpoch: build.sourceDateEpoch ? Number(build.sourceDateEpoch) : null,
      pythonHashSeed: 0
    },
    startup: {
      args: inputs.startupArgs,
      runs: v.startup.runs,
      coldMs: v.startup.coldMs,
      medianMs: v.startup.medianMs,
      p95Ms: v.startup.p95Ms,
      cv: v.startup.cv,
      poetryRunMedianMs: v.poetryStartup?.medianMs ?? null,
      poetryRunColdMs: v.poetryStartup?.coldMs ?? null
    },
    memory: { peakRssBytes: v.peakRssBytes, poetryRunPeakRssBytes: v.poetryPeakRssBytes },
    smoke: v.smoke,
    parity: v.parity,
    trace: inputs.trace
      ? {
          enabled: true,
          commands: v.deadWeightCoverage.commands,
          added: {
            hiddenImports: p.poetrySide.findings.hiddenImports,
            collectData: p.poetrySide.findings.collectData,
            copyMetadata: p.poetrySide.findings.copyMetadata
          }
        }
      : {
          enabled: false,
          commands: [],
          added: { hiddenImports: [], collectData: [], copyMetadata: [] }
        },
    composition: (v.composition?.entries ?? []).map(e => ({
      package: e.package,
      bytes: e.bytes,
      kinds: e.kinds,
      distribution: e.distribution
    })),
    archiveBytes: v.composition?.archiveBytes ?? null,
    deadWeight: v.deadWeightCoverage.meaningful ? v.deadWeight : [],
    deadWeightCoverage: {
      commands: v.deadWeightCoverage.commands.length,
      meaningful: v.deadWeightCoverage.meaningful,
      candidates: v.deadWeight.length
    },
    diagnosis: {
      missingModules: v.missingModules,
      kinds: v.missingKinds,
      missingData: v.diagnosis.data,
      missingMetadata: v.diagnosis.metadata,
      suggestion: countFixes(fixesOf(v)) ? fixSuggestion(fixesOf(v)) : null,
      autoFixedImports: p.autoFixedImports
    },
    notes: p.notes,
    buildWarnings: {
      missingModules: build.missingModules.map(m => ({
        name: m.name,
        importedBy: m.importedBy.map(i => i.module)
      }))
    },
    cache: p.caches.map(c => ({
      kind: c.kind,
      result: c.result,
      key: c.key,
      matchedKey: c.matchedKey ?? null,
      restoreMs: c.restoreMs,
      saved: c.saved ?? null
    })),
    thresholds: {
      maxSizeBytes: inputs.maxSizeBytes,
      maxStartupMs: inputs.maxStartupMs,
      maxMemoryBytes: inputs.maxMemoryBytes ?? null
    },
    baseline: p.baseline
      ? {
          sizeBytes: p.baseline.metrics.binary.sizeBytes,
          startupMs: p.baseline.metrics.startup.medianMs,
          source: p.baseline.source,
          runId: p.baseline.runId,
          sha: p.baseline.sha
        }
      : null,
    regression: p.regression,
    verdict: p.verdict,
    timings: { ...p.timings }
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
    host.setFailed(errorLine(err))
    return undefined
  }
}
