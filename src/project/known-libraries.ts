import { parse as parseToml } from 'smol-toml'

/** What a library needs beyond PyInstaller's own hooks, and why (found by freezing it for real). */
export interface LibraryRule {
  /** Distribution name as poetry.lock spells it. */
  distribution: string
  hiddenImports: string[]
  collectSubmodules: string[]
  why: string
  /**
   * Nuitka only: Python run right after a module loads (a Nuitka post-load hook), with BUILD_ID
   * bound to the build's id (a hash of the sources, lock and flags).
   */
  nuitkaPostLoad?: { module: string; code: string; why: string }
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
    why: 'the workflow sandbox imports it by name from generated code; without it every workflow fails with "Failed validating workflow" (ModuleNotFoundError: temporalio.worker.workflow_sandbox._in_sandbox)',
    nuitkaPostLoad: {
      module: 'temporalio.worker._worker',
      code: "import sys\nsys.modules['temporalio.worker._worker']._default_build_id = BUILD_ID\n",
      why: 'a worker without an explicit build id hashes the bytecode of the loaded modules, and Nuitka-compiled modules have none: the worker refuses to start ("Cannot get default unique worker binary ID"). The build id of this build (a hash of the sources, lock and flags) stands in for it'
    }
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
