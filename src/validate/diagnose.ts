/** Finds modules a frozen program failed to import, from what it printed. Pure. */

const NOT_FOUND = /ModuleNotFoundError: No module named '([A-Za-z_][\w.]*)'/g

/** Module names from `ModuleNotFoundError: No module named 'x.y'` lines, in first-seen order. */
export function missingModulesFromOutput(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(NOT_FOUND)) if (!found.includes(m[1])) found.push(m[1])
  return found
}

/** A ready-to-paste `hidden-imports` block for the workflow file. */
export function hiddenImportsSuggestion(modules: readonly string[]): string {
  return ['hidden-imports: |', ...modules.map(m => `  ${m}`)].join('\n')
}
