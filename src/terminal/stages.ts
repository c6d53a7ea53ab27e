import { formatMs } from '../units.js'
import { pad, truncate, type Paint } from './text.js'

/** A finished stage as the terminal shows it: one line. */
export interface StageLine {
  name: string
  ms: number
  passed: boolean
  /** What ran inside it (its log groups), joined. */
  detail: string
}

const NAME_WIDTH = 9
const TIME_WIDTH = 8

/** `  ✓ build       9.28 s  PyInstaller build of agent-runner`, cut to width. Pure. */
export function renderStageLine(stage: StageLine, width: number, p: Paint): string {
  const markText = stage.passed ? '✓' : '✗'
  const head = `  ${markText} ${pad(stage.name, NAME_WIDTH)}${pad(formatMs(stage.ms), TIME_WIDTH, 'right')}`
  const detail = stage.detail ? truncate(`  ${stage.detail}`, width - head.length) : ''
  const line = truncate(head, width) + detail
  return line
    .replace(markText, stage.passed ? p.green(markText) : p.red(markText))
    .replace(detail, p.dim(detail))
}

/** `  … build      30 s so far  <the log's last line>`, cut to width. Pure. */
export function renderProgressLine(
  name: string,
  ms: number,
  lastLogLine: string | undefined,
  width: number,
  p: Paint
): string {
  const head = `  … ${pad(name, NAME_WIDTH)}${pad(`${Math.round(ms / 1000)} s`, TIME_WIDTH, 'right')} so far`
  const last = lastLogLine?.trim() ? truncate(`  ${lastLogLine.trim()}`, width - head.length) : ''
  return p.dim(truncate(head, width) + last)
}
