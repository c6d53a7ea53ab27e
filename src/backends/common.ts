/**
 * What every backend builds from: the entry script (the user's, or a launcher for a console-script
 * entry), the project's search paths, and the common options resolved once from the inputs, the
 * built-in library rules and what the trace adds.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { BuildInputs } from '../inputs.js'
import type { ProjectInfo } from '../project/discover.js'
import { rulesFor } from '../project/known-libraries.js'
import { pyString } from '../pyliteral.js'
import type { PackageDataAdded, TracedFiles } from './types.js'
import { carryExecutables } from './executables.js'
import { writeIfChanged } from '../files.js'

/** What a generated spec bundles whatever the inputs say: the entry module and library rules. */
export function builtInImports(project: ProjectInfo): {
  hiddenImports: string[]
  collectSubmodules: string[]
} {
  const rules = rulesFor(project.lockedPackages)
  return {
    hiddenImports: [
      ...(project.entry.kind === 'function' ? [project.entry.module] : []),
      // The runtime hook gives the program site's `exit` and `quit` from here.
      '_sitebuiltins',
      ...rules.flatMap(r => r.hiddenImports)
    ],
    collectSubmodules: rules.flatMap(r => r.collectSubmodules)
  }
}

/** The script that starts the program: the user's file, or a launcher written for module:function entries. */
export function entryScript(project: ProjectInfo, outDir: string): string {
  if (project.entry.kind === 'script') return project.entry.path
  const launcher = path.join(outDir, `${project.name}-launcher.py`)
  writeIfChanged(launcher, renderLauncher(project.entry.module, project.entry.func))
  return launcher
}

/** Where the project's own modules are found: its root, and src/ for a src layout. */
export function searchPaths(project: ProjectInfo): string[] {
  return [project.path, ...(project.hasSrcDir ? [path.join(project.path, 'src')] : [])]
}

/** What any backend bundles, resolved once: inputs, built-in rules and what trace and auto-fix add. */
export interface CommonOptions {
  hiddenImports: string[]
  collectSubmodules: string[]
  collectData: string[]
  copyMetadata: string[]
  excludes: string[]
  /** Absolute sources. */
  datas: { source: string; dest: string }[]
  optimize: 0 | 1 | 2
  /** Folders of `.py` files bundled as files (`package` or `package/sub/dir`). */
  sources: string[]
  /** Shared libraries loaded with ctypes (absolute paths). */
  sharedLibraries: string[]
}

/**
 * The user's excludes plus the trace's unrequired packages, except those a module to bundle lives
 * in (a hidden import the user or the diagnosis asked for always wins). Pure.
 */
function leaveOut(user: string[], unrequired: string[], wanted: string[][]): string[] {
  const tops = new Set(wanted.flat().map(n => n.split('.')[0]))
  return [...new Set([...user, ...unrequired.filter(n => !tops.has(n))])]
}

/** Merges the inputs, the built-in library rules and the extras into one deduplicated set. Pure. */
export function commonOptions(
  inputs: BuildInputs,
  project: ProjectInfo,
  extra: {
    extraHiddenImports?: string[]
    extraCollectSubmodules?: string[]
    extraCollectData?: string[]
    extraCopyMetadata?: string[]
    traced?: TracedFiles
  }
): CommonOptions {
  const builtIn = builtInImports(project)
  const unique = (...lists: (string[] | undefined)[]): string[] => [
    ...new Set(lists.flatMap(l => l ?? []))
  ]
  return {
    hiddenImports: unique(builtIn.hiddenImports, inputs.hiddenImports, extra.extraHiddenImports),
    collectSubmodules: unique(
      builtIn.collectSubmodules,
      inputs.collectSubmodules,
      extra.extraCollectSubmodules
    ),
    collectData: unique(inputs.collectData, extra.extraCollectData),
    copyMetadata: unique(inputs.copyMetadata, extra.extraCopyMetadata),
    excludes: leaveOut(inputs.excludes, extra.traced?.excludes ?? [], [
      builtIn.hiddenImports,
      inputs.hiddenImports,
      extra.extraHiddenImports ?? [],
      builtIn.collectSubmodules,
      inputs.collectSubmodules,
      extra.extraCollectSubmodules ?? [],
      inputs.collectData,
      extra.extraCollectData ?? []
    ]),
    datas: inputs.datas.map(d => ({ source: path.resolve(project.path, d.source), dest: d.dest })),
    optimize: inputs.optimize,
    sources: unique(extra.traced?.sources),
    sharedLibraries: unique(extra.traced?.sharedLibraries)
  }
}

