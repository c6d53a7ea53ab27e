/** Where the pipeline reports to: the Actions runner, or a terminal when run through the CLI. */

export interface AnnotationProps {
  title?: string
  file?: string
}

export interface Host {
  /** True inside a GitHub Actions job; Actions-only effects (cache, artifacts, comments) are skipped otherwise. */
  readonly isActions: boolean
  info(message: string): void
  debug(message: string): void
  notice(message: string, props?: AnnotationProps): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  /** Runs fn inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** Runs one pipeline stage (timed by main.ts), for hosts that show stages as they end; optional. */
  stage?<T>(name: string, fn: () => Promise<T>): Promise<T>
  setOutput(name: string, value: string | number | boolean): void
  /** Masks a value in every later log line. */
  setSecret(value: string): void
  /** Appends markdown to the job summary (or prints it on a terminal). */
  writeSummary(markdown: string): Promise<void>
  /** Fails the step; cause is what was thrown, when something was (the CLI's exit code reads it). */
  setFailed(message: string, cause?: unknown): void
}
