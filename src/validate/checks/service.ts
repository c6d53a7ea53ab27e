import * as fs from 'node:fs'
import * as path from 'node:path'
import { cleanShutdownCheck } from './clean-shutdown.js'
import type { ExerciseRun } from '../../trace/index.js'
import { scratchCopy } from '../../run/side.js'
import { runService } from '../../run/service.js'
import { lastLines } from '../smoke.js'
import { serviceChecks, serviceLogCheck } from '../service.js'
import { exitOf, type Check, type CheckResult } from './types.js'
import type { SideRun } from '../../run/side.js'

function passedExercise(e: ExerciseRun): boolean {
  return !e.run.timedOut && !e.run.spawnError && e.run.exitCode === e.command.expectedExit
}

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
    const exercised: (ExerciseRun & { rerun?: SideRun })[] = []
    // Its own temp folder, so a leftover onefile extraction folder is found (and nothing else's).
    const tmpDir = fs.mkdtempSync(path.join(c.ctx.tempDir, 'service-tmp-'))
    const run = await runService({
      command: c.build.binaryPath,
      args: inputs.serviceArgs,
      cwd: scratchCopy(c.project, c.poetrySide.root, 'service-binary'),
      env: { ...c.env, TMPDIR: tmpDir, TEMP: tmpDir, TMP: tmpDir },
      launcher: inputs.mode === 'onefile',
      whileReady: async () => {
        for (const command of inputs.serviceExercise) {
          const run = await c.runBinary(command.args)
          // A failure runs once more while the same service is up: only a repeatable one fails.
          const rerun = passedExercise({ command, run })
            ? undefined
            : await c.runBinary(command.args)
          exercised.push({ command, run, ...(rerun ? { rerun } : {}) })
        }
      },
      ...serviceOptions
    })
    c.output(run.output)
    const results: CheckResult[] = serviceChecks(
      run,
      serviceOptions,
      c.secrets,
      c.poetrySide.service?.run.sigterm ?? null
    )
    const poetryExercise = c.poetrySide.service?.exercise ?? []
    for (const [i, e] of exercised.entries()) {
      const theirs = poetryExercise[i]?.run
      const ok = passedExercise(e)
      const flaky = !ok && e.rerun !== undefined && passedExercise({ ...e, run: e.rerun })
      const first = `binary ${exitOf(e.run)}, poetry run ${theirs ? exitOf(theirs) : 'not run'}`
      const last = lastLines(`${e.run.stdout}${e.run.stderr}`, 3, c.secrets)
      if (flaky)
        c.ctx.host.warning(
          `exercise: ${e.command.line} is flaky: the binary's first run gave ${exitOf(e.run)} (last output: ${last}), its rerun against the same service gave ${exitOf(e.rerun as SideRun)} as expected`,
          { title: 'Flaky exercise command' }
        )
      results.push({
        name: `exercise: ${e.command.line}`,
        passed: ok || flaky,
        ms: e.run.ms,
        detail: flaky
          ? `flaky: first run ${exitOf(e.run)} (last output: ${last}), rerun ${exitOf(e.rerun as SideRun)}; poetry run ${theirs ? exitOf(theirs) : 'not run'}`
          : `${ok ? '' : 'expected exit ' + e.command.expectedExit + ', '}${first}${ok ? '' : `; last output: ${last}`}`
      })
    }
    if (run.ready)
      results.push(serviceLogCheck(run.output, c.poetrySide.service?.run.output ?? null))
    const shutdown = cleanShutdownCheck(run, tmpDir)
    if (shutdown) results.push(shutdown)
    fs.rmSync(tmpDir, { recursive: true, force: true })
    c.figures.peakRssBytes = run.peakRssBytes
    c.figures.launcherMemory = run.launcherMemory ?? null
    return results
  }
}
