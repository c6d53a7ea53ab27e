/** Plain-text helpers for terminal output: display width, wrapping, truncation and colour. Pure. */

// SGR sequences only: the renderers emit nothing else.
const ANSI = /\x1b\[[0-9;]*m/g

/** The text without colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '')
}

/** Columns a code point takes: 0 for combining marks and variation selectors, 2 for wide ones. */
function codePointWidth(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d) return 0
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    cp >= 0x20000
  )
    return 2
  return 1
}

/** Columns the text takes on a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of stripAnsi(text)) width += codePointWidth(ch.codePointAt(0) ?? 0)
  return width
}

/** Cuts plain text to at most width columns, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  if (width <= 0) return ''
  let out = ''
  let used = 0
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0) ?? 0)
    if (used + w > width - 1) break
    out += ch
    used += w
  }
  return `${out}…`
}

/** Pads plain or coloured text with spaces to width columns, on the right or the left. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return align === 'left' ? text + fill : fill + text
}

/** Splits a word into a head of at most width columns (at least one character) and the tail. */
function splitAt(word: string, width: number): [string, string] {
  let head = ''
  let used = 0
  for (const ch of word) {
    const w = codePointWidth(ch.codePointAt(0) ?? 0)
    if (used + w > width && head) break
    head += ch
    used += w
  }
  return [head, word.slice(head.length)]
}

/**
 * Word-wraps plain text to lines of at most width columns: the first line starts with `first`,
 * the rest with `rest` (so a label hangs over an indented paragraph). Words wider than a line
 * (paths, URLs) are broken.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = lines.length === 0 ? first : rest
    let empty = true
    const room = (): number => width - displayWidth(line)
    // Plain spaces only: a no-break space keeps `11.93\u00a0s` on one line.
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const need = displayWidth(word) + (empty ? 0 : 1)
      if (need <= room()) {
        line += empty ? word : ` ${word}`
        empty = false
        continue
      }
      if (!empty) {
        lines.push(line)
        line = rest
        empty = true
      }
      let remaining = word
      while (displayWidth(remaining) > room()) {
        const [head, tail] = splitAt(remaining, Math.max(1, room()))
        lines.push(line + head)
        line = rest
        remaining = tail
      }
      line += remaining
      empty = false
    }
    lines.push(line)
  }
  return lines
}

/** Colour helpers; every one is the identity when colour is off. */
export interface Paint {
  bold(text: string): string
  dim(text: string): string
  green(text: string): string
  red(text: string): string
  yellow(text: string): string
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    text ? `\x1b[${open}m${text}\x1b[${close}m` : text

/** The colour helpers, or plain identities when colour is off. */
export function paint(color: boolean): Paint {
  if (!color) {
    const plain = (text: string): string => text
    return { bold: plain, dim: plain, green: plain, red: plain, yellow: plain }
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    green: sgr(32, 39),
    red: sgr(31, 39),
    yellow: sgr(33, 39)
  }
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org). */
export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return Boolean(isTTY) && !env.NO_COLOR
}
