import * as fs from 'node:fs'

/** The webhook payload of the triggering event (GITHUB_EVENT_PATH); empty when there is none. */
export function readEvent(env: NodeJS.ProcessEnv): Record<string, unknown> {
  try {
    return env.GITHUB_EVENT_PATH
      ? (JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}
