import { parse as parseToml } from 'smol-toml'

/** What a library needs beyond PyInstaller's own hooks, and why (found by freezing it for real). */
export interface LibraryRule {
  /** Distribution name as poetry.lock spells it. */
  distribution: string
  hiddenImports: string[]
  collectSubmodules: string[]
  why: string
}

/**
 * Built-in knowledge, applied when the distribution is in poetry.lock, so users do not rediscover it.
 * langchain-core, langchain-anthropic and anthropic froze and ran without extra rules (with
 * pyinstaller-hooks-contrib 2026.9), so they have none.
 */
export const KNOWN_LIBRARIES: readonly LibraryRule[] = [
  {
    distribution: 'temporalio',
    hiddenImports: ['temporalio.worker.workflow_sandbox._in_sandbox'],
    collectSubmodules: [],
    why: 'the workflow sandbox imports it by name from generated code; without it every workflow fails with "Failed validating workflow" (ModuleNotFoundError: temporalio.worker.workflow_sandbox._in_sandbox)'
  },
  {
    distribution: 'tiktoken',
    hiddenImports: ['tiktoken_ext', 'tiktoken_ext.openai_public'],
    collectSubmodules: [],
    why: 'tiktoken finds its encodings through the tiktoken_ext namespace plugins, which nothing imports statically'
  }
]

/** Normalised distribution names (PEP 503) locked in poetry.lock. Pure. */
export function lockedPackages(lockText: string): string[] {
  try {
    const doc = parseToml(lockText) as { package?: { name?: unknown }[] }
    return (doc.package ?? [])
      .map(p =>
        String(p.name ?? '')
          .toLowerCase()
          .replace(/[-_.]+/g, '-')
      )
      .filter(Boolean)
  } catch {
    return []
  }
}

/** The rules that apply to a set of locked packages. Pure. */
export function rulesFor(packages: readonly string[]): LibraryRule[] {
  const have = new Set(packages)
  return KNOWN_LIBRARIES.filter(r => have.has(r.distribution))
}
