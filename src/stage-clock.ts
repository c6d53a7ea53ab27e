import type { Host } from './host.js'

/** Times each stage (summed over repeats) for metrics.timings and the log. */
export class StageClock {
  readonly timings: Record<string, number> = {}
  constructor(private readonly host: Host) {}
  async run<T>(stage: string, fn: () => Promise<T> | T): Promise<T> {
    const started = Date.now()
    const body = async (): Promise<T> => fn()
    try {
      return await (this.host.stage ? this.host.stage(stage, body) : body())
    } finally {
      this.timings[stage] = (this.timings[stage] ?? 0) + Date.now() - started
      this.host.debug(`stage ${stage}: ${this.timings[stage]} ms`)
    }
  }
}
