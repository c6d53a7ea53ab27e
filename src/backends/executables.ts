/**
 * The executables `poetry run` has on PATH (what the project's distributions installed into the
 * environment's scripts folder, and `python` itself), carried by the binary in one folder that its
 * runtime hook puts first on its children's PATH. Native programs go in as they are; a console
 * script becomes a small shell wrapper that starts the binary itself on the script's entry point,
 * since its own shebang names an interpreter that exists only in the build's venv; `python` and
 * `python3` start the binary as the interpreter.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { AS_PYTHON_ENV, EXECUTABLES_DIR, FROZEN_PARENT_ENV } from './runtime-hooks.js'
import { writeIfChanged } from '../files.js'

export { EXECUTABLES_DIR }

/** One executable to carry: a console script's entry (`module:attr`) or a native program's file. */
export interface CarriedExecutable {
  name: string
  entry?: string
  path?: string
}

/**
 * Python run by the binary for a wrapper: argv[1] is the script's name, argv[2] its entry. Fixed
 * text; names and entries travel as arguments, never as code.
 */
const RUN_ENTRY = [
  'import importlib, runpy, sys',
  'name, entry = sys.argv[1], sys.argv[2]',
  'del sys.argv[1:3]',
  'sys.argv[0] = name',
  'module, _, attr = entry.partition(":")',
  'if not attr:',
  '    runpy.run_module(module, run_name="__main__", alter_sys=True)',
  '    sys.exit(0)',
  'target = importlib.import_module(module)',
  'for part in attr.split("."):',
  '    target = getattr(target, part)',
  'sys.exit(target())'
].join('\n')

/** The lines every wrapper starts with: only a start by the binary (or its children) can run it. */
function preamble(name: string, what: string): string[] {
  return [
    '#!/bin/sh',
    `# Written by poetry-binary-action: ${what}, run by the binary that carries it.`,
    `if [ -z "\${${FROZEN_PARENT_ENV}:-}" ]; then`,
    `  echo "${name}: only the binary that carries this script can run it" >&2`,
    '  exit 127',
    'fi'
  ]
}

/** `python` on PATH, as under poetry run: the binary, acting as the interpreter. Pure. */
export function renderPythonWrapper(name: string): string {
  return [
    ...preamble(name, `${name} (the binary as its own interpreter)`),
    `export ${AS_PYTHON_ENV}=1`,
    `exec "\$${FROZEN_PARENT_ENV}" "$@"`,
    ''
  ].join('\n')
}

/** Shell-safe forms: what findings admit (names of files, `module:attr.attr`). */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/
const SAFE_ENTRY = /^[A-Za-z_][\w.]*(:[A-Za-z_][\w.]*)?$/

/** The wrapper script for a console script, or null when name or entry is not in a safe form. Pure. */
export function renderWrapper(name: string, entry: string): string | null {
  const bare = entry.replace(/\[[^\]]*\]/, '').replace(/\s+/g, '')
  if (!SAFE_NAME.test(name) || !SAFE_ENTRY.test(bare)) return null
  return [
    ...preamble(name, `the console script ${name} (${bare})`),
    `exec "\$${FROZEN_PARENT_ENV}" -c '${RUN_ENTRY}' '${name}' '${bare}' "$@"`,
    ''
  ].join('\n')
}

/**
 * Writes the wrappers into `<outDir>/_pba_bin` and returns every file to bundle into the binary's
 * `_pba_bin` folder (wrappers, and native programs from the venv); null (executables: none)
 * carries nothing. Wrappers need a POSIX shell, so on Windows only native programs are carried.
 */
export function carryExecutables(
  executables: readonly CarriedExecutable[] | null,
  outDir: string,
  platform: NodeJS.Platform = process.platform
): { source: string; dest: string }[] {
  const dir = path.join(outDir, EXECUTABLES_DIR)
  if (executables === null) {
    fs.rmSync(dir, { recursive: true, force: true })
    return []
  }
  const files: { source: string; dest: string }[] = []
  const written = new Set<string>()
  // Unchanged wrappers keep their mtime (a rebuild then reuses PyInstaller's analysis).
  const write = (name: string, text: string): void => {
    fs.mkdirSync(dir, { recursive: true })
    const file = writeIfChanged(path.join(dir, name), text, 0o755)
    written.add(name)
    files.push({ source: file, dest: EXECUTABLES_DIR })
  }
  if (platform !== 'win32')
    for (const name of ['python', 'python3']) write(name, renderPythonWrapper(name))
  for (const e of executables) {
    if (e.path) {
      if (fs.existsSync(e.path)) files.push({ source: e.path, dest: EXECUTABLES_DIR })
      continue
    }
    if (!e.entry || platform === 'win32') continue
    const text = renderWrapper(e.name, e.entry)
    if (text && e.name !== 'python' && e.name !== 'python3') write(e.name, text)
  }
  for (const stale of fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    if (!written.has(stale)) fs.rmSync(path.join(dir, stale), { force: true })
  return files
}
