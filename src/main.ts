import * as fs from 'node:fs'
import * as path from 'node:path'
import { createContext, type RunContext } from './context.js'
import { errorLine, InputError } from './errors.js'
import type { Host } from './host.js'
import { actionsHost } from './hosts/actions.js'
import { artifactName, getInputs, Input, type InputReader, type BuildInputs } from './inputs.js'
import { discoverProject, requiredSet, type ProjectInfo } from './project/discover.js'
import { preflight } from './preflight.js'
import { rulesFor } from './project/known-libraries.js'
import { findPython } from './tools/python.js'
import {
  installTools,
  prepareProjectEnv,
  toolCachePaths,
  venvPath,
  venvUsable,
  type Toolchain
} from './tools/index.js'
import { Caches } from './cache/index.js'
import { toolsKey, venvKey, type KeyFacts } from './cache/keys.js'
import { builtInImports, entryScript } from './backends/common.js'
import { backendFor } from './backends/index.js'
import { poetryCommand, runPoetrySide } from './trace/index.js'
import { classifyMissing, type Validation } from './validate/index.js'
import { rootCauses } from './validate/causes.js'
import { buildMetrics } from './report/assemble.js'
import { judge, type Verdict } from './validate/verdict.js'
import type { Metrics } from './report/metrics.js'
import { Output, writeReport, type WrittenReport } from './report/index.js'
import type { UploadedArtifact } from './publish/artifact.js'
import { publishArtifact, publishComment } from './publish/index.js'
import { formatBytes } from './units.js'
import { glibcFailure } from './validate/portability.js'
import { runUrl } from './github.js'
import { findBaseline } from './regression/baseline.js'
import { compareToBaseline, type Regression } from './regression/diff.js'
import { startupSideBySide, type SideBySide } from './regression/side-by-side.js'
import { commentMarker, renderComment } from './report/comment.js'
import { StageClock } from './stage-clock.js'
import { keyFacts } from './cache/facts.js'
import { buildWithRetries, type BuildOutcome } from './build/attempts.js'
import { runAggregate } from './aggregate.js'
import { writeSbom } from './report/sbom.js'

export interface PipelineResult {
  metrics: Metrics
  report: WrittenReport
  artifact?: UploadedArtifact
  /** Set when the artifact upload failed; the step fails with it after the report is out. */
  publishError?: string
}

/** Folder for the spec, metrics.json and report.md (an artifact-to-be). */
export function outputDir(inputs: BuildInputs, project: ProjectInfo): string {
  return inputs.outputDir
    ? path.resolve(project.path, inputs.outputDir)
    : path.join(project.path, 'build', 'binary-action')
}

/**
 * The pipeline: inputs → tools → cache restore → poetry run side (traced) → build and validate →
 * cache save → report → publish. A failed verdict is returned, not thrown, so the report and
 * artifact always go out first.
 */
export async function runPipeline(inputs: BuildInputs, ctx: RunContext): Promise<PipelineResult> {
  const clock = new StageClock(ctx.host)
  const project = discoverProject(inputs.projectPath, inputs)
  preflight(inputs, project.path, ctx.env.GITHUB_WORKSPACE || process.cwd())
  const outDir = outputDir(inputs, project)
  ctx.host.info(
    `Building ${project.name} (${inputs.mode}) from ${project.path}, entry ${project.entry.display}`
  )
  const caches = new Caches(ctx, inputs.cache, inputs.cacheTimeoutMs)
  const { toolchain, facts, saveCaches } = await setUpTools(inputs, project, caches, clock, ctx)
  await checkEntryImportable(project, toolchain, ctx)
  const script = entryScript(project, ensureDir(outDir))
  const side = poetryCommand(project.entry, script, project.name, venvPath(project.path))
  const poetrySide = await clock.run('trace', () =>
    runPoetrySide(
      inputs,
      side,
      builtInImports(project),
      requiredSet(project, inputs),
      toolchain,
      ctx
    )
  )
  const result = await buildWithRetries(
    { inputs, project, tools: toolchain, outDir, poetrySide, clock, caches, facts },
    ctx
  )
  fs.rmSync(poetrySide.root, { recursive: true, force: true })
  await clock.run('cache', async () => {
    await saveCaches()
    if (result.buildCache) await caches.save(result.buildCache, result.spec.cachePaths)
  })
  const sbomPath = await clock.run('report', () =>
    writeSbom(
      {
        project,
        tools: toolchain,
        build: result.build,
        sha256: result.validation.sha256,
        composition: result.validation.composition,
        outDir
      },
      ctx
    )
  )
  const artifact =
    inputs.artifactName ??
    artifactName(`${project.name}-${ctx.platform.os}-${ctx.platform.arch}`) ??
    project.name
  const baseline = await clock.run('baseline', () => findBaseline(inputs, artifact, ctx))
  const sideBySide =
    baseline?.binaryPath && inputs.mode === 'onefile'
      ? await clock.run('baseline', () =>
          startupSideBySide(baseline.binaryPath as string, result.build.binaryPath, inputs, ctx)
        )
      : undefined
  const metricsFor = (regression: Regression | null): Metrics =>
    buildMetrics({
      inputs,
      project,
      tools: toolchain,
      spec: result.spec,
      build: result.build,
      validation: result.validation,
      verdict: judgeBuild(result.validation, inputs, regression),
      ctx,
      timings: clock.timings,
      autoFixedImports: result.autoFixed ?? [],
      notes: result.notes,
      poetrySide,
      caches: caches.outcomes,
      baseline,
      regression,
      sbomPath
    })
  const regression = compareWithBaseline(metricsFor(null), baseline, sideBySide, inputs, ctx)
  const metrics = metricsFor(regression)
  const report = await clock.run('report', () =>
    writeReport(metrics, outDir, ctx.host, result.build.bundlePath)
  )
  const published = await clock.run('publish', () =>
    publishAll(metrics, regression, report, result, sbomPath, artifact, inputs, ctx)
  )
  return { metrics, report, ...published }
}

