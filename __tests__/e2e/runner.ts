import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { REPO } from '../integration/support.js'

/** Node 24 from the npm package `node@24`: the runtime `runs.using: node24` gives on a runner. */
export const NODE24 = path.join(REPO, 'node_modules', '.bin', 'node')
export const DIST = path.join(REPO, 'dist', 'index.js')

export interface RunnerFiles {
  root: string
  workspace: string
  output: string
  summary: string
  env: string
  state: string
  event: string
  temp: string
}

/** Lays out the files a runner gives a step (GITHUB_OUTPUT, summary, event payload…) in a fresh folder. */
export function runnerFiles(event: unknown = {}): RunnerFiles {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-e2e-'))
  const f = {
    root,
    workspace: path.join(root, 'workspace'),
    output: path.join(root, 'github_output'),
    summary: path.join(root, 'step_summary.md'),
    env: path.join(root, 'github_env'),
    state: path.join(root, 'github_state'),
    event: path.join(root, 'event.json'),
    temp: path.join(root, 'runner_temp')
  }
  for (const dir of [f.workspace, f.temp]) fs.mkdirSync(dir)
  for (const file of [f.output, f.summary, f.env, f.state]) fs.writeFileSync(file, '')
  fs.writeFileSync(f.event, JSON.stringify(event))
  return f
}

/** The environment a GitHub-hosted runner gives a JavaScript action step. */
export function runnerEnv(
  f: RunnerFiles,
  inputs: Record<string, string>,
  extra: Record<string, string> = {}
): NodeJS.ProcessEnv {
  // The machine's environment (CA bundles, PATH…) as a runner passes it, minus anything runner-specific.
  const machine = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|NODE_OPTIONS$|JEST_)/.test(k)
    )
  )
  const env: NodeJS.ProcessEnv = {
    ...machine,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: f.output,
    GITHUB_STEP_SUMMARY: f.summary,
    GITHUB_ENV: f.env,
    GITHUB_STATE: f.state,
    GITHUB_EVENT_PATH: f.event,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKSPACE: f.workspace,
    GITHUB_REPOSITORY: 'octo-org/agent-runner',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'release',
    GITHUB_JOB: 'binary',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: f.temp,
    RUNNER_TOOL_CACHE: process.env.PBA_SHARED_TOOL_CACHE ?? path.join(f.root, 'tool-cache'),
    ...extra
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

export interface StepResult {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  ms: number
}

/** Parses GITHUB_OUTPUT's `name<<DELIM … DELIM` records. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value: string[] = []
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i])
    out[m[1]] = value.join('\n')
  }
  return out
}

/** Runs dist/index.js under Node 24 with the runner env; bounded by a timeout. */
export function runAction(
  env: NodeJS.ProcessEnv,
  f: RunnerFiles,
  timeoutMs = 15 * 60_000
): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(NODE24, [DIST], {
      cwd: f.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({
        exitCode: code,
        stdout,
        stderr,
        outputs: parseOutputFile(fs.readFileSync(f.output, 'utf8')),
        summary: fs.readFileSync(f.summary, 'utf8'),
        ms: Date.now() - started
      })
    })
  })
}

/** The exit code with every ::error:: line, so a failing step shows why in the assertion diff. */
export function outcome(r: StepResult): { exitCode: number | null; errors: string[] } {
  // Workflow commands escape %, CR and LF in messages (and : , in properties); undo that for reading.
  const unescape = (l: string): string =>
    l
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%')
  return {
    exitCode: r.exitCode,
    errors: r.stdout
      .split('\n')
      .filter(l => l.startsWith('::error'))
      .map(unescape)
  }
}
