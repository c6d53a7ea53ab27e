import * as fs from 'node:fs'
import * as path from 'node:path'
import type { BuildInputs } from '../../inputs.js'
import type { ProjectInfo } from '../../project/discover.js'
import { renderSpec } from './render.js'
import {
  commonOptions,
  entryScript,
  packageDataReport,
  searchPaths,
  withExecutables
} from '../common.js'
import { PROBE_HOOK } from '../../validate/python-helpers.js'
import { fileSha256, sha256Hex } from '../../hash.js'
import type { TracedFiles } from '../types.js'
import { reentryHookSource } from '../runtime-hooks.js'
import { writeIfChanged } from '../../files.js'

export interface PreparedSpec {
  specPath: string
  /** False when the user's own spec is used as is. */
  generated: boolean
  /** The script `poetry run python <script>` starts for the side-by-side startup comparison. */
  script: string
  sha256: string
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
  outDir: string,
  /** Where the spec file goes (its name stays `<name>.spec`, so the analysis in the work folder is reused). */
  specDir: string = outDir
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
  writeIfChanged(probeHook, PROBE_HOOK)
  const reentryHook = path.join(outDir, 'pba_reentry_hook.py')
  writeIfChanged(reentryHook, reentryHookSource(inputs.honorPythonpath))
  const text = renderSpec({
    name: project.name,
    script,
    pathex: [...new Set([...searchPaths(project), ...(build.traced?.searchPaths ?? [])])],
    mode: inputs.mode,
    ...withExecutables(commonOptions(inputs, project, build), build.traced, outDir),
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
  fs.mkdirSync(specDir, { recursive: true })
  const specPath = path.join(specDir, `${project.name}.spec`)
  fs.writeFileSync(specPath, text)
  return { specPath, generated: true, script, sha256: sha256Hex(text) }
}
