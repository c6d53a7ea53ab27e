/**
 * `poetry install` through the action with real Poetry: a project without poetry.lock is warned
 * about, a failed install names its cause line, not Poetry's closing hint, and a rebuild in the
 * same checkout skips `poetry sync` only while the venv is exactly as the last build left it.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { createContext } from '../../src/context.js'
import { findPython } from '../../src/tools/python.js'
import { ensurePoetry } from '../../src/tools/poetry.js'
import { installProjectEnv } from '../../src/tools/project-env.js'
import { installTools, prepareProjectEnv, venvPython } from '../../src/tools/index.js'
import { VENV_STATE_FILE } from '../../src/tools/venv-state.js'
import { backendFor } from '../../src/backends/index.js'
import { DEFAULTS, getInputs, Input } from '../../src/inputs.js'
import { recordingHost } from '../../__fixtures__/host.js'
import { REPO, reader, stageProject } from './support.js'

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

  it(
    'skips poetry sync on a rebuild while the venv is as the last build left it, and syncs once it is not',
    async () => {
      const { dir, ctx, python } = await setup('venv-state', () => undefined)
      const inputs = getInputs(reader({ [Input.ProjectPath]: dir }))
      const backend = backendFor('pyinstaller')
      const tools = await installTools({ ...inputs, mode: 'onefile', upx: 'false' }, python, ctx)
      const prepare = async () => {
        const host = recordingHost()
        const c = { ...ctx, host }
        await prepareProjectEnv({ ...inputs, mode: 'onefile' }, dir, tools, false, backend, c)
        return host.lines.map(l => l.message).join('\n')
      }
      // First build: a fresh venv, synced; PyInstaller is added and the state recorded.
      const first = await prepare()
      expect(first).not.toMatch(/skipping poetry install/)
      expect(fs.existsSync(path.join(dir, '.venv', VENV_STATE_FILE))).toBe(true)
      // Rebuild: nothing changed, so sync (which would remove PyInstaller) is skipped, and
      // PyInstaller is found in place.
      const second = await prepare()
      expect(second).toMatch(
        /The project venv holds exactly what the last build of this poetry\.lock left \(\d+ distributions\); skipping poetry install/
      )
      expect(second).toMatch(/PyInstaller [\d.]+ is already in the project environment/)
      // A package removed by hand: the venv no longer matches, so it is synced and PyInstaller
      // installed again.
      execFileSync(venvPython(dir, ctx), ['-m', 'pip', 'uninstall', '-y', '-q', 'altgraph'])
      const third = await prepare()
      expect(third).toMatch(
        /The project venv differs from the last build's: its packages changed since \(-altgraph==[\d.]+\)/
      )
      expect(third).not.toMatch(/skipping poetry install/)
      expect(third).toMatch(/Installing pyinstaller/)
    },
    TIMEOUT
  )
})
