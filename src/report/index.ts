import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Host } from '../host.js'
import type { Metrics } from './metrics.js'
import { renderSummary } from './summary.js'
import { checksums } from './checksums.js'
import { annotated } from '../validate/verdict.js'

/** Output names of action.yml, in one place. */
export enum Output {
  BinaryPath = 'binary-path',
  SizeBytes = 'size-bytes',
  StartupMs = 'startup-ms',
  PeakRssBytes = 'peak-rss-bytes',
  MetricsPath = 'metrics-path',
  ReportPath = 'report-path',
  Passed = 'passed',
  ArtifactId = 'artifact-id',
  CommentBody = 'comment-body',
  SizeDeltaBytes = 'size-delta-bytes',
  Sha256 = 'sha256',
  SbomPath = 'sbom-path'
}

export interface WrittenReport {
  metricsPath: string
  reportPath: string
  /** SHA256SUMS of the bundle, for release workflows. */
  checksumsPath: string
  markdown: string
}

/** Writes metrics.json, report.md and SHA256SUMS, sets outputs, annotates failures and writes the job summary. */
export async function writeReport(
  metrics: Metrics,
  outDir: string,
  host: Host,
  /** The binary, or its onedir folder: what SHA256SUMS lists. */
  bundle: string = metrics.binary.path
): Promise<WrittenReport> {
  fs.mkdirSync(outDir, { recursive: true })
  const metricsPath = path.join(outDir, 'metrics.json')
  const reportPath = path.join(outDir, 'report.md')
  const markdown = renderSummary(metrics)
  fs.writeFileSync(metricsPath, `${JSON.stringify(metrics, null, 2)}\n`)
  fs.writeFileSync(reportPath, markdown)
  const checksumsPath = path.join(outDir, 'SHA256SUMS')
  fs.writeFileSync(checksumsPath, checksums(bundle))

  host.setOutput(Output.BinaryPath, metrics.binary.path)
  host.setOutput(Output.SizeBytes, metrics.binary.sizeBytes)
  host.setOutput(Output.StartupMs, metrics.startup.medianMs)
  host.setOutput(Output.PeakRssBytes, metrics.memory.peakRssBytes ?? '')
  host.setOutput(Output.MetricsPath, metricsPath)
  host.setOutput(Output.ReportPath, reportPath)
  host.setOutput(Output.Passed, metrics.verdict.passed)
  host.setOutput(Output.Sha256, metrics.binary.sha256)
  host.setOutput(Output.SbomPath, metrics.sbomPath ?? '')
  // One annotation per root cause; the checks it broke are listed in the summary.
  for (const failure of annotated(metrics.verdict))
    host.error(failure, { title: `${metrics.name}: validation failed` })
  for (const mm of metrics.buildWarnings.missingModules.slice(0, 10)) {
    host.warning(
      `PyInstaller could not find module "${mm.name}" (imported at top level by ${mm.importedBy.slice(0, 3).join(', ')})`,
      {
        title: 'Missing module'
      }
    )
  }
  await host.writeSummary(markdown)
  return { metricsPath, reportPath, checksumsPath, markdown }
}
