import * as path from 'node:path'
import { createContext, type RunContext } from './context.js'
import { errorLine } from './errors.js'
import type { Host } from './host.js'
import { actionsHost } from './hosts/actions.js'
import { getInputs, type InputReader, type Inputs } from './inputs.js'
import { discoverProject, type ProjectInfo } from './spec/discover.js'
import { setupTools, type Toolchain } from './tools/index.js'
import { prepareSpec, type PreparedSpec } from './spec/index.js'
import { runPyInstaller, type BuildResult } from './build/pyinstaller.js'
import { validateBinary, type Validation } from './validate/index.js'
import { judge, type Verdict } from './validate/verdict.js'
import type { Metrics } from './report/metrics.js'
import { writeReport, type WrittenReport } from './report/index.js'
import { hiddenImportsSuggestion } from './validate/diagnose.js'
import { formatBytes } from './units.js'

export interface PipelineResult {
  metrics: Metrics
  report: WrittenReport
}

/** Times each stage for metrics.timings and the log. */
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
export function outputDir(inputs: Inputs, project: ProjectInfo): string {
  return inputs.outputDir
    ? path.resolve(project.path, inputs.outputDir)
    : path.join(project.path, 'build', 'binary-action')
}

/**
 * The pipeline: inputs → tools → spec → build → validate → report.
 * Each stage takes what the previous produced; a failed verdict is returned, not thrown, so the
 * report is always written first.
 */
