/**
 * `poetry install` through the action with real Poetry: a project without poetry.lock is warned
 * about, and a failed install names its cause line, not Poetry's closing hint.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { createContext } from '../../src/context.js'
import { findPython } from '../../src/tools/python.js'
import { ensurePoetry } from '../../src/tools/poetry.js'
import { installProjectEnv } from '../../src/tools/project-env.js'
import { DEFAULTS, Input } from '../../src/inputs.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { REPO, stageProject } from './support.js'

const TIMEOUT = 10 * 60_000

async function setup(variant: string, edit: (dir: string) => void) {
  const dir = stageProject(path.join(REPO, '__tests__', 'projects', 'subcommand-import'), variant)
  fs.rmSync(path.join(dir, '.venv'), { recursive: true, force: true })
  edit(dir)
  const host = recordingHost()
  const ctx = createContext(host)
  const python = await findPython(undefined, ctx)
  const poetry = await ensurePoetry(DEFAULTS[Input.PoetryVersion], python, ctx)
  return { dir, host, ctx, python, poetry }
}

describe('poetry install (real Poetry)', () => {
  it(
    'warns that a project without poetry.lock was resolved afresh',
    async () => {
      const { dir, host, ctx, python, poetry } = await setup('no-lock', d =>
        fs.rmSync(path.join(d, 'poetry.lock'))
      )
      await installProjectEnv(dir, poetry, python, { extras: [], groups: [] }, ctx)
      const warning = host.lines.find(
        l => l.kind === 'warning' && l.props?.title === 'No lock file'
      )
      expect(warning?.message).toMatch(/^No poetry\.lock: Poetry resolves the dependencies afresh/)
      expect(warning?.message).toContain('Commit poetry.lock')
      // Poetry wrote a lock of its own, as the warning says.
      expect(fs.existsSync(path.join(dir, 'poetry.lock'))).toBe(true)
    },
    TIMEOUT
  )

  it(
    'names the cause of a failed install',
    async () => {
      const { dir, ctx, python, poetry } = await setup('stale-lock', d => {
        const file = path.join(d, 'pyproject.toml')
        fs.writeFileSync(
          file,
          fs.readFileSync(file, 'utf8').replace('dependencies = []', 'dependencies = ["idna"]')
        )
      })
      await expect(
        installProjectEnv(dir, poetry, python, { extras: [], groups: [] }, ctx)
      ).rejects.toThrow(
        /^poetry install failed \(exit 1\): pyproject\.toml changed significantly since poetry\.lock was last generated/
      )
    },
    TIMEOUT
  )
})
