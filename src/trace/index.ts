import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RunContext } from '../context.js'
import type { BuildInputs, ParityCommand, SmokeCommand } from '../inputs.js'
import { runBounded } from '../process.js'
import type { Toolchain } from '../tools/index.js'
import { redact } from '../secrets.js'
import { runService, type ServiceRun } from '../run/service.js'
import { commandTimeoutMs, scratchCopy, sideRun, type SideRun } from '../run/side.js'
import {
  describeAdditions,
  describeLeftOut,
  findingsFrom,
  type TraceFindings,
  type TraceRecord,
  type TracedRun
} from './findings.js'
import {
  TRACE_ARGV0_ENV,
  TRACE_CWD_ENV,
  TRACE_ENV,
  TRACE_REQUIRED_ENV,
  TRACE_SECRET_KEYS_ENV,
  TRACE_SNAPSHOT_ENV,
  TRACER_SCRIPT
} from './tracer.js'
import { sameTerminal } from '../terminal.js'
import type { EntryPoint, RequiredSet } from '../project/discover.js'

/** One command's `poetry run` side. */
export interface PoetryParityRun {
  command: ParityCommand
  run: SideRun
}

/** One service-exercise command, on either side. */
export interface ExerciseRun {
  command: SmokeCommand
  run: SideRun
}

/** Everything the `poetry run` side produced, before the build. */
export interface PoetrySide {
  /** What the side ran: the console script or entry script, and its argv[0]. */
  command: PoetryCommand
  parity: PoetryParityRun[]
  /** The service under `poetry run` with its exercise; null without ready-pattern / ready-port. */
  service: { run: ServiceRun; exercise: ExerciseRun[] } | null
  /** What the trace found (kept with `trace: false` too, for diagnosis and dead weight). */
  findings: TraceFindings
  /** Scratch folders used, normalised away in comparisons. */
  scratchDirs: string[]
  /** Folder holding the tracer, its records and every scratch copy (both sides); removed at the end. */
  root: string
  /** Runs one command under `poetry run` again (untraced), for telling a flaky difference from a real one. */
  rerun(args: string[]): Promise<SideRun>
}

/** What the `poetry run` side starts, and the argv[0] it gets. */
export interface PoetryCommand {
  /** The Python file run as `__main__`: the console script `poetry install` wrote, or the entry script. */
  file: string
  /** argv[0]: beside the file, named like the binary, so usage lines wrap the same on both sides. */
  argv0: string
}

/**
 * Runs a console-script entry the way `poetry run <script>` does (the script file in the venv),
 * and any other entry through its script; either way argv[0] carries the binary's name. Pure but
 * for one existence check.
 */
export function poetryCommand(
  entry: EntryPoint,
  script: string,
  binaryName: string,
  venvPath: string,
  exists: (file: string) => boolean = fs.existsSync
): PoetryCommand {
  const consoleScript =
    entry.kind === 'function' && entry.scriptName
      ? path.join(venvPath, 'bin', entry.scriptName)
      : undefined
  // On Windows console scripts are .exe launchers, which Python cannot run as a file.
  const file = consoleScript && exists(consoleScript) ? consoleScript : script
  return { file, argv0: path.join(path.dirname(file), binaryName) }
}

/** How long the service's tracer gets to write its record before SIGTERM (it polls every 50 ms). */
const SNAPSHOT_WAIT_MS = 10_000

/**
 * Asks a traced service for its record as it stands (the tracer removes the request file once it
 * wrote it) and waits for that, bounded: a service that dies of SIGTERM leaves no other record.
 */
async function requestSnapshot(request: string): Promise<boolean> {
  fs.writeFileSync(request, '')
  const deadline = Date.now() + SNAPSHOT_WAIT_MS
  while (fs.existsSync(request) && Date.now() < deadline)
    await new Promise(resolve => setTimeout(resolve, 50))
  const done = !fs.existsSync(request)
  fs.rmSync(request, { force: true })
  return done
}

function readRecord(file: string): TraceRecord | null {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as TraceRecord
    return r.error ? null : r
  } catch {
    return null
  }
}

