import { displayWidth, pad, truncate } from './text.js'

/** One table column: its header, alignment, and whether it gives up width first when the table is too wide. */
export interface Column {
  header: string
  align?: 'left' | 'right'
  /** Shrinks (cut with `…`) before the other columns when the table is wider than the terminal. */
  flexible?: boolean
}

/** A cell: plain text, and how to colour it once it is cut to its column. */
export type Cell = string | { text: string; color?: (text: string) => string }

const GAP = '  '
const MIN_COLUMN = 6

function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text
}

/**
 * Column widths that fit the table into width columns: the widest cell of each, then flexible
 * columns (and, if still too wide, the others from the right) cut down to no less than a few columns. Pure.
 */
export function fitColumns(natural: number[], flexible: boolean[], width: number): number[] {
  const widths = [...natural]
  const total = (): number => widths.reduce((a, w) => a + w, 0) + GAP.length * (widths.length - 1)
  const order = [
    ...widths.map((_, i) => i).filter(i => flexible[i]),
    ...widths
      .map((_, i) => i)
      .filter(i => !flexible[i])
      .reverse()
  ]
  for (const i of order) {
    const excess = total() - width
    if (excess <= 0) break
    widths[i] = Math.max(Math.min(MIN_COLUMN, natural[i]), widths[i] - excess)
  }
  return widths
}

/** Renders an aligned table, no line wider than width (indent included); headers dimmed by `header`. Pure. */
export function renderTable(
  columns: Column[],
  rows: Cell[][],
  width: number,
  options: { indent?: string; header?: (text: string) => string } = {}
): string[] {
  const indent = options.indent ?? '  '
  const showHeader = columns.some(c => c.header)
  const natural = columns.map((c, i) =>
    Math.max(
      showHeader ? displayWidth(c.header) : 0,
      ...rows.map(r => displayWidth(cellText(r[i] ?? '')))
    )
  )
  const widths = fitColumns(
    natural,
    columns.map(c => Boolean(c.flexible)),
    width - displayWidth(indent)
  )
  const line = (cells: Cell[], paintHeader: boolean): string => {
    const parts = columns.map((c, i) => {
      const cell = cells[i] ?? ''
      const text = truncate(cellText(cell), widths[i])
      const painted =
        paintHeader && options.header
          ? options.header(text)
          : typeof cell !== 'string' && cell.color
            ? cell.color(text)
            : text
      // The last left-aligned column is not padded: no trailing blanks.
      if (i === columns.length - 1 && (c.align ?? 'left') === 'left') return painted
      return pad(painted, widths[i], c.align ?? 'left')
    })
    return (indent + parts.join(GAP)).trimEnd()
  }
  return [
    ...(showHeader
      ? [
          line(
            columns.map(c => c.header),
            true
          )
        ]
      : []),
    ...rows.map(r => line(r, false))
  ]
}
