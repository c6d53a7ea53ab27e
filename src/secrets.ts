/** Replaces every occurrence of each secret with *** (longest first, so overlapping secrets are covered). Pure. */
export function redact(text: string, secrets: readonly string[]): string {
  return [...secrets]
    .filter(s => s.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((acc, s) => acc.split(s).join('***'), text)
}

/**
 * Redacts every secret, then cuts to `max` characters. Redacting first means a cut can never leave
 * a fragment of a secret behind (it can only cut a `***`). Pure.
 */
export function redactThenCut(text: string, secrets: readonly string[], max = 500): string {
  const clean = redact(text, secrets)
  return clean.length > max ? `${clean.slice(0, max)}…` : clean
}
