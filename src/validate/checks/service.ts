import * as fs from 'node:fs'
import * as path from 'node:path'
import { cleanShutdownCheck } from './clean-shutdown.js'
import { scratchCopy, type ExerciseRun } from '../../trace/index.js'
import { lastLines } from '../smoke.js'
import { runService, serviceChecks, serviceLogCheck } from '../service.js'
import { exitOf, type Check, type CheckResult } from './types.js'

/**
 * The binary as a service: ready, the `service-exercise` commands while it runs, its log against
 * the `poetry run` service's, SIGTERM, and its peak RSS.
 */
export const serviceCheck: Check = {
  name: 'service',
  async run(c) {
    const { inputs } = c
    if (!inputs.readyPattern && !inputs.readyPort) {
      return [
        {
          name: 'service run',
          passed: true,
          skipped: true,
          ms: 0,
          detail:
            'skipped: set ready-pattern or ready-port to run the binary as a service and check SIGTERM'
        }
      ]
    }
    const serviceOptions = {
      readyPattern: inputs.readyPattern,
      readyPort: inputs.readyPort,
      readyTimeoutMs: inputs.readyTimeoutMs,
      sigtermTimeoutMs: inputs.sigtermTimeoutMs,
      platform: c.ctx.platform
    }
    const exercised: ExerciseRun[] = []
    // Its own temp folder, so a leftover onefile extraction folder is found (and nothing else's).
    const tmpDir = fs.mkdtempSync(path.join(c.ctx.tempDir, 'service-tmp-'))
    const run = await runService({
      command: c.build.binaryPath,
      args: inputs.serviceArgs,
      cwd: scratchCopy(c.project, c.poetrySide.root, 'binary-service'),
      env: { ...c.env, TMPDIR: tmpDir, TEMP: tmpDir, TMP: tmpDir },
      whileReady: async () => {
        for (const command of inputs.serviceExercise)
          exercised.push({ command, run: await c.runBinary(command.args) })
      },
      ...serviceOptions
    })
    c.output(run.output)
    const results: CheckResult[] = serviceChecks(run, serviceOptions, c.secrets)
    const poetryExercise = c.poetrySide.service?.exercise ?? []
    for (const [i, e] of exercised.entries()) {
      const theirs = poetryExercise[i]?.run
      const ok = !e.run.timedOut && !e.run.spawnError && e.run.exitCode === e.command.expectedExit
      results.push({
        name: `exercise: ${e.command.line}`,
        passed: ok,
        ms: e.run.ms,
        detail: `${ok ? '' : 'expected exit ' + e.command.expectedExit + ', '}binary ${exitOf(e.run)}, poetry run ${theirs ? exitOf(theirs) : 'not run'}${ok ? '' : `; last output: ${lastLines(`${e.run.stdout}${e.run.stderr}`, 3, c.secrets)}`}`
      })
    }
    if (run.ready)
      results.push(serviceLogCheck(run.output, c.poetrySide.service?.run.output ?? null))
    const shutdown = cleanShutdownCheck(run, tmpDir)
    if (shutdown) results.push(shutdown)
    fs.rmSync(tmpDir, { recursive: true, force: true })
    c.figures.peakRssBytes = run.peakRssBytes
    return results
  }
}
