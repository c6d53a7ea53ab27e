// Every shipped lock against the real index: each hash is a file PyPI serves for that version (and
// every file of that version is listed, so no platform lacks its hash), and the lock resolves to
// wheels, hash-checked, for each platform and Python of the supported matrix.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  LOCK_NAMES,
  readLock,
  type LockEntry,
  type LockName
} from '../../src/tools/locked-install.js'

const TIMEOUT = 900_000

interface IndexFile {
  filename: string
  hashes: { sha256?: string }
  yanked?: boolean | string
}

/** The files of a project on PyPI's simple index (JSON form, PEP 691). */
async function indexFiles(name: string): Promise<IndexFile[]> {
  const res = await fetch(`https://pypi.org/simple/${name}/`, {
    headers: { Accept: 'application/vnd.pypi.simple.v1+json' },
    signal: AbortSignal.timeout(60_000)
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { files: IndexFile[] }).files
}

/** The version a wheel or sdist file name carries. */
function fileVersion(filename: string): string {
  if (filename.endsWith('.whl')) return filename.split('-')[1]
  const stem = filename.replace(/\.(tar\.gz|zip|tar\.bz2)$/, '')
  return stem.slice(stem.lastIndexOf('-') + 1)
}

/** Lowest Python each lock covers (scripts/lock-tools.sh's floors). */
const FLOOR: Record<LockName, string> = {
  poetry: '3.10',
  pyinstaller: '3.8',
  nuitka: '3.9',
  'nuitka-build': '3.9'
}

interface Platform {
  label: string
  tags: string[]
  markers: Record<string, string>
  /** Oldest CPython with official builds for the platform, when newer than a lock's floor. */
  minPython?: string
}

const linuxTags = (arch: string) => [
  ...Array.from({ length: 35 - 17 + 1 }, (_v, i) => `manylinux_2_${17 + i}_${arch}`),
  `manylinux2014_${arch}`
]
const PLATFORMS: Platform[] = [
  {
    label: 'linux-x64',
    tags: linuxTags('x86_64'),
    markers: {
      sys_platform: 'linux',
      platform_system: 'Linux',
      os_name: 'posix',
      platform_machine: 'x86_64'
    }
  },
  {
    label: 'linux-arm64',
    tags: linuxTags('aarch64'),
    markers: {
      sys_platform: 'linux',
      platform_system: 'Linux',
      os_name: 'posix',
      platform_machine: 'aarch64'
    }
  },
  {
    label: 'macos-arm64',
    tags: ['macosx_14_0_arm64'],
    markers: {
      sys_platform: 'darwin',
      platform_system: 'Darwin',
      os_name: 'posix',
      platform_machine: 'arm64'
    }
  },
  {
    label: 'macos-x64',
    tags: ['macosx_13_0_x86_64'],
    markers: {
      sys_platform: 'darwin',
      platform_system: 'Darwin',
      os_name: 'posix',
      platform_machine: 'x86_64'
    }
  },
  {
    label: 'windows-x64',
    tags: ['win_amd64'],
    markers: {
      sys_platform: 'win32',
      platform_system: 'Windows',
      os_name: 'nt',
      platform_machine: 'AMD64'
    }
  },
  {
    label: 'windows-arm64',
    tags: ['win_arm64'],
    // python.org's Windows ARM64 builds (and setup-python's on windows-11-arm) start at 3.11, so
    // packages publish win_arm64 wheels from cp311 on; older Pythons there fall back to sdists.
    minPython: '3.11',
    markers: {
      sys_platform: 'win32',
      platform_system: 'Windows',
      os_name: 'nt',
      platform_machine: 'ARM64'
    }
  }
]

// pip evaluates markers for the interpreter it runs on, not for --platform/--python-version, so the
// entries are chosen for the target with packaging (pip's vendored copy) before the download.
const MARKERS_CODE = `
import json, sys
from pip._vendor.packaging.markers import Marker
env = json.loads(sys.argv[1])
print(json.dumps([Marker(m).evaluate(env) if m else True for m in json.loads(sys.argv[2])]))
`

function entriesFor(entries: LockEntry[], platform: Platform, python: string): LockEntry[] {
  const env = {
    ...platform.markers,
    python_version: python,
    python_full_version: `${python}.0`,
    implementation_name: 'cpython',
    platform_python_implementation: 'CPython',
    extra: ''
  }
  const out = execFileSync(
    'python3',
    ['-c', MARKERS_CODE, JSON.stringify(env), JSON.stringify(entries.map(e => e.marker ?? ''))],
    { encoding: 'utf8' }
  )
  const keep = JSON.parse(out) as boolean[]
  return entries.filter((_e, i) => keep[i])
}

describe('the shipped locks against PyPI', () => {
  it(
    'list exactly the hashes of the files PyPI serves for each pinned version',
    async () => {
      const cache = new Map<string, IndexFile[]>()
      let checked = 0
      for (const lock of LOCK_NAMES) {
        for (const entry of readLock(lock)) {
          if (!cache.has(entry.name)) cache.set(entry.name, await indexFiles(entry.name))
          const files = (cache.get(entry.name) ?? []).filter(
            f => fileVersion(f.filename) === entry.version
          )
          const served = new Set(files.map(f => f.hashes.sha256))
          // Every listed hash is a file of this version on the index...
          for (const hash of entry.hashes) {
            expect([lock, entry.name, entry.version, served.has(hash)]).toEqual([
              lock,
              entry.name,
              entry.version,
              true
            ])
            checked++
          }
          // ...and every file the index serves for it (not yanked) has its hash in the lock.
          const listed = new Set(entry.hashes)
          const unlisted = files.filter(f => !f.yanked && !listed.has(f.hashes.sha256 ?? ''))
          expect([lock, entry.name, unlisted.map(f => f.filename)]).toEqual([lock, entry.name, []])
        }
      }
      expect(checked).toBeGreaterThan(100)
    },
    TIMEOUT
  )

  it(
    'resolve to hash-checked wheels on every supported platform and Python',
    () => {
      const results: string[] = []
      for (const lock of LOCK_NAMES) {
        const entries = readLock(lock)
        for (const platform of PLATFORMS) {
          const floor = [FLOOR[lock], platform.minPython ?? '0']
            .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
            .pop() as string
          for (const python of [floor, '3.14']) {
            // Nuitka ships only an sdist: pip builds it on the machine (from the hash-checked
            // sdist), so it has no platform files to resolve here; its hash is checked above.
            const chosen = entriesFor(entries, platform, python).filter(
              e => !(e.name === 'nuitka' && lock === 'nuitka')
            )
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-lock-dl-'))
            const file = path.join(dir, 'req.txt')
            fs.writeFileSync(file, chosen.map(e => e.text.replace(/ ;[^\\]*/, ' ')).join('\n'))
            const args = [
              '-m',
              'pip',
              'download',
              '--disable-pip-version-check',
              '--no-input',
              '--quiet',
              '--require-hashes',
              '--no-deps',
              '--only-binary=:all:',
              '--implementation',
              'cp',
              '--python-version',
              python,
              ...platform.tags.flatMap(t => ['--platform', t]),
              '-d',
              path.join(dir, 'files'),
              '-r',
              file
            ]
            let outcome = 'ok'
            try {
              execFileSync('python3', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
              const got = fs.readdirSync(path.join(dir, 'files')).length
              if (got !== chosen.length) outcome = `${got} of ${chosen.length} files`
            } catch (err) {
              const stderr = String((err as { stderr?: string }).stderr ?? err)
              outcome = stderr.split('\n').find(l => l.startsWith('ERROR')) ?? stderr.slice(0, 300)
            }
            fs.rmSync(dir, { recursive: true, force: true })
            results.push(`${lock} ${platform.label} py${python}: ${outcome}`)
          }
        }
      }
      expect(results.filter(r => !r.endsWith(': ok'))).toEqual([])
      expect(results).toHaveLength(LOCK_NAMES.length * PLATFORMS.length * 2)
    },
    TIMEOUT
  )
})
