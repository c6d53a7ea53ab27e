import { sha256Hex } from '../hash.js'

/** Bump to invalidate every entry this action ever saved. */
export const CACHE_VERSION = 'pba-v1'

export interface KeyFacts {
  os: string
  arch: string
  python: string
  poetry: string
  /** The build backend and its version, e.g. pyi6.22.3 or nuitka4.3.3. */
  builder: string
  upx: string | null
  /** Hash of poetry.lock (or pyproject.toml when there is no lock). */
  lockHash: string
}

export interface CacheKey {
  key: string
  /** Prefixes tried newest-first when the exact key misses. */
  restoreKeys: string[]
}

/** Short, stable hash of some bytes for use in a key. Pure. */
export function shortHash(data: string | Buffer): string {
  return sha256Hex(data).slice(0, 20)
}

/**
 * The project's Poetry venv: OS, arch, Python, Poetry and the build backend (installed into it), and the
 * lock. A changed lock falls back to the newest venv of the same toolchain; `poetry install` then
 * brings it up to date. Pure.
 */
export function venvKey(f: KeyFacts): CacheKey {
  const prefix = `${CACHE_VERSION}-venv-${f.os}-${f.arch}-py${f.python}-poetry${f.poetry}-${f.builder}-`
  return { key: `${prefix}${f.lockHash}`, restoreKeys: [prefix] }
}

/** The tools (Poetry's own venv, a downloaded UPX): no fallback, a different version is useless. Pure. */
export function toolsKey(
  f: Pick<KeyFacts, 'os' | 'arch' | 'python' | 'poetry'>,
  upxVersion: string | null
): CacheKey {
  return {
    key: `${CACHE_VERSION}-tools-${f.os}-${f.arch}-py${f.python}-poetry${f.poetry}-upx${upxVersion ?? 'none'}`,
    restoreKeys: []
  }
}

/**
 * The backend's build caches (PyInstaller's work folder and bincache, Nuitka's compile caches): the build description, the lock and the tool versions. Falls back to
 * the newest entry for the same spec and tools, then the same tools. Pure.
 */
export function buildKey(f: KeyFacts, specHash: string): CacheKey {
  const tools = `${CACHE_VERSION}-build-${f.os}-${f.arch}-py${f.python}-${f.builder}-upx${f.upx ?? 'none'}-`
  return { key: `${tools}${specHash}-${f.lockHash}`, restoreKeys: [`${tools}${specHash}-`, tools] }
}
