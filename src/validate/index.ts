import * as fs from 'node:fs'
import * as path from 'node:path'
import type { BuildInputs } from '../inputs.js'
import type { RunContext } from '../context.js'
import type { BuildResult } from '../backends/types.js'
import type { Toolchain } from '../tools/index.js'
import { redact, redactThenCut } from '../secrets.js'
import { fileSha256 } from '../hash.js'
import type { LauncherMemory } from '../run/memory.js'
import { measureSize } from './size.js'
import { measureStartup, type StartupMeasurement } from './startup.js'
import type { OnedirStartup } from '../build/start-advice.js'
import { CHECKS, type CheckContext, type ParityResult, type ProbeRecord } from './checks/index.js'
import {
  CLASSIFY_SCRIPT,
  emptyEntryPointGroups,
  missingDataFromOutput,
  missingMetadataFromOutput,
  missingModuleEvidence,
  missingModulesFromOutput,
  pythonpathEvidence,
  splitKinds,
  type Evidence,
  type MissingKinds
} from './diagnose.js'
import { runBounded } from '../process.js'
import { sameTerminal } from '../terminal.js'
import type { PoetrySide } from '../trace/index.js'
import { commandTimeoutMs, scratchCopy, sideRun } from '../run/side.js'
import { moduleRootPaths } from './parity.js'
import { poetryRun, venvSitePackages } from '../tools/project-env.js'
import { deadWeight, type Composition } from './composition.js'
import type { ProbeSwitch } from '../backends/types.js'
import type { SmokeResult } from './verdict.js'
import type { Portability } from './portability.js'

export type { ParityResult }

/** What failed binary runs say is missing, with the line that shows each. */
export interface Diagnosis extends MissingKinds {
  data: Evidence[]
  metadata: Evidence[]
  /** The output line behind each missing module. */
  moduleEvidence: Record<string, string>
  /** Modules poetry run found through PYTHONPATH, which the binary (without honor-pythonpath) did not. */
  pythonpath: Evidence[]
}

export interface Validation {
  /** The same analysis built as onedir and timed, when a per-start onefile was slower than poetry run. */
  onedirStartup?: OnedirStartup
  sizeBytes: number
  sha256: string
  startup: StartupMeasurement
  poetryStartup: StartupMeasurement | null
  smoke: SmokeResult[]
  parity: ParityResult[]
  peakRssBytes: number | null
  /** The onefile launcher's own memory, when the binary is one and ran as a service. */
  launcherMemory: LauncherMemory | null
  poetryPeakRssBytes: number | null
  /** Modules the binary failed to import at run time (ModuleNotFoundError). */
  missingModules: string[]
  /** Every kind of missing piece: modules (sorted by what they are in the project environment), package data, metadata. */
  diagnosis: Diagnosis
  composition: Composition | undefined
  deadWeight: { package: string; bytes: number }[]
  /** Which commands the dead-weight list rests on, and whether it means anything. */
  deadWeightCoverage: { commands: string[]; meaningful: boolean }
  /** Where it runs (glibc floor, minimum macOS), read after the checks. */
  portability?: Portability
}

/** Asks the project environment whether each missing name is a module, a package or not there at all. */
export async function classifyMissing(
  names: string[],
  tools: Toolchain,
  ctx: RunContext
): Promise<MissingKinds> {
  if (names.length === 0) return { modules: [], packages: [], absent: [] }
  const root = tools.projectEnv.projectPath
  const script = path.join(ctx.tempDir, 'pba-classify.py')
  fs.writeFileSync(script, CLASSIFY_SCRIPT)
  const r = await poetryRun(tools.projectEnv, [
    'python',
    script,
    JSON.stringify([root, path.join(root, 'src')]),
    JSON.stringify(names)
  ])
  if (r.exitCode !== 0) return { modules: names, packages: [], absent: [] }
  return splitKinds(JSON.parse(r.stdout) as Record<string, string>)
}

function readProbes(prefix: string): ProbeRecord[] {
  const dir = path.dirname(prefix)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter(f => f.startsWith(path.basename(prefix)) && f.endsWith('.json'))
    .flatMap(f => {
      try {
        return [JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ProbeRecord]
      } catch {
        return []
      }
    })
}

