import type { RunContext } from '../context.js'
import { errorLine } from '../errors.js'
import { readEvent, restClient } from '../github.js'

export type CommentResult =
  'created' | 'updated' | 'not-a-pull-request' | 'no-token' | 'denied' | 'failed'

/** The PR number of a pull_request event, if any. Pure. */
export function pullRequestNumber(event: Record<string, unknown>): number | undefined {
  const n = (event.pull_request as { number?: number } | undefined)?.number
  return typeof n === 'number' ? n : undefined
}

/** Picks our earlier comment by its hidden marker, so the comment is edited, not repeated. Pure. */
export function findMarked<T extends { id: number; body?: string | null }>(
  comments: T[],
  marker: string
): T | undefined {
  return comments.find(c => c.body?.includes(marker))
}

/**
 * Creates or edits the sticky PR comment. A token without write access (fork PRs) is not an error:
 * the body is in the `comment-body` output and the job summary for a `workflow_run` job to post.
 */
export async function postStickyComment(
  body: string,
  marker: string,
  token: string | undefined,
  ctx: RunContext
): Promise<CommentResult> {
  const event = readEvent(ctx.env)
  const issue = pullRequestNumber(event)
  if (issue === undefined) return 'not-a-pull-request'
  if (!token) return 'no-token'
  const [owner, repo] = (ctx.env.GITHUB_REPOSITORY ?? '').split('/')
  const octokit = restClient(token, ctx.env)
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue,
      per_page: 100
    })
    const mine = findMarked(comments, marker)
    if (mine) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body })
      return 'updated'
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })
    return 'created'
  } catch (err) {
    const status = (err as { status?: number }).status
    if (status === 403 || status === 404) {
      ctx.host.warning(
        'This token may not comment on the pull request (a fork PR, or no pull-requests: write); the comment is in the comment-body output and the job summary'
      )
      return 'denied'
    }
    ctx.host.warning(`Could not post the PR comment (${errorLine(err)})`)
    return 'failed'
  }
}
