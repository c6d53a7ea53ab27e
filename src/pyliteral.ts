/**
 * Python literals for the spec renderer. Every user-supplied string reaches Python only through
 * pyString, so no input can become code.
 */

/** A Python str literal for any JS string: single-quoted, with every non-printable or non-ASCII char escaped. */
export function pyString(value: string): string {
  let out = "'"
  for (const ch of value) {
    const code = ch.codePointAt(0) as number
    if (ch === '\\') out += '\\\\'
    else if (ch === "'") out += "\\'"
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code >= 0x20 && code < 0x7f) out += ch
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += `\\U${code.toString(16).padStart(8, '0')}`
  }
  return `${out}'`
}

/** A Python list literal of strings. */
export function pyStringList(values: readonly string[], indent = ''): string {
  if (values.length === 0) return '[]'
  return `[\n${values.map(v => `${indent}    ${pyString(v)},`).join('\n')}\n${indent}]`
}

/** A Python bool literal. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False'
}