/** Built-in commands whose imports say nothing about what real work needs. */
const TRIVIAL_COMMANDS = new Set(['--help', '-h', '--version', '-V', 'help', 'version'])

/**
 * Measures the built binary: size, startup side by side with `poetry run`, parity with the
 * `poetry run` side recorded before the build, binary-only smoke checks (with `smoke-env`), the
 * service with its exercise, SIGTERM and peak memory, and what is inside it.
 */
export async function validateBinary(
  inputs: BuildInputs,
  build: BuildResult,
  /** What the backend built around the binary: the entry script, its probe and its content. */
  about: { script: string; probe: ProbeSwitch | null; composition: Composition | undefined },
  tools: Toolchain,
  poetrySide: PoetrySide,
  ctx: RunContext
): Promise<Validation> {
  const host = ctx.host
  const script = about.script
  const secrets = Object.values(inputs.smokeEnv)
  const sizeBytes = measureSize(build.bundlePath)
  const sha256 = fileSha256(build.binaryPath)
  const outputs: string[] = []
  const { startup, poetryStartup, failures } = await measureStartups(
    inputs,
    build,
    script,
    tools,
    ctx
  )
  outputs.push(...failures)

  const probeDir = fs.mkdtempSync(path.join(ctx.tempDir, 'probe-'))
  const context = checkContext(inputs, build, about, tools, poetrySide, probeDir, outputs, ctx)
  const results = await host.group('Parity and smoke checks', async () => {
    const all: SmokeResult[] = []
    for (const check of CHECKS) {
      for (const r of await check.run(context)) {
        if (r.output) outputs.push(r.output)
        const clean = {
          name: r.name,
          passed: r.passed,
          ms: r.ms,
          detail: redactThenCut(r.detail, secrets),
          ...(r.skipped ? { skipped: true } : {})
        }
        all.push(clean)
        host.info(
          `${r.skipped ? 'SKIP' : r.passed ? 'PASS' : 'FAIL'} ${clean.name} (${r.ms} ms): ${clean.detail}`
        )
      }
    }
    return all
  })
  const probes = context.probes()

  const { diagnosis, missingModules } = await diagnoseOutputs(
    outputs.join('\n'),
    probes,
    inputs,
    poetrySide,
    tools,
    ctx
  )
  const composition = about.composition
  for (const e of composition?.entries.slice(0, 10) ?? [])
    host.info(`${e.package}: ${e.bytes} bytes`)
  fs.rmSync(probeDir, { recursive: true, force: true })
  const traced = poetrySide.findings
  const commands = traced.commands
  return {
    sizeBytes,
    sha256,
    startup,
    poetryStartup,
    smoke: results,
    parity: context.figures.parity,
    peakRssBytes: context.figures.peakRssBytes,
    launcherMemory: context.figures.launcherMemory ?? null,
    poetryPeakRssBytes: poetrySide.service?.run.ready ? poetrySide.service.run.peakRssBytes : null,
    missingModules,
    diagnosis,
    composition,
    deadWeight:
      composition && traced.importedModules.length
        ? deadWeight(composition, traced.importedModules)
        : [],
    deadWeightCoverage: {
      commands: commands.map(c => redact(c, secrets)),
      meaningful: commands.some(c => !TRIVIAL_COMMANDS.has(c))
    }
  }
}

function sameExits(a: (number | null)[], b: (number | null)[]): boolean {
  return a.length > 0 && b.length > 0 && [...a, ...b].every(c => c !== null && c === a[0])
}

/**
 * Startup of the binary (cold with an empty extraction cache, then warm) and of `poetry run`, run
 * for run; a startup command that fails the same way on both sides is measured, not failed.
 */
