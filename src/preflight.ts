import * as fs from 'node:fs'
import * as path from 'node:path'
import { InputError } from './errors.js'
import { Input, type BuildInputs } from './inputs.js'

/** True when `target` is `root` or lies inside it (after resolving `..`). Pure. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(target))
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** The folder part of a glob, the part that must exist and stay inside the workspace. Pure. */
export function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/)
  const first = parts.findIndex(p => /[*?[\]{}]/.test(p))
  return first === -1 ? pattern : parts.slice(0, first).join(path.sep) || '.'
}

/**
 * Checks what the inputs name on disk, before anything is installed: files the build reads or
 * writes must lie inside the workspace (a spec is Python that PyInstaller executes), and upx-path
 * must be an executable file. Throws InputError naming the input.
 */
export function preflight(inputs: BuildInputs, projectPath: string, workspace: string): void {
  const inside = (input: Input, value: string, resolved: string): void => {
    if (!isInside(workspace, resolved)) {
      throw new InputError(
        input,
        `"${value}" resolves to ${resolved}, outside the workspace ${workspace}; use a path inside the repository`
      )
    }
  }
  if (inputs.spec) {
    const spec = path.resolve(projectPath, inputs.spec)
    inside(Input.Spec, inputs.spec, spec)
    if (!spec.endsWith('.spec') || !fs.existsSync(spec) || !fs.statSync(spec).isFile()) {
      throw new InputError(
        Input.Spec,
        `"${inputs.spec}" is not an existing .spec file (looked for ${spec}); give a path relative to project-path`
      )
    }
  }
  if (inputs.outputDir) {
    inside(Input.OutputDir, inputs.outputDir, path.resolve(projectPath, inputs.outputDir))
  }
  for (const d of inputs.datas) {
    inside(Input.Datas, d.source, path.resolve(projectPath, globBase(d.source)))
  }
  if (inputs.upxPath) {
    const upx = path.resolve(inputs.upxPath)
    let ok = false
    try {
      fs.accessSync(upx, fs.constants.X_OK)
      ok = fs.statSync(upx).isFile()
    } catch {
      ok = false
    }
    if (!ok) {
      throw new InputError(
        Input.UpxPath,
        `"${inputs.upxPath}" is not an executable file; give the path of a UPX binary, or leave it empty to use PATH or a download`
      )
    }
  }
}
