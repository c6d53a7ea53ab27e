import * as fs from 'node:fs'
import * as path from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import type { RunContext } from '../context.js'
import { errorLine, InputError } from '../errors.js'
import { Input, type Inputs } from '../inputs.js'
import { readEvent, restClient } from '../github.js'
import { schemaProblems, type Metrics } from '../report/metrics.js'

/** A baseline and where it came from (kept in metrics.json). */
export interface Baseline {
  metrics: Metrics
  source: string
  runId: number | null
  sha: string | null
  /** The base build's onefile binary, when the artifact (or the folder of a metrics.json file) carries it. */
  binaryPath?: string
}

/** The baseline's onefile binary in dir (the artifact stages it under its own name), made executable. */
export function baselineBinary(metrics: Metrics, dir: string): string | undefined {
  if (metrics.mode !== 'onefile') return undefined
  const file = path.join(dir, path.basename(metrics.binary.path))
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined
  // A zip download loses the executable bit.
  fs.chmodSync(file, 0o755)
  return file
}

/** What to compare against, from the event: the PR's base branch, or the commit before a push. Pure. */
export function baselineQuery(
  eventName: string | undefined,
  event: Record<string, unknown>
): { branch?: string; headSha?: string } | null {
  const pr = event.pull_request as { base?: { ref?: string } } | undefined
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && pr?.base?.ref)
    return { branch: pr.base.ref }
  const before = event.before
  if (
    eventName === 'push' &&
    typeof before === 'string' &&
    /^[0-9a-f]{40}$/.test(before) &&
    !/^0+$/.test(before)
  ) {
    return { headSha: before }
  }
  return null
}

function readMetrics(file: string): Metrics {
  const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Metrics
  const problems = schemaProblems(value)
  if (problems.length) throw new Error(`${file} is not a metrics.json of schema 1 (${problems[0]})`)
  return value
}

/**
 * Finds the baseline for this build: a file, or (auto) the metrics artifact of the same name from the
 * newest successful run of this workflow on the base branch (PR) or the previous commit (push).
 * No baseline is not an error; a broken lookup is a warning.
 */
export async function findBaseline(
  inputs: Pick<Inputs, 'baseline' | 'githubToken'>,
  artifactName: string,
  ctx: RunContext
): Promise<Baseline | null> {
  const b = inputs.baseline
  if (b === 'none') return null
  if (typeof b === 'object') {
    if (!fs.existsSync(b.file))
      throw new InputError(
        Input.Baseline,
        `${b.file} does not exist; give the path of a metrics.json`
      )
    const metrics = readMetrics(b.file)
    return {
      metrics,
      source: `file:${b.file}`,
      runId: null,
      sha: null,
      binaryPath: baselineBinary(metrics, path.dirname(b.file))
    }
  }
  if (!ctx.host.isActions || !inputs.githubToken) {
    ctx.host.info('No baseline: automatic lookup needs a GitHub Actions run and github-token')
    return null
  }
  const env = ctx.env
  const event = readEvent(env)
  const query = baselineQuery(env.GITHUB_EVENT_NAME, event)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const runId = Number(env.GITHUB_RUN_ID)
  if (!query || !owner || !repo || !runId) {
    ctx.host.info(
      `No baseline: a ${env.GITHUB_EVENT_NAME ?? 'local'} event has no base to compare with`
    )
    return null
  }
  try {
    const octokit = restClient(inputs.githubToken, env)
    const current = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })
    const runs = await octokit.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: current.data.workflow_id,
      status: 'success',
      per_page: 10,
      ...(query.branch ? { branch: query.branch } : { head_sha: query.headSha })
    })
    const client = new DefaultArtifactClient()
    for (const candidate of runs.data.workflow_runs.filter(r => r.id !== runId).slice(0, 5)) {
      const findBy = {
        token: inputs.githubToken,
        workflowRunId: candidate.id,
        repositoryOwner: owner,
        repositoryName: repo
      }
      const found = await client.getArtifact(artifactName, { findBy }).catch(() => undefined)
      if (!found) continue
      const dir = fs.mkdtempSync(path.join(ctx.tempDir, 'baseline-'))
      await client.downloadArtifact(found.artifact.id, { path: dir, findBy })
      const file = path.join(dir, 'metrics.json')
      if (!fs.existsSync(file)) continue
      const source = `run ${candidate.id} (${query.branch ? `branch ${query.branch}` : 'previous commit'}, ${candidate.head_sha.slice(0, 7)})`
      ctx.host.info(`Baseline: ${artifactName} from ${source}`)
      const metrics = readMetrics(file)
      return {
        metrics,
        source,
        runId: candidate.id,
        sha: candidate.head_sha,
        binaryPath: baselineBinary(metrics, dir)
      }
    }
    ctx.host.info(
      `No baseline: no successful run on ${query.branch ? `branch ${query.branch}` : `commit ${query.headSha}`} has an artifact named ${artifactName}`
    )
    return null
  } catch (err) {
    ctx.host.warning(`Baseline lookup failed (${errorLine(err)}); comparing with nothing`)
    return null
  }
}
