import * as os from 'node:os'
import * as path from 'node:path'
import type { Host } from './host.js'
import { detectPlatform, type Platform } from './platform.js'

/** What every stage may use from its surroundings: where to log, which platform, and where to put files. */
export interface RunContext {
  host: Host
  platform: Platform
  /** The environment children inherit (before stage-specific additions). */
  env: NodeJS.ProcessEnv
  /** Scratch space for this run (RUNNER_TEMP on a runner). */
  tempDir: string
  /** Where installed tools live between runs (RUNNER_TOOL_CACHE on a runner). */
  toolCacheDir: string
}

/**
 * Builds the context. Outside Actions, RUNNER_TEMP and RUNNER_TOOL_CACHE get user-level defaults
 * because @actions/tool-cache insists on them.
 */
export function createContext(
  host: Host,
  env: NodeJS.ProcessEnv = process.env,
  platform?: Platform
): RunContext {
  const home = os.homedir()
  const base = env.XDG_CACHE_HOME || path.join(home, '.cache')
  if (!env.RUNNER_TEMP) env.RUNNER_TEMP = path.join(os.tmpdir(), 'poetry-binary-action')
  if (!env.RUNNER_TOOL_CACHE)
    env.RUNNER_TOOL_CACHE = path.join(base, 'poetry-binary-action', 'tools')
  return {
    host,
    platform: platform ?? detectPlatform(),
    env,
    tempDir: env.RUNNER_TEMP,
    toolCacheDir: env.RUNNER_TOOL_CACHE
  }
}
