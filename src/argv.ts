/** Splits a command line into arguments the way a POSIX shell would for plain words and quotes, without expanding anything. Pure. */
export function splitArgs(text: string): string[] {
  const args: string[] = []
  let current = ''
  let inWord = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote) quote = null
      else if (
        ch === '\\' &&
        quote === '"' &&
        i + 1 < text.length &&
        '"\\$`'.includes(text[i + 1])
      ) {
        current += text[++i]
      } else current += ch
      continue
    }
    if (ch === '"' || ch === "'") {
      quote = ch
      inWord = true
    } else if (ch === '\\' && i + 1 < text.length) {
      current += text[++i]
      inWord = true
    } else if (/\s/.test(ch)) {
      if (inWord) args.push(current)
      current = ''
      inWord = false
    } else {
      current += ch
      inWord = true
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote`)
  if (inWord) args.push(current)
  return args
}

/** Quotes one argument for display in a log line (never executed by a shell). */
export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}
