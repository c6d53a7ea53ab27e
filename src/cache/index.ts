import * as fs from 'node:fs'
import * as cache from '@actions/cache'
import type { RunContext } from '../context.js'
import { errorLine } from '../errors.js'
import type { CacheKey } from './keys.js'
import { readEvent } from '../github.js'

export type CacheKind = 'tools' | 'venv' | 'build'

/** What happened to one cache, for the log, metrics and the summary. */
export interface CacheOutcome {
  kind: CacheKind
  key: string
  result: 'hit' | 'partial' | 'miss' | 'error' | 'disabled'
  matchedKey?: string
  restoreMs: number
  saved?: 'saved' | 'skipped' | 'error'
  saveMs?: number
  detail?: string
}

/** Runs a promise with a time limit; a late operation is abandoned (the action exits at the end regardless). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

/** True on a pull request from a fork, whose token must not write caches. */
export function isForkPullRequest(event: unknown): boolean {
  const pr = (
    event as {
      pull_request?: {
        head?: { repo?: { full_name?: string } }
        base?: { repo?: { full_name?: string } }
      }
    }
  )?.pull_request
  const head = pr?.head?.repo?.full_name
  const base = pr?.base?.repo?.full_name
  return Boolean(pr && head && base && head !== base)
}

/**
 * The cache stage: restore before work, save after it, only on a miss. Every failure is a warning;
 * the build never depends on the cache.
 */
export class Caches {
  readonly outcomes: CacheOutcome[] = []
  private readonly available: boolean
  private readonly fork: boolean

  constructor(
    private readonly ctx: RunContext,
    private readonly enabled: boolean,
    private readonly timeoutMs: number
  ) {
    this.available = enabled && ctx.host.isActions && cache.isFeatureAvailable()
    this.fork = isForkPullRequest(readEvent(ctx.env))
    if (enabled && ctx.host.isActions && !this.available) {
      ctx.host.warning(
        'The Actions cache service is not available to this job; building without caches'
      )
    }
  }

  /** Restores paths for a key; returns the outcome (never throws). */
  async restore(kind: CacheKind, paths: string[], key: CacheKey): Promise<CacheOutcome> {
    const started = Date.now()
    const outcome: CacheOutcome = { kind, key: key.key, result: 'disabled', restoreMs: 0 }
    if (this.available) {
      try {
        const matched = await withTimeout(
          cache.restoreCache(paths, key.key, key.restoreKeys),
          this.timeoutMs,
          `Restoring the ${kind} cache`
        )
        outcome.matchedKey = matched
        outcome.result = matched === undefined ? 'miss' : matched === key.key ? 'hit' : 'partial'
      } catch (err) {
        outcome.result = 'error'
        outcome.detail = errorLine(err)
        this.ctx.host.warning(
          `Cache restore failed for ${kind} (${outcome.detail}); continuing without it`
        )
      }
    }
    outcome.restoreMs = Date.now() - started
    this.ctx.host.info(
      `cache ${kind}: ${outcome.result}${outcome.matchedKey && outcome.result === 'partial' ? ` (from ${outcome.matchedKey})` : ''} in ${outcome.restoreMs} ms`
    )
    this.outcomes.push(outcome)
    return outcome
  }

  /** Marks a restored cache as unusable (it failed verification), so it is saved afresh. */
  reject(outcome: CacheOutcome, why: string): void {
    this.ctx.host.warning(`The restored ${outcome.kind} cache is unusable (${why}); rebuilding it`)
    outcome.result = 'miss'
    outcome.detail = why
  }

  /** Saves paths unless the restore was an exact hit, this is a fork PR, or caching is off. */
  async save(outcome: CacheOutcome, paths: string[]): Promise<void> {
    if (!this.available || outcome.result === 'hit') return
    if (this.fork) {
      outcome.saved = 'skipped'
      outcome.detail = 'pull request from a fork'
      return
    }
    // Save the same path list the restore used: the cache version is a hash of it.
    if (!paths.some(p => fs.existsSync(p))) {
      outcome.saved = 'skipped'
      outcome.detail = 'nothing to save'
      return
    }
    const started = Date.now()
    try {
      await withTimeout(
        cache.saveCache(paths, outcome.key),
        this.timeoutMs,
        `Saving the ${outcome.kind} cache`
      )
      outcome.saved = 'saved'
    } catch (err) {
      outcome.saved = 'error'
      outcome.detail = errorLine(err)
      this.ctx.host.warning(
        `Cache save failed for ${outcome.kind} (${outcome.detail}); the next run builds without it`
      )
    }
    outcome.saveMs = Date.now() - started
    this.ctx.host.info(`cache ${outcome.kind}: save ${outcome.saved} in ${outcome.saveMs} ms`)
  }
}