/** Python, the tools and the project environment, through their caches; saving is for later. */
async function setUpTools(
  inputs: BuildInputs,
  project: ProjectInfo,
  caches: Caches,
  clock: StageClock,
  ctx: RunContext
): Promise<{ toolchain: Toolchain; facts: KeyFacts; saveCaches: () => Promise<void> }> {
  const backend = backendFor(inputs.backend)
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
  return {
    toolchain,
    facts,
    saveCaches: async () => {
      await caches.save(toolsCache, toolCachePaths(inputs, ctx))
      await caches.save(venvCache, [venvPath(project.path)])
    }
  }
}

/** Every threshold, check and root cause, plus memory, glibc and (when it fails) the regression. */
function judgeBuild(
  validation: Validation,
  inputs: BuildInputs,
  regression: Regression | null
): Verdict {
  const rss = validation.peakRssBytes
  return judge({
    sizeBytes: validation.sizeBytes,
    maxSizeBytes: inputs.maxSizeBytes,
    startupMedianMs: validation.startup.unanswered ? 0 : validation.startup.medianMs,
    maxStartupMs: inputs.maxStartupMs,
    ...(validation.onedirStartup ? { onedirStartupMs: validation.onedirStartup.medianMs } : {}),
    startupFailures: validation.startup.failures,
    smoke: validation.smoke,
    causes: rootCauses(validation),
    extra: [
      ...(inputs.maxMemoryBytes !== undefined && rss !== null && rss > inputs.maxMemoryBytes
        ? [`Peak RSS ${formatBytes(rss)} exceeds max-memory ${formatBytes(inputs.maxMemoryBytes)}`]
        : []),
      ...[glibcFailure(validation.portability?.glibcFloor ?? null, inputs.maxGlibc)].filter(
        (f): f is string => f !== null
      ),
      ...(regression && inputs.failOnRegression ? regression.failures : [])
    ]
  })
}

/** The comparison with the base branch; with fail-on-regression off its failures are warnings. */
function compareWithBaseline(
  current: Metrics,
  baseline: Awaited<ReturnType<typeof findBaseline>>,
  sideBySide: SideBySide | undefined,
  inputs: BuildInputs,
  ctx: RunContext
): Regression {
  const regression = compareToBaseline(
    current,
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
  return regression
}

/** The PR comment and the artifact (binary, metrics, report, checksums, SBOM, spec). */
async function publishAll(
  metrics: Metrics,
  regression: Regression,
  report: WrittenReport,
  result: BuildOutcome,
  sbomPath: string | null | undefined,
  artifact: string,
  inputs: BuildInputs,
  ctx: RunContext
): Promise<{ artifact?: UploadedArtifact; publishError?: string }> {
  const body = renderComment([{ metrics, regression }], {
    marker: commentMarker(artifact),
    runUrl: runUrl(ctx.env)
  })
  if (regression.size) ctx.host.setOutput(Output.SizeDeltaBytes, regression.size.delta)
  await publishComment(body, commentMarker(artifact), inputs, ctx)
  const published = await publishArtifact(
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
  return { artifact: published.artifact, publishError: published.error }
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
