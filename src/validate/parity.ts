/** Compares one command's run under `poetry run` with its run as the binary (pure). */
import * as path from 'node:path'
import { redact } from '../secrets.js'
import type { SideRun } from '../run/side.js'

export type { SideRun }

/** What legitimately differs between the two sides, to be normalised away. */
export interface Normalization {
  /** Names the program is called by: the script's and the binary's file names. */
  programNames: string[]
  /** Paths that differ per side (scratch folders, project, script, binary), longest first. */
  paths: { path: string; label: string }[]
}

export interface ParityOutcome {
  passed: boolean
  detail: string
  /** A short redacted diff of the normalised stdout, when it differs. */
  diff?: string
}

/**
 * The folders modules are loaded from on each side, all labelled \`modules\`, so that a path a
 * program derives from \`__file__\` (a default template folder in its --help, "loading settings
 * from …/.env") reads the same from both: under poetry run the project's own root (or its src/)
 * and the venv's site-packages; in the binary the folder it runs from (a onefile's extraction
 * folder, PyInstaller's \`_MEI…\` and \`_internal\`, Nuitka's dist folder). Pure.
 */
export function moduleRootPaths(roots: {
  project: string
  srcLayout: boolean
  sitePackages: string[]
  binary: string[]
}): { path: string; label: string }[] {
  return [
    ...(roots.srcLayout ? [path.join(roots.project, 'src')] : [roots.project]),
    ...roots.sitePackages,
    ...roots.binary
  ]
    .filter(Boolean)
    .map(p => ({ path: p, label: 'modules' }))
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Normalises output for comparison: line endings, the program's name, paths that differ per side
 * (including PyInstaller's `_MEI…` folder), and trailing whitespace. Pure.
 */
export function normalizeOutput(text: string, n: Normalization): string {
  let out = text.replace(/\r\n?/g, '\n')
  const paths = [...n.paths].filter(p => p.path).sort((a, b) => b.path.length - a.path.length)
  for (const p of paths) out = out.split(p.path).join(`<${p.label}>`)
  out = out.replace(/[^\s'"]*[\\/]_MEI[0-9A-Za-z]+/g, '<modules>')
  const names = [...new Set(n.programNames.filter(Boolean))].sort((a, b) => b.length - a.length)
  for (const name of names) {
    out = out.replace(
      new RegExp(`(?<![\\w.-])${escapeRegex(name)}(?![\\w-]|\\.\\w)`, 'g'),
      '<prog>'
    )
  }
  return out
    .split('\n')
    .map(l => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '')
}

/** The first differing lines of two texts, `-` for poetry run and `+` for the binary. Pure. */
export function shortDiff(poetry: string, binary: string, context = 1, maxLines = 12): string {
  const a = poetry.split('\n')
  const b = binary.split('\n')
  let first = 0
  while (first < a.length && first < b.length && a[first] === b[first]) first++
  let endA = a.length
  let endB = b.length
  while (endA > first && endB > first && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const start = Math.max(0, first - context)
  const lines = [
    `@@ line ${first + 1} @@`,
    ...a.slice(start, first).map(l => `  ${l}`),
    ...a.slice(first, endA).map(l => `- ${l}`),
    ...b.slice(first, endB).map(l => `+ ${l}`)
  ]
  return lines.length > maxLines
    ? [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more line(s)`].join('\n')
    : lines.join('\n')
}

function ending(r: SideRun): string {
  if (r.spawnError) return `could not start (${r.spawnError})`
  if (r.timedOut) return 'timed out'
  return `exit ${r.exitCode ?? r.signal}`
}

/** The last non-empty lines a run printed (stdout, then stderr), redacted, on one line. Pure. */
export function lastOutputLines(r: SideRun, n: number, secrets: readonly string[]): string {
  const lines = `${r.stdout}\n${r.stderr}`
    .split(/\r?\n/)
    .filter(l => l.trim() !== '' && !/^\[PYI-\d+:/.test(l))
  const text = lines.slice(-n).join(' | ').trim() || '(no output)'
  const clean = redact(text, secrets)
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean
}

/** The last non-empty line a run printed, for a one-line detail. */
function lastLine(r: SideRun): string {
  // PyInstaller's own "[PYI-…:ERROR] Failed to execute script" line says less than the exception above it.
  const lines = `${r.stdout}\n${r.stderr}`
    .split(/\r?\n/)
    .filter(l => l.trim() !== '' && !/^\[PYI-\d+:/.test(l))
  return lines.length ? lines[lines.length - 1].trim() : '(no output)'
}

/**
 * Judges one parity command: the exit codes must agree, and unless `exitOnly` the normalised
 * stdout too. Secrets are redacted before anything is cut. Pure.
 */
export function compareParity(
  poetry: SideRun,
  binary: SideRun,
  n: Normalization,
  exitOnly: boolean,
  secrets: readonly string[]
): ParityOutcome {
  const clean = (text: string, max = 300): string => {
    const r = redact(text, secrets)
    return r.length > max ? `${r.slice(0, max)}…` : r
  }
  if (poetry.spawnError || poetry.timedOut) {
    return {
      passed: false,
      detail: clean(
        `poetry run side ${ending(poetry)}, nothing to compare with: ${lastLine(poetry)}`
      )
    }
  }
  if (binary.spawnError || binary.timedOut || binary.exitCode !== poetry.exitCode) {
    return {
      passed: false,
      detail: clean(
        `binary ${ending(binary)}, poetry run ${ending(poetry)}; binary's last output: ${lastLine(binary)}`
      )
    }
  }
  if (exitOnly) return { passed: true, detail: `both ${ending(binary)} (exit code compared)` }
  const a = normalizeOutput(poetry.stdout, n)
  const b = normalizeOutput(binary.stdout, n)
  if (a === b) {
    const size = b.split('\n').filter(Boolean).length
    return { passed: true, detail: `both ${ending(binary)}, same stdout (${size} line(s))` }
  }
  const diff = clean(shortDiff(redact(a, secrets), redact(b, secrets)), 1200)
  // The first changed line that says something: a blank one (the line before a missing block)
  // would make the one-line reason an empty "- ".
  const changes = diff.split('\n').filter(l => l.startsWith('+ ') || l.startsWith('- '))
  const firstChange =
    changes.find(l => l.slice(2).trim() !== '') ??
    (changes.length ? `${changes[0][0]} (a blank line)` : '')
  return {
    passed: false,
    detail: clean(`both ${ending(binary)}, stdout differs: ${firstChange}`),
    diff
  }
}
