/**
 * The CLI as a person sees it: `node dist/cli/index.js` on the light example under a real
 * pseudo-terminal (util-linux `script`), 100 columns wide, read back as the screen shows it.
 * Needs dist/ built first (`npm run package`).
 */
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { quoteArg } from '../../src/argv.js'
import type { Metrics } from '../../src/report/metrics.js'
import { displayWidth, stripAnsi } from '../../src/terminal/text.js'
import { REPO, stageProject } from './support.js'

const TIMEOUT = 15 * 60_000
const COLUMNS = 100
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const SECRET = 'sk-ant-terminal-5e4d3c2b1a'
// Any CSI or OSC escape, not only colours: none may reach a NO_COLOR screen.
const ESCAPE = /\x1b[[\]]/

interface Screen {
  code: number | null
  /** What the terminal shows, line by line (carriage returns dropped). */
  lines: string[]
  raw: string
}

/** Runs the CLI under a pseudo-terminal of COLUMNS columns and returns what it showed. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Screen {
  const command = [process.execPath, CLI, ...args].map(quoteArg).join(' ')
  const r = spawnSync(
    'script',
    ['-q', '-e', '-c', `stty cols ${COLUMNS} rows 50 && exec ${command}`, '/dev/null'],
    {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 12 * 60_000,
      env: { ...process.env, ...env, TERM: 'xterm-256color', COLUMNS: undefined }
    }
  )
  const raw = r.stdout + r.stderr
  const lines = raw.replace(/\r/g, '').split('\n')
  while (lines.length && lines[lines.length - 1] === '') lines.pop()
  return { code: r.status, lines, raw }
}

function expectReadable(screen: Screen): void {
  const plain = screen.lines.map(stripAnsi)
  expect(plain.filter(l => l.startsWith('::'))).toEqual([])
  expect(screen.raw).not.toMatch(/mermaid/i)
  expect(plain.filter(l => displayWidth(l) > COLUMNS)).toEqual([])
}

function logPathOf(screen: Screen): string {
  const line = screen.lines.map(stripAnsi).find(l => l.startsWith('log: '))
  expect(line).toBeDefined()
  return (line ?? '').slice('log: '.length).trim()
}

describe('the CLI in a terminal (real build of examples/agent-runner)', () => {
  let project: string
  let passing: Screen
  let failing: Screen

  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run package" first`)
    project = stageProject(path.join(REPO, 'examples', 'agent-runner'), 'terminal')
    const common = ['--project-path', project, '--upx', 'false', '--startup-runs', '2']
    passing = onTerminal(
      [
        ...common,
        '--smoke-env',
        `ANTHROPIC_API_KEY=${SECRET}`,
        '--smoke',
        'check-env ANTHROPIC_API_KEY => 0'
      ],
      { NO_COLOR: '1' }
    )
    failing = onTerminal([...common, '--max-size', '1MB'], { NO_COLOR: '' })
    process.stdout.write(`${passing.raw}\n----\n${failing.raw}\n`)
  }, TIMEOUT)

  it('passes: one line per stage, the verdict last, nothing raw', () => {
    expect(passing.code).toBe(0)
    expectReadable(passing)
    const plain = passing.lines.map(stripAnsi)
    for (const stage of ['tools', 'trace', 'spec', 'build', 'validate', 'report'])
      expect(plain.filter(l => new RegExp(`^  ✓ ${stage} +\\d`).test(l))).toHaveLength(1)
    expect(plain.slice(-3).join('\n')).toMatch(/^✓ passed: [\d.]+ MiB, warm start \d+ ms/m)
    expect(plain.join('\n')).toMatch(/✓ {2}check-env ANTHROPIC_API_KEY => 0 +[\d.]+ m?s/)
    // The path is whole on its line, however long the checkout's path; the hint follows it.
    expect(plain.join('\n')).toMatch(
      /^report +\/\S+\/report\.md(?: |\n +)\(charts, full tables\)$/m
    )
  })

  it('with NO_COLOR=1 has no escape codes', () => {
    expect(passing.raw).not.toMatch(ESCAPE)
  })

  it('keeps tool output and workflow commands out of sight, in the log', () => {
    const logPath = logPathOf(passing)
    const log = fs.readFileSync(logPath, 'utf8')
    // PyInstaller's own lines and the toolkit's debug lines are there, as plain lines.
    expect(log).toMatch(/INFO: Building EXE from EXE-00\.toc completed successfully/)
    expect(log).toMatch(/^debug: /m)
    expect(log).not.toMatch(/^::/m)
    // On screen, a stage over 30 s quotes the log's latest line in its progress line, cut; no more.
    const screen = passing.lines.map(stripAnsi).filter(l => !l.startsWith('  … '))
    expect(screen.join('\n')).not.toMatch(/INFO: |Installing collected packages|\[command\]/)
    // The smoke-env value is a secret: masked on screen and in the log.
    expect(passing.raw).not.toContain(SECRET)
    expect(log).not.toContain(SECRET)
  })

  it('fails a too-big build: shows the cause and the log path, in colour, and exits 1', () => {
    expect(failing.code).toBe(1)
    expectReadable(failing)
    expect(failing.raw).toMatch(/\x1b\[31m✗\x1b\[39m/)
    const plain = failing.lines.map(stripAnsi)
    const text = plain.join('\n')
    expect(text).toMatch(/✗ {2}size +[\d.]+ MiB +— +977 KiB/)
    expect(plain.slice(-3).join(' ')).toMatch(/✗ failed: Binary size .* exceeds max-size 977 KiB/)
    const logPath = logPathOf(failing)
    expect(text).toContain(`log      ${logPath}`)
    expect(fs.existsSync(logPath)).toBe(true)
    expect(text).toContain('Last lines of the log:')
  })

  it('exits 2 on bad input, naming the input', () => {
    const screen = onTerminal(['--project-path', project, '--max-size', 'banana'], {
      NO_COLOR: '1'
    })
    expect(screen.code).toBe(2)
    expectReadable(screen)
    expect(screen.lines.join('\n')).toMatch(/✗ error: Input "max-size": "banana" is not a size/)
  })

  it(
    '--json prints metrics.json on stdout and nothing else',
    () => {
      const r = spawnSync(
        process.execPath,
        [CLI, '--project-path', project, '--upx', 'false', '--startup-runs', '2', '--json'],
        { cwd: REPO, encoding: 'utf8', timeout: 12 * 60_000, env: process.env }
      )
      expect(r.status).toBe(0)
      const metrics = JSON.parse(r.stdout) as Metrics
      expect(metrics.schema).toBe(1)
      expect(metrics.verdict.passed).toBe(true)
      expect(r.stderr).toMatch(/✓ passed:/)
    },
    TIMEOUT
  )
})
