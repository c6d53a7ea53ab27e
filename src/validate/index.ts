import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import type { Inputs } from '../inputs.js'
import type { RunContext } from '../context.js'
import type { BuildResult } from '../build/pyinstaller.js'
import type { Toolchain } from '../tools/index.js'
import { measureSize } from './size.js'
import { measureStartup, type StartupMeasurement } from './startup.js'
import { basicSmoke } from './smoke.js'
import type { SmokeResult } from './verdict.js'

export interface Validation {
  sizeBytes: number
  sha256: string
  startup: StartupMeasurement
  poetryStartup: StartupMeasurement | null
  smoke: SmokeResult[]
}

/** Per-run time limit: generous, so a slow start is measured and judged rather than cut off. */
export function runTimeoutMs(maxStartupMs: number): number {
  return Math.max(60_000, maxStartupMs * 20)
}

/** SHA-256 of a file, hex. */
export function fileSha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** Measures the built binary: size, startup side by side with `poetry run`, and the smoke checks. */
export async function validateBinary(
  inputs: Inputs,
  build: BuildResult,
  script: string,
  tools: Toolchain,
  ctx: RunContext
): Promise<Validation> {
  const host = ctx.host
  const sizeBytes = measureSize(build.bundlePath)
  const sha256 = fileSha256(build.binaryPath)
  const timeoutMs = runTimeoutMs(inputs.maxStartupMs)
  const runEnv = { ...ctx.env }

  const startup = await host.group(
    `Startup: ${inputs.startupRuns} runs of the binary`,
    async () => {
      const m = await measureStartup(build.binaryPath, inputs.startupArgs, {
        runs: inputs.startupRuns,
        env: runEnv,
        timeoutMs
      })
      host.info(
        `binary: cold ${m.coldMs} ms, warm median ${m.medianMs} ms, p95 ${m.p95Ms} ms, CV ${m.cv} (samples ${m.samplesMs.join(', ')})`
      )
      return m
    }
  )
  const poetryStartup = await host.group(
    `Startup: ${inputs.startupRuns} runs of poetry run`,
    async () => {
      const m = await measureStartup(
        tools.poetry.path,
        ['run', 'python', script, ...inputs.startupArgs],
        {
          runs: inputs.startupRuns,
          env: tools.projectEnv.env,
          cwd: tools.projectEnv.projectPath,
          timeoutMs
        }
      )
      host.info(
        `poetry run: cold ${m.coldMs} ms, warm median ${m.medianMs} ms, p95 ${m.p95Ms} ms, CV ${m.cv}`
      )
      if (m.failures.length)
        host.warning(
          `poetry run python ${script} did not run cleanly (${m.failures[0]}); its startup figure is left out`
        )
      return m.failures.length ? null : m
    }
  )
  const smoke = await host.group('Smoke checks', async () => {
    const results = await basicSmoke(build.binaryPath, { env: runEnv, timeoutMs })
    for (const r of results)
      host.info(`${r.passed ? 'PASS' : 'FAIL'} ${r.name} (${r.ms} ms): ${r.detail}`)
    return results.map(({ output: _output, ...r }) => r)
  })
  return { sizeBytes, sha256, startup, poetryStartup, smoke }
}
