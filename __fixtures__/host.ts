import type { AnnotationProps, Host } from '../src/host.js'

/** A Host that records everything, for tests of stages that report. */
export interface RecordingHost extends Host {
  lines: { kind: string; message: string; props?: AnnotationProps }[]
  outputs: Record<string, string>
  secrets: string[]
  summaries: string[]
  failures: string[]
  /** Every recorded line, joined, for "never printed" assertions. */
  text(): string
}

/** Creates a recording Host (not inside Actions unless asked). */
export function recordingHost(isActions = false): RecordingHost {
  const host: RecordingHost = {
    isActions,
    lines: [],
    outputs: {},
    secrets: [],
    summaries: [],
    failures: [],
    info: m => void host.lines.push({ kind: 'info', message: m }),
    debug: m => void host.lines.push({ kind: 'debug', message: m }),
    notice: (m, p) => void host.lines.push({ kind: 'notice', message: m, props: p }),
    warning: (m, p) => void host.lines.push({ kind: 'warning', message: m, props: p }),
    error: (m, p) => void host.lines.push({ kind: 'error', message: m, props: p }),
    group: async (_name, fn) => fn(),
    setOutput: (name, value) => void (host.outputs[name] = String(value)),
    setSecret: v => void host.secrets.push(v),
    writeSummary: async md => void host.summaries.push(md),
    setFailed: m => void host.failures.push(m),
    text: () =>
      [
        ...host.lines.map(l => l.message),
        ...host.summaries,
        ...host.failures,
        ...Object.values(host.outputs)
      ].join('\n')
  }
  return host
}