export async function runPipeline(inputs: Inputs, ctx: RunContext): Promise<PipelineResult> {
  const clock = new StageClock(ctx.host)
  const project = discoverProject(inputs.projectPath, inputs)
  const outDir = outputDir(inputs, project)
  ctx.host.info(
    `Building ${project.name} (${inputs.mode}) from ${project.path}, entry ${project.entry.display}`
  )

  const tools = await clock.run('tools', () => setupTools(inputs, project.path, ctx))
  const attempt = (options: { extraHiddenImports: string[]; upx: boolean }): Promise<Attempt> =>
    buildAndValidate(inputs, project, tools, outDir, options, clock, ctx)

  let result = await attempt({ extraHiddenImports: [], upx: tools.upx !== undefined })
  const notes: string[] = []
  if (result.validation.missingModules.length && inputs.autoFixImports) {
    const added = result.validation.missingModules
    ctx.host.notice(`auto-fix-imports: rebuilding once with hidden-imports ${added.join(', ')}`)
    notes.push(
      `Rebuilt once with hidden imports ${added.map(m => `\`${m}\``).join(', ')} (auto-fix-imports).`
    )
    result = await attempt({ extraHiddenImports: added, upx: tools.upx !== undefined })
    result.autoFixed = added
  }
  if (
    tools.upx &&
    inputs.upx === 'auto' &&
    result.build.upx.attempted > result.build.upx.failed &&
    failedSmoke(result.validation)
  ) {
    ctx.host.warning(
      'The UPX-compressed binary failed its smoke checks; rebuilding without UPX. Set "upx: false" to skip UPX.'
    )
    notes.push('UPX broke the binary, so it was rebuilt without UPX. Set `upx: false` to skip it.')
    result = {
      ...(await attempt({ extraHiddenImports: result.autoFixed ?? [], upx: false })),
      autoFixed: result.autoFixed
    }
  }
  const { spec, build, validation } = result
  const verdict = judge({
    sizeBytes: validation.sizeBytes,
    maxSizeBytes: inputs.maxSizeBytes,
    startupMedianMs: validation.startup.medianMs,
    maxStartupMs: inputs.maxStartupMs,
    startupFailures: validation.startup.failures,
    smoke: validation.smoke,
    extra: [
      ...(validation.missingModules.length
        ? [
            `The binary could not import ${validation.missingModules.join(', ')}; add them to hidden-imports (or set auto-fix-imports: true)`
          ]
        : []),
      ...(inputs.maxMemoryBytes !== undefined &&
      validation.peakRssBytes !== null &&
      validation.peakRssBytes > inputs.maxMemoryBytes
        ? [
            `Peak RSS ${formatBytes(validation.peakRssBytes)} exceeds max-memory ${formatBytes(inputs.maxMemoryBytes)}`
          ]
        : [])
    ]
  })
  const metrics = buildMetrics({
    inputs,
    project,
    tools,
    spec,
    build,
    validation,
    verdict,
    ctx,
    timings: clock.timings,
    autoFixedImports: result.autoFixed ?? [],
    notes
  })
  const report = await clock.run('report', () => writeReport(metrics, outDir, ctx.host))
  return { metrics, report }
}

interface Attempt {
  spec: PreparedSpec
  build: BuildResult
  validation: Validation
  autoFixed?: string[]
}

function failedSmoke(v: Validation): boolean {
  return v.smoke.some(s => !s.passed && !s.skipped) || v.startup.failures.length > 0
}

/** spec → build → validate, once. Stage times add up across attempts. */
async function buildAndValidate(
  inputs: Inputs,
  project: ProjectInfo,
  tools: Toolchain,
  outDir: string,
  options: { extraHiddenImports: string[]; upx: boolean },
  clock: StageClock,
  ctx: RunContext
): Promise<Attempt> {
  const upx = options.upx ? tools.upx : undefined
  const spec = await clock.run('spec', () =>
    prepareSpec(
      inputs,
      project,
      {
        upx: upx !== undefined,
        strip: tools.strip,
        extraHiddenImports: options.extraHiddenImports
      },
      outDir
    )
  )
  ctx.host.info(`${spec.generated ? 'Generated' : 'Using'} spec ${spec.specPath}`)
  const build = await clock.run('build', () =>
    ctx.host.group(`PyInstaller build of ${project.name}`, () =>
      runPyInstaller(
        tools.projectEnv,
        {
          specPath: spec.specPath,
          name: project.name,
          mode: inputs.mode,
          upx,
          clean: true,
          configDir: path.join(ctx.tempDir, 'pyinstaller-config'),
          workPath: path.join(project.path, 'build'),
          distPath: path.join(project.path, 'dist')
        },
        ctx
      )
    )
  )
  reportUpx(build, tools, ctx)
  const validation = await clock.run('validate', () =>
    validateBinary(inputs, build, spec.script, spec.generated, tools, ctx)
  )
  if (validation.missingModules.length) {
    ctx.host.error(
      `The binary failed to import ${validation.missingModules.join(', ')} (ModuleNotFoundError). Add to the step:\n${hiddenImportsSuggestion(validation.missingModules)}`,
      { title: 'Missing hidden imports' }
    )
  }
  return { spec, build, validation }
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
  inputs: Inputs
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
    composition: (v.composition?.entries ?? []).map(e => ({
      package: e.package,
      bytes: e.bytes,
      kinds: e.kinds,
      distribution: e.distribution
    })),
    archiveBytes: v.composition?.archiveBytes ?? null,
    deadWeight: v.deadWeight,
    diagnosis: {
      missingModules: v.missingModules,
      suggestion: v.missingModules.length ? hiddenImportsSuggestion(v.missingModules) : null,
      autoFixedImports: p.autoFixedImports
    },
    notes: p.notes,
    buildWarnings: {
      missingModules: build.missingModules.map(m => ({
        name: m.name,
        importedBy: m.importedBy.map(i => i.module)
      }))
    },
    thresholds: { maxSizeBytes: inputs.maxSizeBytes, maxStartupMs: inputs.maxStartupMs },
    baseline: null,
    verdict: p.verdict,
    timings: { ...p.timings }
  }
}

/** The action's entry: one try/catch, one setFailed. */
export async function run(
  host: Host = actionsHost(),
  read?: InputReader
): Promise<PipelineResult | undefined> {
  try {
    const inputs = getInputs(read)
    for (const value of Object.values(inputs.smokeEnv)) host.setSecret(value)
    const ctx = createContext(host)
    const result = await runPipeline(inputs, ctx)
    if (!result.metrics.verdict.passed) {
      const [first, ...rest] = result.metrics.verdict.failures
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