async function measureStartups(
  inputs: BuildInputs,
  build: BuildResult,
  script: string,
  tools: Toolchain,
  ctx: RunContext
): Promise<{
  startup: StartupMeasurement
  poetryStartup: StartupMeasurement | null
  failures: string[]
}> {
  const host = ctx.host
  const secrets = Object.values(inputs.smokeEnv)
  const timeoutMs = commandTimeoutMs(inputs.maxStartupMs)
  const project = tools.projectEnv.projectPath
  const outputs: string[] = []
  // A cold start means an empty extraction cache: the first run then unpacks, the others reuse it.
  if (build.extraction.kind === 'cached')
    fs.rmSync(build.extraction.dir, { recursive: true, force: true })
  const binaryStartup = await host.group(
    `Startup: ${inputs.startupRuns} runs of the binary`,
    async () => {
      const m = await measureStartup(build.binaryPath, inputs.startupArgs, {
        runs: inputs.startupRuns,
        env: ctx.env,
        timeoutMs
      })
      host.info(
        `binary: cold ${m.coldMs} ms, warm median ${m.medianMs} ms, p95 ${m.p95Ms} ms, CV ${m.cv} (samples ${m.samplesMs.join(', ')})`
      )
      outputs.push(...m.failures)
      return m
    }
  )
  const poetryArgs = ['run', 'python', script]
  const poetryRaw = await host.group(
    `Startup: ${inputs.startupRuns} runs of poetry run`,
    async () => {
      const m = await measureStartup(tools.poetry.path, [...poetryArgs, ...inputs.startupArgs], {
        runs: inputs.startupRuns,
        env: tools.projectEnv.env,
        cwd: project,
        timeoutMs
      })
      host.info(
        `poetry run: cold ${m.coldMs} ms, warm median ${m.medianMs} ms, p95 ${m.p95Ms} ms, CV ${m.cv}`
      )
      return m
    }
  )
  // A CLI without the startup flag fails the same way under poetry run: that is parity, not a failure.
  const sameFailure =
    binaryStartup.failures.length > 0 && sameExits(binaryStartup.exitCodes, poetryRaw.exitCodes)
  if (sameFailure)
    host.info(
      `startup-args exit ${binaryStartup.exitCodes[0]} under poetry run too; startup is still measured`
    )
  // The default --version that neither side answers (a worker started by any command line) is
  // the program's way, not the binary's fault: left unjudged, with the reason.
  const unanswered =
    inputs.defaultCommands.startup &&
    binaryStartup.exitCodes.includes(null) &&
    poetryRaw.exitCodes.includes(null)
  if (unanswered)
    host.notice(
      `startup-args ${inputs.startupArgs.join(' ')} did not exit within ${Math.round(timeoutMs / 1000)} s under poetry run either (does the program start a service whatever its arguments?); the startup cap is not applied. Set startup-args to a command that exits.`
    )
  const startup = {
    ...binaryStartup,
    failures:
      sameFailure || unanswered ? [] : binaryStartup.failures.map(f => redactThenCut(f, secrets)),
    ...(unanswered ? { unanswered: true } : {})
  }
  const poetryStartup =
    poetryRaw.failures.length === 0 || sameExits(poetryRaw.exitCodes, binaryStartup.exitCodes)
      ? poetryRaw
      : null
  if (!poetryStartup && !unanswered)
    host.warning(
      `poetry run python ${script} did not run cleanly (${redactThenCut(poetryRaw.failures[0], secrets)}); its startup figure is left out`
    )

  return { startup, poetryStartup, failures: outputs }
}

/** What the binary's own output says is missing: modules, package data, metadata, PYTHONPATH. */
async function diagnoseOutputs(
  text: string,
  probes: ProbeRecord[],
  inputs: BuildInputs,
  poetrySide: PoetrySide,
  tools: Toolchain,
  ctx: RunContext
): Promise<{ diagnosis: Diagnosis; missingModules: string[] }> {
  const secrets = Object.values(inputs.smokeEnv)
  const missingModules = missingModulesFromOutput(text)
  const missingKinds = await classifyMissing(missingModules, tools, ctx)
  const binaryGroups: Record<string, number> = {}
  for (const p of probes)
    for (const [g, n] of Object.entries(p.entryPoints ?? {}))
      binaryGroups[g] = Math.max(binaryGroups[g] ?? 0, n)
  const metadata = [
    ...missingMetadataFromOutput(text),
    ...emptyEntryPointGroups(poetrySide.findings.entryPointGroups, binaryGroups)
  ].filter((e, i, all) => all.findIndex(x => x.name === e.name) === i)
  const diagnosis: Diagnosis = {
    ...missingKinds,
    data: missingDataFromOutput(text).map(e => ({ ...e, line: redactThenCut(e.line, secrets) })),
    metadata: metadata.map(e => ({ ...e, line: redactThenCut(e.line, secrets) })),
    moduleEvidence: Object.fromEntries(
      missingModules.map(m => [m, redactThenCut(missingModuleEvidence(text, m), secrets)])
    ),
    pythonpath: inputs.honorPythonpath
      ? []
      : pythonpathEvidence(
          text,
          poetrySide.findings.pythonpath.map(a => a.name)
        ).map(e => ({ ...e, line: redactThenCut(e.line, secrets) }))
  }
  return { diagnosis, missingModules }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory()
  } catch {
    return false
  }
}

