import type { AnnotationProps, Host } from '../host.js'
import type { RunLog } from '../terminal/log.js'
import { renderProgressLine, renderStageLine } from '../terminal/stages.js'
import { paint, wrap } from '../terminal/text.js'
import { CommandReader } from '../terminal/workflow-commands.js'

export interface TerminalOptions {
  /** Writes to what the person reads: stdout, or stderr when stdout carries --json. */
  display: (text: string) => void
  log: RunLog
  width: number
  color: boolean
  /** Shows every log line too, as it comes. */
  verbose: boolean
  /** How often a long stage says it is still running. */
  progressEveryMs?: number
  now?: () => number
}

/** The terminal host, with what the CLI reads back at the end. */
export interface TerminalHost extends Host {
  outputs: Record<string, string>
  /** The step's failure, with what was thrown (an InputError means bad input: exit 2). */
  failure?: { message: string; cause?: unknown }
  /** Error annotations, shown with the closing verdict instead of as they come. */
  errors: string[]
  /** A line someone else wrote to stdout or stderr: workflow commands are handled, the rest logged. */
  toolLine(line: string): void
  /** Lines for the person: masked, logged, shown. */
  show(lines: string[]): void
  /** Prints the last finished stage and stops every timer. */
  close(): void
}

/** A stage run this short, with nothing inside, does not break the line of the stage around it. */
const QUICK_MS = 100

interface OpenStage {
  name: string
  started: number
  groups: string[]
}

interface PendingStage {
  name: string
  ms: number
  passed: boolean
  groups: string[]
}

/**
 * The host for local CLI runs. The person sees one line per stage, notices, warnings and the
 * closing report; tool output, info and debug lines go to the log. Masks apply to both.
 */
export function terminalHost(o: TerminalOptions): TerminalHost {
  const now = o.now ?? Date.now
  const p = paint(o.color)
  const secrets: string[] = []
  const reader = new CommandReader()
  const open: OpenStage[] = []
  // A finished stage's line waits until a stage of another name does real work, so repeated runs of
  // one stage share a line, and quick runs in between (a cache that is off) wait in `between`.
  let pending: PendingStage | undefined
  let between: PendingStage[] = []
  let lastToolLine: string | undefined
  const timers = new Set<NodeJS.Timeout>()

  const mask = (text: string): string =>
    secrets.reduce((acc, s) => (s ? acc.split(s).join('***') : acc), text)
  const emit = (line: string): void => {
    o.log.write(line, 'own')
    o.display(`${line}\n`)
  }
  const flushStage = (): void => {
    for (const stage of [...(pending ? [pending] : []), ...between]) {
      emit(
        renderStageLine(
          {
            name: stage.name,
            ms: stage.ms,
            passed: stage.passed,
            detail: stage.groups.join(' · ')
          },
          o.width,
          p
        )
      )
    }
    pending = undefined
    between = []
  }
  const finishStage = (done: PendingStage): void => {
    const merge = (into: PendingStage): void => {
      into.ms += done.ms
      into.passed &&= done.passed
      into.groups.push(...done.groups)
    }
    if (pending?.name === done.name) return merge(pending)
    const quick = done.passed && done.ms < QUICK_MS && done.groups.length === 0
    if (pending && quick) {
      const earlier = between.find(b => b.name === done.name)
      if (earlier) merge(earlier)
      else between.push(done)
      return
    }
    flushStage()
    pending = done
    if (!done.passed) flushStage()
  }
  const show = (lines: string[]): void => {
    flushStage()
    for (const line of lines) emit(mask(line))
  }
  // Lines shown during a stage come before its own line: only an earlier stage's line goes first.
  const flushEarlier = (): void => {
    if (pending && pending.name !== open[open.length - 1]?.name) flushStage()
  }
  const announce = (lines: string[]): void => {
    flushEarlier()
    for (const line of lines) emit(mask(line))
  }
  const logLine = (line: string, kind: 'tool' | 'own' = 'tool'): void => {
    const masked = mask(line)
    o.log.write(masked, kind)
    if (kind === 'tool' && masked.trim()) lastToolLine = masked
    if (o.verbose) {
      flushEarlier()
      o.display(`${p.dim(masked)}\n`)
    }
  }
  const annotation = (kind: string, m: string, props?: AnnotationProps): string[] =>
    wrap(mask(m), o.width, `  ${kind}${props?.title ? ` (${mask(props.title)})` : ''}: `, '    ')

  const host: TerminalHost = {
    isActions: false,
    outputs: {},
    errors: [],
    info: m => m.split(/\r?\n/).forEach(l => logLine(l)),
    debug: m => m.split(/\r?\n/).forEach(l => logLine(`debug: ${l}`, 'own')),
    notice: (m, props) => announce(annotation('note', m, props)),
    warning: (m, props) => announce(annotation(p.yellow('warning'), m, props)),
    error: (m, props) => {
      logLine(`error${props?.title ? ` (${props.title})` : ''}: ${m}`, 'own')
      host.errors.push(mask(m))
    },
    async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
      open[open.length - 1]?.groups.push(mask(name))
      logLine(`▶ ${name}`)
      return fn()
    },
    async stage<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const stage: OpenStage = { name, started: now(), groups: [] }
      open.push(stage)
      const timer = setInterval(() => {
        flushEarlier()
        emit(renderProgressLine(name, now() - stage.started, lastToolLine, o.width, p))
      }, o.progressEveryMs ?? 30_000)
      timer.unref()
      timers.add(timer)
      let passed = false
      try {
        const result = await fn()
        passed = true
        return result
      } finally {
        clearInterval(timer)
        timers.delete(timer)
        open.pop()
        finishStage({ name, ms: now() - stage.started, passed, groups: stage.groups })
      }
    },
    setOutput(name, value) {
      host.outputs[name] = String(value)
    },
    setSecret(v) {
      if (v) secrets.push(v)
    },
    // The markdown summary is report.md already; the CLI renders its own report from metrics.json.
    async writeSummary() {},
    setFailed(m, cause) {
      host.failure = { message: mask(m), cause }
      logLine(`error: ${m}`, 'own')
    },
    toolLine(line) {
      const command = reader.read(line)
      if (!command) return logLine(line)
      switch (command.name) {
        case 'debug':
          return logLine(`debug: ${command.message}`, 'own')
        case 'notice':
          return host.notice(command.message, command.properties)
        case 'warning':
          return host.warning(command.message, command.properties)
        case 'error':
          return host.error(command.message, command.properties)
        case 'group':
          return logLine(`▶ ${command.message}`)
        case 'endgroup':
          return
        case 'add-mask':
          return host.setSecret(command.message)
        default:
          // set-output, save-state, add-path, echo, stop-commands: runner bookkeeping, kept in the log.
          return logLine(`${command.name}: ${command.message}`, 'own')
      }
    },
    show,
    close() {
      for (const t of timers) clearInterval(t)
      timers.clear()
      flushStage()
    }
  }
  return host
}
