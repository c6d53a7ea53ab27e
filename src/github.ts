import * as fs from 'node:fs'
import * as github from '@actions/github'

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

/** Link to this workflow run, when running in Actions. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const {
    GITHUB_SERVER_URL: server = 'https://github.com',
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: id
  } = env
  return repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined
}

/** A REST client for this runner's GitHub API (GITHUB_API_URL, so GHES and test servers work). */
export function restClient(
  token: string,
  env: NodeJS.ProcessEnv
): ReturnType<typeof github.getOctokit> {
  return github.getOctokit(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com' })
}
