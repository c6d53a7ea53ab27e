/** Assembles metrics.json from the stage results (pure). */
import type { BuildInputs } from '../inputs.js'
import type { ProjectInfo } from '../project/discover.js'
import type { Toolchain } from '../tools/index.js'
import type { PreparedSpec } from '../backends/pyinstaller/spec.js'
import type { BuildResult } from '../backends/types.js'
import type { Validation } from '../validate/index.js'
import type { Verdict } from '../validate/verdict.js'
import type { RunContext } from '../context.js'
import type { CacheOutcome } from '../cache/index.js'
import type { Baseline } from '../regression/baseline.js'
import type { Regression } from '../regression/types.js'
import type { PoetrySide } from '../trace/index.js'
import { fixSuggestion } from '../validate/diagnose.js'
import { countFixes, fixesOf } from '../validate/causes.js'
import type { Metrics } from './metrics.js'

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
  /** The CycloneDX SBOM written for this build, if any. */
  sbomPath?: string | null
}): Metrics {
  const { inputs, tools, build, validation: v } = p
  return {
    schema: 1,
    name: p.project.name,
    os: p.ctx.platform.os,
    arch: p.ctx.platform.arch,
    mode: inputs.mode,
    backend: tools.builder.name,
    versions: {
      python: tools.python.version,
      poetry: tools.poetry.version,
      [tools.builder.name]: tools.builder.version,
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
      poetryRunColdMs: v.poetryStartup?.coldMs ?? null,
      extraction: {
        ...build.extraction,
        ...(build.payloadRatio !== undefined ? { payloadRatio: build.payloadRatio } : {}),
        ...(build.payloadLevel !== undefined ? { payloadLevel: build.payloadLevel } : {}),
        firstStartMs: Math.max(0, Math.round((v.startup.coldMs - v.startup.medianMs) * 10) / 10)
      },
      ...(v.onedirStartup ? { onedir: v.onedirStartup } : {}),
      ...(v.startup.unanswered ? { unanswered: true } : {})
    },
    memory: {
      peakRssBytes: v.peakRssBytes,
      poetryRunPeakRssBytes: v.poetryPeakRssBytes,
      ...(v.launcherMemory ? { launcher: v.launcherMemory } : {})
    },
    sbomPath: p.sbomPath ?? null,
    ...(v.portability
      ? {
          glibcFloor: v.portability.glibcFloor,
          macosMin: v.portability.macosMin,
          runsOn: v.portability.runsOn
        }
      : {}),
    smoke: v.smoke,
    parity: v.parity,
    trace: inputs.trace
      ? {
          enabled: true,
          commands: v.deadWeightCoverage.commands,
          added: {
            hiddenImports: p.poetrySide.findings.hiddenImports,
            collectData: p.poetrySide.findings.collectData,
            copyMetadata: p.poetrySide.findings.copyMetadata,
            collectSources: p.poetrySide.findings.collectSources,
            sharedLibraries: p.poetrySide.findings.sharedLibraries,
            searchPaths: p.poetrySide.findings.searchPaths,
            executables: inputs.executables.all ? p.poetrySide.findings.executables : []
          },
          analysisMissed: p.build.analysisMissed ?? null,
          packageModulesLeftOut: p.poetrySide.findings.packageModulesLeftOut,
          unrequired: inputs.leaveOutUnrequired ? p.poetrySide.findings.unrequired : [],
          reentry: p.poetrySide.findings.reentry,
          pythonpath: p.poetrySide.findings.pythonpath
        }
      : {
          enabled: false,
          commands: [],
          added: { hiddenImports: [], collectData: [], copyMetadata: [] },
          reentry: p.poetrySide.findings.reentry,
          pythonpath: p.poetrySide.findings.pythonpath
        },
    packageData: p.build.packageData ?? null,
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
      kinds: {
        modules: v.diagnosis.modules,
        packages: v.diagnosis.packages,
        absent: v.diagnosis.absent
      },
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
