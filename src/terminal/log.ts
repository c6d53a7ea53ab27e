import * as fs from 'node:fs'
import * as path from 'node:path'
import { dirname } from 'node:path'
import { stripAnsi } from './text.js'

/** The run's log file: every tool line, debug line and displayed line, with the last tool lines kept for a failure. */
export class RunLog {
  private readonly fd: number
  private readonly recent: string[] = []

  constructor(
    readonly path: string,
    private readonly keep = 40
  ) {
    fs.mkdirSync(dirname(path), { recursive: true })
    this.fd = fs.openSync(path, 'w')
  }

  /**
   * Appends a line. Tool output is also kept for `tail`; what the CLI displayed, debug lines and its
   * own bookkeeping (`kind: 'own'`) are not, since the person saw them or they say nothing of a failure.
   */
  write(line: string, kind: 'tool' | 'own' = 'tool'): void {
    const plain = stripAnsi(line)
    fs.writeSync(this.fd, `${plain}\n`)
    if (kind === 'own' || plain.trim() === '') return
    this.recent.push(plain)
    if (this.recent.length > this.keep) this.recent.shift()
  }

  /** The last n lines of tool output. */
  tail(n: number): string[] {
    return this.recent.slice(-n)
  }

  close(): void {
    fs.closeSync(this.fd)
  }
}

/** A fresh log path under the run's temp folder, named by the time it started. */
export function defaultLogPath(tempDir: string, started: Date = new Date()): string {
  const stamp = started.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
  return path.join(tempDir, 'logs', `poetry-binary-${stamp}-${process.pid}.log`)
}
