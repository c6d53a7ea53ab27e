import * as fs from 'node:fs'
import * as path from 'node:path'
import type { BuildInputs } from '../inputs.js'
import type { RunContext } from '../context.js'
import type { BuildResult } from '../build/pyinstaller.js'
import type { Toolchain } from '../tools/index.js'
import { redact } from '../secrets.js'
import { fileSha256 } from '../hash.js'
import { measureSize } from './size.js'
import { measureStartup, type StartupMeasurement } from './startup.js'
import { basicSmoke, smokeCommand } from './smoke.js'
import { runService, serviceChecks } from './service.js'
import {
  CLASSIFY_SCRIPT,
  missingModulesFromOutput,
  splitKinds,
  type MissingKinds
} from './diagnose.js'
import { poetryRun } from '../tools/project-env.js'
import { deadWeight, readComposition, type Composition } from './composition.js'
import { PROBE_ENV, PROBE_KEYS_ENV } from './python-helpers.js'
import type { SmokeResult } from './verdict.js'

export interface Validation {
  sizeBytes: number
  sha256: string
  startup: StartupMeasurement
  poetryStartup: StartupMeasurement | null
  smoke: SmokeResult[]
  peakRssBytes: number | null
  poetryPeakRssBytes: number | null
  /** Modules the binary failed to import at run time (ModuleNotFoundError). */
  missingModules: string[]
  /** The same names sorted by what they are in the project environment. */
  missingKinds: MissingKinds
  composition: Composition | undefined
  deadWeight: { package: string; bytes: number }[]
  /** Modules the probe saw imported during the smoke runs; empty without the probe hook. */
  importedModules: string[]
}

