/** Parsing and formatting of the human units that inputs and reports use. Pure. */

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 }

/** Parses `100MB`, `95MiB`, `1.5GB` or a plain byte count into bytes; undefined when invalid. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)
  if (!m) return undefined
  const unit = (m[2] || 'b').toLowerCase()
  const factor = SIZE_UNITS[unit]
  if (factor === undefined) return undefined
  return Math.round(Number(m[1]) * factor)
}

/** Parses `3s`, `800ms`, `1.5s` or `2m` into milliseconds; undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/i.exec(text)
  if (!m) return undefined
  return Math.round(Number(m[1]) * (DURATION_UNITS[m[2].toLowerCase()] ?? NaN))
}

/** Parses `5%` (or a bare `5`) into a percentage number; undefined when invalid. */
export function parsePercent(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text)
  if (!m) return undefined
  return Number(m[1])
}

/** Formats bytes with binary units, e.g. `12.3 MiB`. */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes)
  const sign = bytes < 0 ? '-' : ''
  if (abs < 1024) return `${sign}${abs} B`
  const units = ['KiB', 'MiB', 'GiB']
  let value = abs
  let unit = 'B'
  for (const u of units) {
    if (value < 1024) break
    value /= 1024
    unit = u
  }
  return `${sign}${value.toFixed(value >= 100 ? 0 : 1)} ${unit}`
}

/** Formats milliseconds, e.g. `850 ms` or `2.41 s`. */
export function formatMs(ms: number): string {
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(2)} s`
}