/**
 * The common options plus the executables the binary carries on its children's PATH (wrappers
 * written into outDir, native programs from the venv), as extra data files.
 */
export function withExecutables(
  options: CommonOptions,
  traced: TracedFiles | undefined,
  outDir: string
): CommonOptions {
  const carried = carryExecutables(traced ? traced.executables : null, outDir)
  return { ...options, datas: [...options.datas, ...carried] }
}

/**
 * Renders the launcher script for an entry point: `module:attr.attr` calls the attribute, a bare
 * `module` runs it as `python -m` does (names go in as literals).
 */
export function renderLauncher(module: string, func: string): string {
  const call = func
    ? [
        `    _entry = importlib.import_module(${pyString(module)})`,
        `    for _part in ${pyString(func)}.split('.'):`,
        '        _entry = getattr(_entry, _part)',
        '    sys.exit(_entry())'
      ]
    : [
        '    import runpy',
        '',
        `    runpy.run_module(${pyString(module)}, run_name='__main__', alter_sys=True)`
      ]
  return [
    '# Generated by poetry-binary-action: starts a console-script entry point.',
    'import importlib',
    'import multiprocessing',
    'import sys',
    '',
    "if __name__ == '__main__':",
    '    multiprocessing.freeze_support()',
    ...call,
    ''
  ].join('\n')
}

/**
 * Python shared by both backends' package-data step: what a compiler reads, not the program.
 * `_pba_is_build_input(name)`: a source file of a compiled language (C, C++, Rust, Go, Cython).
 * `_pba_is_build_tree(folder)`: a folder that is not a Python package and holds a build manifest
 * (Cargo.toml, go.mod, CMakeLists.txt), such as the Rust crate sources temporalio's wheel carries
 * (9.6 MB, 600 files). Both are left out of package-data; a file that a traced run opened is
 * carried by the trace all the same, and `collect-data` still bundles a package's every file.
 */
export const BUILD_INPUTS_PY = String.raw`
_PBA_BUILD_INPUTS = ('.c', '.h', '.cc', '.cpp', '.cxx', '.hpp', '.hh', '.rs', '.go', '.pyx', '.pxd', '.pxi')
_PBA_BUILD_MANIFESTS = ('Cargo.toml', 'go.mod', 'CMakeLists.txt')


def _pba_is_build_input(name):
    return name.endswith(_PBA_BUILD_INPUTS)


def _pba_is_build_tree(folder):
    # Callers pass only folders that are not Python packages (their walks skip those).
    import os

    return any(os.path.isfile(os.path.join(folder, m)) for m in _PBA_BUILD_MANIFESTS)
`

/** Where a backend writes the bytes package-data added (JSON, per distribution). */
export function packageDataReport(outDir: string, name: string): string {
  return path.join(outDir, `${name}.package-data.json`)
}

/** What the spec's package-data step added, biggest first; undefined when it did not run. */
export function readPackageData(reportPath: string): PackageDataAdded[] | undefined {
  if (!fs.existsSync(reportPath)) return undefined
  try {
    const raw = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as Record<
      string,
      Omit<PackageDataAdded, 'distribution'>
    >
    return Object.entries(raw)
      .map(([distribution, v]) => ({
        distribution,
        dataBytes: v.dataBytes,
        dataFiles: v.dataFiles,
        metadataBytes: v.metadataBytes,
        ...(v.buildInputsFiles
          ? { buildInputsFiles: v.buildInputsFiles, buildInputsBytes: v.buildInputsBytes ?? 0 }
          : {})
      }))
      .sort(
        (a, b) =>
          b.dataBytes + b.metadataBytes - (a.dataBytes + a.metadataBytes) ||
          a.distribution.localeCompare(b.distribution)
      )
  } catch {
    return undefined
  }
}
