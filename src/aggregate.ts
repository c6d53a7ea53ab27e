import * as fs from 'node:fs'
import * as path from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import type { RunContext } from './context.js'
import { ActionError, errorLine } from './errors.js'
import type { Inputs } from './inputs.js'
import { schemaProblems, type Metrics } from './report/metrics.js'
import { commentMarker, renderComment, type Leg } from './report/comment.js'
import { Output } from './report/index.js'
import { publishComment } from './publish/index.js'
import { formatBytes } from './units.js'
import { runUrl } from './github.js'

/** Marker of the one combined comment of a matrix. */
export const AGGREGATE_MARKER = commentMarker('matrix')

/** The combined summary: the comment's tables plus a chart of every leg's size and startup. Pure. */
export function renderAggregate(legs: Leg[], runUrl?: string): string {
  const labels = legs.map(l => `"${l.metrics.os}-${l.metrics.arch}"`).join(', ')
  return [
    renderComment(legs, {
      marker: AGGREGATE_MARKER,
      runUrl,
      title: 'Matrix: binary size and startup'
    }),
    '```mermaid',
    'xychart-beta',
    '    title "Binary size per leg (MiB)"',
    `    x-axis [${labels}]`,
    '    y-axis "MiB"',
    `    bar [${legs.map(l => (l.metrics.binary.sizeBytes / 1024 / 1024).toFixed(1)).join(', ')}]`,
    '```',
    '',
    '```mermaid',
    'xychart-beta',
    '    title "Warm startup median per leg (ms)"',
    `    x-axis [${labels}]`,
    '    y-axis "ms"',
    `    bar [${legs.map(l => Math.round(l.metrics.startup.medianMs)).join(', ')}]`,
    '```',
    ''
  ].join('\n')
}

/** Failures of the whole matrix: one line per failed leg. Pure. */
export function aggregateFailures(legs: Leg[]): string[] {
  return legs
    .filter(l => !l.metrics.verdict.passed)
    .map(
      l =>
        `${l.metrics.name} ${l.metrics.os}-${l.metrics.arch} failed: ${l.metrics.verdict.failures[0] ?? 'see its report'}`
    )
}

/**
 * `mode: report`: downloads every artifact of this run that holds a metrics.json, renders one
 * combined table and chart, posts the single PR comment, and returns the failures of any leg.
 */
export async function runAggregate(inputs: Inputs, ctx: RunContext): Promise<string[]> {
  if (!ctx.host.isActions)
    throw new ActionError(
      'mode: report aggregates the artifacts of a workflow run, so it runs only inside GitHub Actions'
    )
  const client = new DefaultArtifactClient()
  const { artifacts } = await client.listArtifacts({ latest: true })
  const legs: Leg[] = []
  for (const artifact of artifacts) {
    const dir = fs.mkdtempSync(path.join(ctx.tempDir, 'leg-'))
    try {
      await client.downloadArtifact(artifact.id, { path: dir })
    } catch (err) {
      ctx.host.warning(`Could not download artifact ${artifact.name} (${errorLine(err)}); left out`)
      continue
    }
    const file = path.join(dir, 'metrics.json')
    if (!fs.existsSync(file)) continue
    const metrics = JSON.parse(fs.readFileSync(file, 'utf8')) as Metrics
    if (schemaProblems(metrics).length) {
      ctx.host.warning(
        `Artifact ${artifact.name} has a metrics.json this version cannot read; left out`
      )
      continue
    }
    legs.push({
      metrics,
      regression: metrics.regression ?? {
        status: 'neutral',
        size: null,
        startup: null,
        composition: [],
        failures: []
      }
    })
    ctx.host.info(
      `${artifact.name}: ${formatBytes(metrics.binary.sizeBytes)}, ${metrics.verdict.passed ? 'passed' : 'failed'}`
    )
  }
  if (legs.length === 0)
    throw new ActionError(
      'mode: report found no artifact with a metrics.json in this run; run the build legs first (needs:)'
    )
  legs.sort((a, b) =>
    `${a.metrics.os}-${a.metrics.arch}`.localeCompare(`${b.metrics.os}-${b.metrics.arch}`)
  )
  const url = runUrl(ctx.env)
  const body = renderComment(legs, {
    marker: AGGREGATE_MARKER,
    runUrl: url,
    title: 'Matrix: binary size and startup'
  })
  const failures = aggregateFailures(legs)
  ctx.host.setOutput(Output.Passed, failures.length === 0)
  await ctx.host.writeSummary(renderAggregate(legs, url))
  await publishComment(body, AGGREGATE_MARKER, inputs, ctx)
  return failures.length > 1
    ? [`${failures.length} of ${legs.length} legs failed: ${failures.join('; ')}`]
    : failures
}
