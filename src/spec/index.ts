import * as fs from 'node:fs'
import * as path from 'node:path'
import type { BuildInputs } from '../inputs.js'
import type { ProjectInfo } from './discover.js'
import { renderLauncher, renderSpec } from './render.js'
import { PROBE_HOOK } from '../validate/python-helpers.js'
import { rulesFor } from './known-libraries.js'
import { fileSha256, sha256Hex } from '../hash.js'
import type { PackageDataAdded, TracedFiles } from '../backends/types.js'
import { reentryHookSource } from '../backends/runtime-hooks.js'

export interface PreparedSpec {
  specPath: string
  /** False when the user's own spec is used as is. */
  generated: boolean
  /** The script `poetry run python <script>` starts for the side-by-side startup comparison. */
  script: string
  sha256: string
}

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
  fs.writeFileSync(launcher, renderLauncher(project.entry.module, project.entry.func))
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
    excludes: inputs.excludes,
    datas: inputs.datas.map(d => ({ source: path.resolve(project.path, d.source), dest: d.dest })),
    optimize: inputs.optimize,
    sources: unique(extra.traced?.sources),
    sharedLibraries: unique(extra.traced?.sharedLibraries)
  }
}

/** Where a generated spec writes the bytes package-data added (JSON, per distribution). */
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
        metadataBytes: v.metadataBytes
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

/** Writes the generated spec (or picks up the user's) into the output folder. */
export function prepareSpec(
  inputs: BuildInputs,
  project: ProjectInfo,
  build: {
    upx: boolean
    strip: boolean
    extraHiddenImports?: string[]
    extraCollectSubmodules?: string[]
    extraCollectData?: string[]
    extraCopyMetadata?: string[]
    traced?: TracedFiles
  },
  outDir: string
): PreparedSpec {
  fs.mkdirSync(outDir, { recursive: true })
  const script = entryScript(project, outDir)
  if (inputs.spec) {
    // preflight() has checked that it exists and lies inside the workspace.
    const specPath = path.resolve(project.path, inputs.spec)
    return { specPath, generated: false, script, sha256: fileSha256(specPath) }
  }
  // The probe hook is inert unless validation sets its env var (see validate/python-helpers.ts).
  const probeHook = path.join(outDir, 'pba_probe_hook.py')
  fs.writeFileSync(probeHook, PROBE_HOOK)
  const reentryHook = path.join(outDir, 'pba_reentry_hook.py')
  fs.writeFileSync(reentryHook, reentryHookSource(inputs.honorPythonpath))
  const text = renderSpec({
    name: project.name,
    script,
    pathex: [...new Set([...searchPaths(project), ...(build.traced?.searchPaths ?? [])])],
    mode: inputs.mode,
    ...commonOptions(inputs, project, build),
    upx: build.upx,
    upxExclude: [],
    strip: build.strip,
    runtimeHooks: [reentryHook, probeHook],
    packageData: {
      all: inputs.packageData.all,
      skip: inputs.packageData.skip,
      distributions: project.distribution ? [project.distribution] : [],
      reportPath: packageDataReport(outDir, project.name)
    }
  })
  const specPath = path.join(outDir, `${project.name}.spec`)
  fs.writeFileSync(specPath, text)
  return { specPath, generated: true, script, sha256: sha256Hex(text) }
}
