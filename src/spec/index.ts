import * as fs from 'node:fs'
import * as path from 'node:path'
import type { BuildInputs } from '../inputs.js'
import type { ProjectInfo } from './discover.js'
import { renderLauncher, renderSpec } from './render.js'
import { PROBE_HOOK } from '../validate/python-helpers.js'
import { rulesFor } from './known-libraries.js'
import { fileSha256, sha256Hex } from '../hash.js'

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
  const builtIn = builtInImports(project)
  const text = renderSpec({
    name: project.name,
    script,
    pathex: [project.path, ...(project.hasSrcDir ? [path.join(project.path, 'src')] : [])],
    mode: inputs.mode,
    hiddenImports: [
      ...new Set([
        ...builtIn.hiddenImports,
        ...inputs.hiddenImports,
        ...(build.extraHiddenImports ?? [])
      ])
    ],
    collectSubmodules: [
      ...new Set([
        ...builtIn.collectSubmodules,
        ...inputs.collectSubmodules,
        ...(build.extraCollectSubmodules ?? [])
      ])
    ],
    collectData: [...new Set([...inputs.collectData, ...(build.extraCollectData ?? [])])],
    copyMetadata: [...new Set([...inputs.copyMetadata, ...(build.extraCopyMetadata ?? [])])],
    excludes: inputs.excludes,
    datas: inputs.datas.map(d => ({ source: path.resolve(project.path, d.source), dest: d.dest })),
    optimize: inputs.optimize,
    upx: build.upx,
    upxExclude: [],
    strip: build.strip,
    runtimeHooks: [probeHook]
  })
  const specPath = path.join(outDir, `${project.name}.spec`)
  fs.writeFileSync(specPath, text)
  return { specPath, generated: true, script, sha256: sha256Hex(text) }
}
