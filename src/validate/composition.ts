import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RunContext } from '../context.js'
import { poetryRun, type ProjectEnv } from '../tools/project-env.js'
import { COMPOSITION_SCRIPT } from './python-helpers.js'

export interface CompositionEntry {
  package: string
  bytes: number
  kinds: string[]
  /** The distribution that provides it, for third-party packages. */
  distribution: string | null
}

export interface Composition {
  /** Bytes of the archive's content (what the entries add up to). */
  archiveBytes: number
  entries: CompositionEntry[]
}

/** Lists the binary's content with PyInstaller's own archive reader, run in the project env. */
export async function readComposition(
  projectEnv: ProjectEnv,
  binary: string,
  bundle: string,
  ctx: RunContext
): Promise<Composition | undefined> {
  const script = path.join(ctx.tempDir, 'pba-composition.py')
  fs.mkdirSync(ctx.tempDir, { recursive: true })
  fs.writeFileSync(script, COMPOSITION_SCRIPT)
  const args = ['python', script, binary, ...(bundle !== binary ? [bundle] : [])]
  const r = await poetryRun(projectEnv, args)
  if (r.exitCode !== 0) {
    ctx.host.warning(
      `Could not list the binary's content: ${r.stderr.trim().split(/\r?\n/).pop() ?? `exit ${r.exitCode}`}`
    )
    return undefined
  }
  return JSON.parse(r.stdout) as Composition
}

/**
 * Third-party packages bundled but never imported during any smoke run, biggest first: candidates
 * for `excludes`. Pure.
 */
export function deadWeight(
  composition: Composition,
  importedModules: readonly string[]
): { package: string; bytes: number }[] {
  const imported = new Set(importedModules.map(m => m.split('.')[0]))
  return composition.entries
    .filter(e => e.distribution !== null && e.kinds.includes('python') && !imported.has(e.package))
    .map(e => ({ package: e.package, bytes: e.bytes }))
}
