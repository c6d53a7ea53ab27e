import type { BuildMode, NuitkaBytecode } from '../../inputs.js'
import type { CommonOptions } from '../common.js'
import type { OsName } from '../../platform.js'

/** Everything the Nuitka command line is made from. */
export interface NuitkaRequest {
  /** The entry script (the user's file or the generated launcher). */
  script: string
  name: string
  mode: BuildMode
  options: CommonOptions
  /** `nuitka-bytecode`: auto (the plugin decides per module), none, or packages as bytecode. */
  bytecode: NuitkaBytecode
  /** `nuitka-compression`: the onefile payload's zstd level (the plugin sets it), or off. */
  compression: number | 'off'
  /** Distributions whose metadata is asked for by name (copy-metadata, the trace, the project's own). */
  metadata: string[]
  strip: boolean
  /** Where Nuitka puts its build and dist folders. */
  outputDir: string
  /** Absolute `datas` sources that are folders (included recursively). */
  dataDirs: string[]
  /** Where a onefile binary unpacks itself, as a Nuitka path spec (`{CACHE_DIR}/…`). */
  extractionSpec: string
  reportPath: string
  /** The user plugin that adds the validation probe. */
  pluginPath: string
}

/** `{CACHE_DIR}/<name>/<id>`: one folder per distinct build, reused by every start of it. Pure. */
export function extractionSpec(name: string, buildId: string): string {
  return `{CACHE_DIR}/poetry-binary-action/${name}/${buildId}`
}

/**
 * Translates the common options into Nuitka's flags. Every value goes into its own argv element
 * (never through a shell), so user strings stay data. Pure.
 */
export function nuitkaArgs(r: NuitkaRequest): string[] {
  const o = r.options
  const each = (flag: string, values: string[]): string[] => values.map(v => `${flag}=${v}`)
  return [
    r.mode === 'onefile' ? '--mode=onefile' : '--mode=standalone',
    ...(r.mode === 'onefile'
      ? [
          `--onefile-tempdir-spec=${r.extractionSpec}`,
          '--onefile-cache-mode=cached',
          // One zstd-compressed entry per file: a warm start skips what it already has without
          // decompressing it, where a stream is decompressed whole at every start (light example:
          // 315 ms against 548 ms warm, for a payload 3% bigger). Nuitka's log then says
          // "compression ratio (100.00%)": it counts the compressed bytes as the payload's size;
          // the build result carries the real ratio (payloadRatio).
          '--onefile-as-archive',
          ...(r.compression === 'off' ? ['--onefile-no-compression'] : []),
          // The launcher forwards SIGTERM and then waits for the program, however long it drains,
          // as poetry run and PyInstaller's launcher do: Nuitka's default kills it after 5 s.
          '--onefile-child-grace-time=infinity'
        ]
      : []),
    `--output-dir=${r.outputDir}`,
    `--output-filename=${r.name}`,
    ...(r.mode === 'onedir' ? [`--output-folder-name=${r.name}`] : []),
    // Nuitka may fetch a helper (a compiler on Windows, dependency tools); never prompt in CI.
    '--assume-yes-for-downloads',
    // Nuitka refuses a binary started by itself with -c / -m (a fork-bomb guard); the runtime hook
    // handles exactly those starts, and only when the binary itself started them.
    '--no-deployment-flag=self-execution',
    // A module the build leaves out (excludes, leave-out-unrequired, anti-bloat) must be missing as
    // it is from any interpreter, ModuleNotFoundError, which optional imports catch
    // (\`try: import sniffio except ModuleNotFoundError\` in anyio); Nuitka's own error for it is a
    // plain ImportError that names the flag, and it ended strawberry's dev server.
    '--no-deployment-flag=excluded-module-usage',
    '--no-progressbar',
    `--report=${r.reportPath}`,
    `--user-plugin=${r.pluginPath}`,
    ...each('--include-module', o.hiddenImports),
    ...each('--include-package', o.collectSubmodules),
    ...each('--include-package-data', o.collectData),
    ...each('--include-distribution-metadata', r.metadata),
    ...each('--nofollow-import-to', o.excludes),
    ...o.datas.map(d =>
      r.dataDirs.includes(d.source)
        ? `--include-data-dir=${d.source}=${d.dest.replace(/\\/g, '/').replace(/\/+$/, '') || '.'}`
        : `--include-data-files=${d.source}=${dataDest(d.dest)}`
    ),
    ...(Array.isArray(r.bytecode)
      ? each(
          '--noinclude-custom-mode',
          r.bytecode.map(p => `${p}:bytecode`)
        )
      : []),
    ...(o.optimize >= 1 ? ['--python-flag=-O'] : []),
    ...(o.optimize >= 2 ? ['--python-flag=no_docstrings'] : []),
    ...(r.strip ? [] : ['--unstripped']),
    r.script
  ]
}

/**
 * The environment that sets the C compiler's optimization level (nuitka-c-optimize). Nuitka's
 * scons appends $CFLAGS after its own -O3 (and logs "Inherited CFLAGS"), and the last -O wins;
 * the user's own CFLAGS come after ours, so a -O of theirs still wins. Nothing at level 3, which
 * is Nuitka's own, and nothing on Windows, where MSVC reads -O1 as "minimise size". Pure.
 */
export function cOptimizeEnv(
  level: 1 | 2 | 3,
  os: OsName,
  userCflags: string | undefined
): { CFLAGS?: string } {
  if (level === 3 || os === 'windows') return {}
  return { CFLAGS: [`-O${level}`, userCflags?.trim()].filter(Boolean).join(' ') }
}

/** PyInstaller's datas name a destination folder; Nuitka marks a folder with a trailing slash. Pure. */
function dataDest(dest: string): string {
  const d = dest.replace(/\\/g, '/').replace(/^\.?\/?$/, '')
  return d === '' ? './' : d.endsWith('/') ? d : `${d}/`
}
