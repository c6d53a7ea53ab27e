import type { RunContext } from '../context.js'
import { errorLine } from '../errors.js'
import { Output } from '../report/index.js'
import { uploadArtifact, type ArtifactRequest, type UploadedArtifact } from './artifact.js'
import { postStickyComment } from './pr-comment.js'

/**
 * Sets the comment-body output and posts (or edits) the sticky PR comment. Without permission (a
 * fork's read-only token) the body goes to the job summary instead; that is not a failure.
 */
export async function publishComment(
  body: string,
  marker: string,
  options: { comment: boolean; githubToken?: string },
  ctx: RunContext
): Promise<void> {
  ctx.host.setOutput(Output.CommentBody, body)
  if (!options.comment) return
  const posted = await postStickyComment(body, marker, options.githubToken, ctx)
  if (posted === 'denied')
    await ctx.host.writeSummary(`### PR comment (not posted: no permission)\n\n${body}`)
  if (posted === 'created' || posted === 'updated') ctx.host.info(`PR comment ${posted}`)
}

/**
 * Uploads the binary and its reports as one artifact when inside Actions with an artifact service;
 * says why not otherwise. A failed upload is returned, not thrown: the step fails with it after the
 * report is out.
 */
export async function publishArtifact(
  request: ArtifactRequest,
  upload: boolean,
  ctx: RunContext
): Promise<{ artifact?: UploadedArtifact; error?: string }> {
  if (!upload || !ctx.host.isActions) {
    ctx.host.info(
      upload ? 'Not inside GitHub Actions: no artifact upload' : 'upload: false, no artifact upload'
    )
    return {}
  }
  if (!ctx.env.ACTIONS_RUNTIME_TOKEN || !ctx.env.ACTIONS_RESULTS_URL) {
    ctx.host.warning(
      'The artifact service is not available to this step (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL); skipping the upload'
    )
    return {}
  }
  try {
    const uploaded = await ctx.host.group(`Upload artifact ${request.name}`, () =>
      uploadArtifact(request, ctx)
    )
    ctx.host.info(
      `Uploaded artifact ${uploaded.name} (id ${uploaded.id}, ${uploaded.size} bytes): ${uploaded.files.join(', ')}`
    )
    ctx.host.setOutput(Output.ArtifactId, uploaded.id)
    return { artifact: uploaded }
  } catch (err) {
    return { error: errorLine(err) }
  }
}
