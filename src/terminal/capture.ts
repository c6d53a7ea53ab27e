import { LineSplitter } from './workflow-commands.js'

/** Writes text to the real stream, past the capture. */
export type Writer = (text: string) => void

export interface CapturedStdio {
  /** The real stdout and stderr, for what the CLI itself shows. */
  stdout: Writer
  stderr: Writer
  /** Hands on any unfinished last line and puts the original writers back. */
  restore(): void
}

type WriteArgs = [chunk: unknown, encoding?: unknown, callback?: unknown]

/**
 * Takes over process.stdout and process.stderr for the rest of the run, line by line. Every
 * library the pipeline uses writes there: @actions/exec echoes each tool's output and its
 * `[command]` line, and @actions/core writes `::debug::`, `::group::`, `::add-mask::` and
 * annotations as workflow commands, with no setting to send them elsewhere. Catching the writes is
 * the one place that sees all of it, so the terminal shows only what the CLI renders.
 */
export function captureStdio(
  onLine: (line: string, stream: 'stdout' | 'stderr') => void
): CapturedStdio {
  const realOut = process.stdout.write.bind(process.stdout) as (text: string) => boolean
  const realErr = process.stderr.write.bind(process.stderr) as (text: string) => boolean
  const original = { out: process.stdout.write, err: process.stderr.write }
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() }
  const replacement =
    (stream: 'stdout' | 'stderr') =>
    (...[chunk, encoding, callback]: WriteArgs): boolean => {
      const text =
        typeof chunk === 'string'
          ? chunk
          : Buffer.from(chunk as Uint8Array).toString(
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'
            )
      for (const line of splitters[stream].push(text)) onLine(line, stream)
      const done = typeof encoding === 'function' ? encoding : callback
      if (typeof done === 'function') process.nextTick(done as () => void)
      return true
    }
  process.stdout.write = replacement('stdout') as typeof process.stdout.write
  process.stderr.write = replacement('stderr') as typeof process.stderr.write
  return {
    stdout: text => void realOut(text),
    stderr: text => void realErr(text),
    restore() {
      for (const stream of ['stdout', 'stderr'] as const)
        for (const line of splitters[stream].flush()) onLine(line, stream)
      process.stdout.write = original.out
      process.stderr.write = original.err
    }
  }
}
