import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RunContext } from '../../context.js'
import { runPyInstaller } from './build.js'
import type { BuildResult } from '../types.js'
import { prepareSpec } from './spec.js'
import { packageDataReport, readPackageData } from '../common.js'
import { readComposition } from '../../validate/composition.js'
import { PROBE_ENV, PROBE_KEYS_ENV, UNPACK_NATIVE_SCRIPT } from '../../validate/python-helpers.js'
import { poetryRun } from '../../tools/project-env.js'
import { lastLine } from '../../tools/poetry.js'
import type { Backend, BuildPlan, PreparedBuild } from '../types.js'
import { ensurePipTool } from '../pip-install.js'
import { pyinstallerTool } from './install.js'

/** PyInstaller's folders for a project: its work folder and, per run, its bincache. */
function layout(plan: BuildPlan, specPath: string, ctx: RunContext) {
  const workPath = path.join(plan.project.path, 'build')
  const configDir = path.join(ctx.tempDir, 'pyinstaller-config')
  return {
    workPath,
    configDir,
    distPath: path.join(plan.project.path, 'dist'),
    cachePaths: [path.join(workPath, path.basename(specPath, '.spec')), configDir]
  }
}

/** The generated spec (or the user's) for a plan, written into specDir. */
function specFor(plan: BuildPlan, specDir: string) {
  return prepareSpec(
    plan.inputs,
    plan.project,
    {
      upx: plan.upx !== undefined,
      strip: plan.tools.strip,
      extraHiddenImports: plan.fix.modules,
      extraCollectSubmodules: plan.fix.packages,
      extraCollectData: plan.fix.data,
      extraCopyMetadata: plan.fix.metadata,
      traced: plan.traced
    },
    plan.outDir,
    specDir
  )
}

/** PyInstaller 6: a generated spec, `poetry run python -m PyInstaller`, its archive reader. */
export const pyinstallerBackend: Backend = {
  name: 'pyinstaller',
  label: 'PyInstaller',
  version: inputs => inputs.pyinstallerVersion,
  versionCode: pyinstallerTool('').versionCode,
  install: (projectEnv, inputs, ctx) =>
    ensurePipTool(projectEnv, pyinstallerTool(inputs.pyinstallerVersion), ctx),

  prepare(plan: BuildPlan, ctx: RunContext): PreparedBuild {
    const spec = specFor(plan, plan.outDir)
    return { ...spec, cachePaths: layout(plan, spec.specPath, ctx).cachePaths }
  },

  async onedirProbe(plan: BuildPlan, ctx: RunContext): Promise<{ binary: string; folder: string }> {
    // The same spec but onedir, at the same path (PyInstaller puts the spec's folder on pathex,
    // so anywhere else the analysis is not reused), with its own dist folder; the onefile spec
    // is put back afterwards, since it is the one that ships.
    const probeDir = path.join(plan.outDir, 'onedir-probe')
    fs.rmSync(probeDir, { recursive: true, force: true })
    const onefileSpec = path.join(plan.outDir, `${plan.project.name}.spec`)
    const shipped = fs.readFileSync(onefileSpec)
    try {
      const onedir = {
        ...plan,
        inputs: { ...plan.inputs, mode: 'onedir' as const },
        upx: undefined
      }
      const spec = specFor(onedir, plan.outDir)
      const dirs = layout(plan, spec.specPath, ctx)
      const result = await runPyInstaller(
        plan.tools.projectEnv,
        {
          specPath: spec.specPath,
          name: plan.project.name,
          mode: 'onedir',
          clean: false,
          configDir: dirs.configDir,
          workPath: dirs.workPath,
          distPath: path.join(probeDir, 'dist'),
          runEnv: plan.inputs.runEnv
        },
        ctx
      )
      return { binary: result.binaryPath, folder: probeDir }
    } finally {
      fs.writeFileSync(onefileSpec, shipped)
    }
  },

  async build(
    plan: BuildPlan,
    prepared: PreparedBuild,
    warm: boolean,
    ctx: RunContext
  ): Promise<BuildResult> {
    const dirs = layout(plan, prepared.specPath, ctx)
    const report = packageDataReport(plan.outDir, plan.project.name)
    fs.rmSync(report, { force: true })
    const result = await ctx.host.group(`PyInstaller build of ${plan.project.name}`, () =>
      runPyInstaller(
        plan.tools.projectEnv,
        {
          specPath: prepared.specPath,
          name: plan.project.name,
          mode: plan.inputs.mode,
          upx: plan.upx,
          clean: !warm,
          configDir: dirs.configDir,
          workPath: dirs.workPath,
          distPath: dirs.distPath,
          runEnv: plan.inputs.runEnv
        },
        ctx
      )
    )
    return { ...result, packageData: readPackageData(report) }
  },

  probe(prepared: PreparedBuild) {
    // Generated specs carry the probe runtime hook; a user's own spec does not.
    return prepared.generated ? { prefixEnv: PROBE_ENV, keysEnv: PROBE_KEYS_ENV } : null
  },

  async contents(build, tools, ctx) {
    if (build.bundlePath !== build.binaryPath) return build.bundlePath
    const dir = fs.mkdtempSync(path.join(ctx.tempDir, 'contents-'))
    const script = path.join(ctx.tempDir, 'pba-unpack-native.py')
    fs.writeFileSync(script, UNPACK_NATIVE_SCRIPT)
    const r = await poetryRun(tools.projectEnv, ['python', script, build.binaryPath, dir])
    if (r.exitCode !== 0) {
      ctx.host.warning(`Could not unpack the onefile archive: ${lastLine(r.stderr || r.stdout)}`)
      return undefined
    }
    return dir
  },

  composition(build, tools, ctx) {
    return readComposition(tools.projectEnv, build.binaryPath, build.bundlePath, ctx)
  }
}