/** Asks the project environment whether each missing name is a module, a package or not there at all. */
async function classifyMissing(
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

/** Per-run time limit: generous, so a slow start is measured and judged rather than cut off. */
export function runTimeoutMs(maxStartupMs: number): number {
  return Math.max(60_000, maxStartupMs * 20)
}

interface ProbeRecord {
  modules: string[]
  env: Record<string, boolean>
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

/**
 * Measures the built binary: size, startup side by side with `poetry run`, smoke checks (with
 * `smoke-env`), a service run with SIGTERM and peak memory, and what is inside it.
 */
export async function validateBinary(
  inputs: BuildInputs,
  build: BuildResult,
  script: string,
  probed: boolean,
  tools: Toolchain,
  ctx: RunContext
): Promise<Validation> {
  const host = ctx.host
  const secrets = Object.values(inputs.smokeEnv)
  const sizeBytes = measureSize(build.bundlePath)
  const sha256 = fileSha256(build.binaryPath)
  const timeoutMs = runTimeoutMs(inputs.maxStartupMs)
  const outputs: string[] = []

  const startup = await host.group(
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
      return { ...m, failures: m.failures.map(f => redact(f, secrets)) }
    }
  )
  const poetryArgs = ['run', 'python', script]
  const poetryStartup = await host.group(
    `Startup: ${inputs.startupRuns} runs of poetry run`,
    async () => {
      const m = await measureStartup(tools.poetry.path, [...poetryArgs, ...inputs.startupArgs], {
        runs: inputs.startupRuns,
        env: tools.projectEnv.env,
        cwd: tools.projectEnv.projectPath,
        timeoutMs
      })
      host.info(
        `poetry run: cold ${m.coldMs} ms, warm median ${m.medianMs} ms, p95 ${m.p95Ms} ms, CV ${m.cv}`
      )
      if (m.failures.length)
        host.warning(
          `poetry run python ${script} did not run cleanly (${redact(m.failures[0], secrets)}); its startup figure is left out`
        )
      return m.failures.length ? null : m
    }
  )

  const probeDir = fs.mkdtempSync(path.join(ctx.tempDir, 'probe-'))
  const probePrefix = path.join(probeDir, 'run')
  const smokeEnv: NodeJS.ProcessEnv = {
    ...ctx.env,
    ...inputs.smokeEnv,
    ...(probed
      ? { [PROBE_ENV]: probePrefix, [PROBE_KEYS_ENV]: Object.keys(inputs.smokeEnv).join(',') }
      : {})
  }
  const smokeOptions = { env: smokeEnv, timeoutMs }
  const service = { peak: null as number | null, poetryPeak: null as number | null }

  const smoke = await host.group('Smoke checks', async () => {
    const results: SmokeResult[] = []
    const record = (r: SmokeResult & { output?: string }): void => {
      if (r.output) outputs.push(r.output)
      const clean = {
        name: r.name,
        passed: r.passed,
        ms: r.ms,
        detail: redact(r.detail, secrets),
        ...(r.skipped ? { skipped: true } : {})
      }
      results.push(clean)
      host.info(
        `${r.skipped ? 'SKIP' : r.passed ? 'PASS' : 'FAIL'} ${clean.name} (${r.ms} ms): ${clean.detail}`
      )
    }
    for (const r of await basicSmoke(build.binaryPath, smokeOptions)) record(r)
    for (const c of inputs.smoke) {
      record(await smokeCommand(c.line, build.binaryPath, c.args, c.expectedExit, smokeOptions))
    }
    if (inputs.readyPattern || inputs.readyPort) {
      const serviceOptions = {
        readyPattern: inputs.readyPattern,
        readyPort: inputs.readyPort,
        readyTimeoutMs: inputs.readyTimeoutMs,
        sigtermTimeoutMs: inputs.sigtermTimeoutMs,
        platform: ctx.platform
      }
      const run = await runService({
        command: build.binaryPath,
        args: inputs.serviceArgs,
        env: smokeEnv,
        ...serviceOptions
      })
      outputs.push(run.output)
      for (const check of serviceChecks(run, serviceOptions)) record(check)
      service.peak = run.peakRssBytes
      // The same service under `poetry run`, for the memory ratio; only the Python process counts, not Poetry.
      const baseline = await runService({
        command: tools.poetry.path,
        args: [...poetryArgs, ...inputs.serviceArgs],
        cwd: tools.projectEnv.projectPath,
        env: { ...tools.projectEnv.env, ...inputs.smokeEnv },
        memoryFilter: command => command.includes(script) && !/[\\/]poetry(\.exe)?\s/.test(command),
        ...serviceOptions
      })
      service.poetryPeak = baseline.ready ? baseline.peakRssBytes : null
    } else {
      record({
        name: 'service run',
        passed: true,
        skipped: true,
        ms: 0,
        detail:
          'skipped: set ready-pattern or ready-port to run the binary as a service and check SIGTERM'
      })
    }
    const probes = probed ? readProbes(probePrefix) : []
    if (Object.keys(inputs.smokeEnv).length) {
      const keys = Object.keys(inputs.smokeEnv)
      if (!probed) {
        record({
          name: 'env passthrough',
          passed: true,
          skipped: true,
          ms: 0,
          detail: 'skipped: a custom spec has no probe hook'
        })
      } else if (probes.length === 0) {
        record({
          name: 'env passthrough',
          passed: false,
          ms: 0,
          detail: 'no run of the binary exited normally, so nothing was recorded'
        })
      } else {
        const missing = keys.filter(k => !probes.some(p => p.env[k]))
        record({
          name: 'env passthrough',
          passed: missing.length === 0,
          ms: 0,
          detail: missing.length
            ? `the binary did not see ${missing.join(', ')}`
            : `the binary saw ${keys.join(', ')}`
        })
      }
    }
    return { results, probes }
  })

  const missingModules = missingModulesFromOutput(outputs.join('\n'))
  const missingKinds = await classifyMissing(missingModules, tools, ctx)
  const importedModules = [...new Set(smoke.probes.flatMap(p => p.modules))].sort()
  const composition = await host.group('Composition', async () => {
    const c = await readComposition(tools.projectEnv, build.binaryPath, build.bundlePath, ctx)
    for (const e of c?.entries.slice(0, 10) ?? []) host.info(`${e.package}: ${e.bytes} bytes`)
    return c
  })
  fs.rmSync(probeDir, { recursive: true, force: true })
  return {
    sizeBytes,
    sha256,
    startup,
    poetryStartup,
    smoke: smoke.results,
    peakRssBytes: service.peak,
    poetryPeakRssBytes: service.poetryPeak,
    missingModules,
    missingKinds,
    composition,
    deadWeight:
      composition && importedModules.length ? deadWeight(composition, importedModules) : [],
    importedModules
  }
}