/**
 * Runs the `poetry run` side of every parity command and of the service with its exercise, before
 * the build, under the tracer (when `trace` is on), and works out what the build must add.
 */
export async function runPoetrySide(
  inputs: BuildInputs,
  side: PoetryCommand,
  /** What the generated spec bundles anyway: the entry module and built-in library rules. */
  builtIn: { hiddenImports: string[]; collectSubmodules: string[] },
  /** What the project requires: package-modules leaves out modules that need anything else. */
  required: RequiredSet,
  tools: Toolchain,
  ctx: RunContext
): Promise<PoetrySide> {
  const host = ctx.host
  const project = tools.projectEnv.projectPath
  const secrets = Object.values(inputs.smokeEnv)
  fs.mkdirSync(ctx.tempDir, { recursive: true })
  const root = fs.mkdtempSync(path.join(ctx.tempDir, 'poetry-side-'))
  const tracer = path.join(root, 'pba_tracer.py')
  fs.writeFileSync(tracer, TRACER_SCRIPT)
  const timeoutMs = commandTimeoutMs(inputs.maxStartupMs)
  const scratchDirs: string[] = []
  const traced: TracedRun[] = []
  const pending: { command: string; file: string }[] = []
  let counter = 0

  /** Environment of one run: the same terminal as the binary's, run-env, smoke-env, where to run. */
  const runEnv = (cwd: string): NodeJS.ProcessEnv => ({
    ...sameTerminal(tools.projectEnv.env),
    ...inputs.runEnv,
    ...inputs.smokeEnv,
    [TRACE_CWD_ENV]: cwd,
    [TRACE_ARGV0_ENV]: side.argv0
  })
  /** The same, traced: the tracer's record file and the names (never values) of the secrets. */
  const envFor = (command: string, cwd: string, snapshot?: string): NodeJS.ProcessEnv => {
    const env = runEnv(cwd)
    // Traced even with `trace: false`: diagnosis and dead weight compare with what poetry run used.
    const file = path.join(root, `trace-${++counter}.json`)
    pending.push({ command, file })
    env[TRACE_ENV] = file
    if (snapshot) env[TRACE_SNAPSHOT_ENV] = snapshot
    env[TRACE_SECRET_KEYS_ENV] = Object.keys(inputs.smokeEnv).join(',')
    env[TRACE_REQUIRED_ENV] = JSON.stringify(required)
    return env
  }
  const poetryArgs = (args: string[]): string[] => ['run', 'python', tracer, side.file, ...args]
  const runOne = async (line: string, args: string[]): Promise<SideRun> => {
    const cwd = scratchCopy(project, root, 'run-poetry')
    scratchDirs.push(cwd)
    const r = await runBounded(tools.poetry.path, poetryArgs(args), {
      cwd: project,
      env: envFor(line, cwd),
      timeoutMs
    })
    return sideRun(r)
  }

  const parity = await host.group(
    `Parity: ${inputs.parity.length} command(s) under poetry run, traced`,
    async () => {
      const runs: PoetryParityRun[] = []
      for (const command of inputs.parity) {
        const run = await runOne(command.line, command.args)
        host.info(
          redact(
            `poetry run ${command.line}: exit ${run.exitCode ?? run.signal ?? '?'}${run.timedOut ? ' (timed out)' : ''} in ${run.ms} ms`,
            secrets
          )
        )
        runs.push({ command, run })
      }
      return runs
    }
  )

  let service: PoetrySide['service'] = null
  if (inputs.readyPattern || inputs.readyPort) {
    service = await host.group('Service under poetry run', async () => {
      const cwd = scratchCopy(project, root, 'service-poetry')
      scratchDirs.push(cwd)
      const exercise: ExerciseRun[] = []
      const snapshot = path.join(root, 'service-trace-snapshot.request')
      const run = await runService({
        command: tools.poetry.path,
        args: poetryArgs(inputs.serviceArgs),
        cwd: project,
        env: envFor('service', cwd, snapshot),
        readyPattern: inputs.readyPattern,
        readyPort: inputs.readyPort,
        readyTimeoutMs: inputs.readyTimeoutMs,
        sigtermTimeoutMs: inputs.sigtermTimeoutMs,
        platform: ctx.platform,
        // Only the program counts for memory, not Poetry (which execs it on POSIX anyway).
        memoryFilter: cmd => cmd.includes(side.file) && !/[\\/]poetry(\.exe)?\s/.test(cmd),
        whileReady: async () => {
          for (const command of inputs.serviceExercise) {
            const r = await runOne(`exercise: ${command.line}`, command.args)
            host.info(
              redact(
                `poetry run ${command.line}: exit ${r.exitCode ?? r.signal ?? '?'} in ${r.ms} ms`,
                secrets
              )
            )
            exercise.push({ command, run: r })
          }
          // Its record as it stands, before SIGTERM: a service that dies of the signal writes no other.
          if (!(await requestSnapshot(snapshot)))
            host.info(
              `The service under poetry run wrote no trace snapshot within ${SNAPSHOT_WAIT_MS / 1000} s; its record comes from its exit, if it exits through Python`
            )
        }
      })
      host.info(
        run.ready
          ? `ready after ${run.readyMs} ms; ${run.sigterm ? `exit ${run.sigterm.exitCode ?? run.sigterm.signal} after SIGTERM` : 'stopped'}`
          : 'the service did not become ready under poetry run'
      )
      return { run, exercise }
    })
  }

  for (const p of pending) {
    const record = readRecord(p.file)
    if (record && record.final === false)
      host.info(
        'The service under poetry run did not exit through Python after SIGTERM (it died of the signal): its trace is the record it wrote just before SIGTERM, without what its shutdown loaded'
      )
    if (record) traced.push({ command: p.command, record })
    else if (p.command === 'service')
      host.warning(
        'The service under poetry run left no trace (it did not exit through Python after SIGTERM); only its exercise commands were traced'
      )
    else
      host.info(
        `No trace record for "${redact(p.command, secrets)}": the program ended without Python's exit handlers (a signal or a crash)`
      )
  }
  const findings = findingsFrom(traced, {
    hiddenImports: [...inputs.hiddenImports, ...builtIn.hiddenImports],
    collectSubmodules: [...inputs.collectSubmodules, ...builtIn.collectSubmodules],
    collectData: inputs.collectData,
    copyMetadata: inputs.copyMetadata,
    excludes: inputs.excludes,
    wholePackagesExcept: inputs.packageModules.all ? inputs.packageModules.skip : null,
    executablesExcept: inputs.executables.all ? inputs.executables.skip : null,
    leaveOutUnrequired: inputs.leaveOutUnrequired
  })
  const lines = describeAdditions(findings)
  const leftOut = describeLeftOut(findings.packageModulesLeftOut)
  if (leftOut && inputs.trace) host.info(redact(leftOut, secrets))
  if (inputs.trace && inputs.leaveOutUnrequired && findings.unrequired.length)
    host.info(
      redact(
        `leave-out-unrequired: ${findings.unrequired.length} package(s) of distributions the project does not require and no traced command loaded stay out of the build: ${findings.unrequired
          .slice(0, 30)
          .map(a => a.name)
          .join(
            ', '
          )}${findings.unrequired.length > 30 ? ` and ${findings.unrequired.length - 30} more` : ''}`,
        secrets
      )
    )
  if (!inputs.trace)
    host.info(
      `Trace of ${traced.length} run(s) kept for diagnosis only (trace: false): nothing added`
    )
  else
    host.info(
      lines.length
        ? `Trace of ${traced.length} run(s) adds to the build:\n  ${lines.map(l => redact(l, secrets)).join('\n  ')}`
        : `Trace of ${traced.length} run(s): nothing to add beyond what PyInstaller finds`
    )
  const rerun = async (args: string[]): Promise<SideRun> => {
    const cwd = scratchCopy(project, root, 'run-poetry')
    scratchDirs.push(cwd)
    return sideRun(
      await runBounded(tools.poetry.path, poetryArgs(args), {
        cwd: project,
        env: runEnv(cwd),
        timeoutMs
      })
    )
  }
  return { command: side, parity, service, findings, scratchDirs, root, rerun }
}