/** The venv's site-packages folders: lib/pythonX.Y/site-packages, or Lib/site-packages on Windows. */
function sitePackagesOf(venv: string): string[] {
  return [...venvSitePackages(venv), path.join(venv, 'Lib', 'site-packages')].filter(isDir)
}

/** Where the binary's modules are at run time, as far as the build tells. */
function binaryModuleRoots(build: BuildResult): string[] {
  return [
    build.extraction.kind === 'cached' ? build.extraction.dir : '',
    build.contentsDir ?? '',
    path.join(path.dirname(build.binaryPath), '_internal')
  ].filter(p => p && isDir(p))
}

/** What every check gets: the binary, how to run it like the `poetry run` side, the probe records. */
function checkContext(
  inputs: BuildInputs,
  build: BuildResult,
  about: { script: string; probe: ProbeSwitch | null },
  tools: Toolchain,
  poetrySide: PoetrySide,
  probeDir: string,
  /** Every binary output, for the diagnosis. */
  outputs: string[],
  ctx: RunContext
): CheckContext {
  const script = about.script
  const secrets = Object.values(inputs.smokeEnv)
  const timeoutMs = commandTimeoutMs(inputs.maxStartupMs)
  const project = tools.projectEnv.projectPath
  const probePrefix = path.join(probeDir, 'run')
  const smokeEnv: NodeJS.ProcessEnv = {
    ...sameTerminal(ctx.env),
    ...inputs.runEnv,
    ...inputs.smokeEnv,
    ...(about.probe
      ? {
          [about.probe.prefixEnv]: probePrefix,
          [about.probe.keysEnv]: Object.keys(inputs.smokeEnv).join(',')
        }
      : {})
  }
  const binaryScratch: string[] = []
  const figures: CheckContext['figures'] = { parity: [], peakRssBytes: null }
  return {
    inputs,
    build,
    probe: about.probe,
    poetrySide,
    ctx,
    secrets,
    project,
    env: smokeEnv,
    timeoutMs,
    runBinary: async args => {
      const cwd = scratchCopy(project, poetrySide.root, 'run-binary')
      binaryScratch.push(cwd)
      const r = await runBounded(build.binaryPath, args, { cwd, env: smokeEnv, timeoutMs })
      outputs.push(`${r.stdout}\n${r.stderr}`)
      return sideRun(r)
    },
    normalization: () => ({
      // Both sides run with the binary's name as argv[0]; only Windows' `.exe` can still differ.
      programNames:
        path.basename(poetrySide.command.argv0) === path.basename(build.binaryPath)
          ? []
          : [path.basename(poetrySide.command.argv0), path.basename(build.binaryPath)],
      paths: [
        ...[...poetrySide.scratchDirs, ...binaryScratch].map(p => ({ path: p, label: 'cwd' })),
        { path: poetrySide.command.argv0, label: 'binary' },
        { path: poetrySide.command.file, label: 'script' },
        { path: script, label: 'script' },
        { path: build.binaryPath, label: 'binary' },
        ...moduleRootPaths({
          project,
          srcLayout: isDir(path.join(project, 'src')),
          sitePackages: sitePackagesOf(tools.projectEnv.venvPath),
          binary: binaryModuleRoots(build)
        }),
        { path: project, label: 'project' }
      ]
    }),
    output: text => void outputs.push(text),
    probes: () => (about.probe ? readProbes(probePrefix) : []),
    figures
  }
}
