import * as fs from 'node:fs'
import * as path from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import type { RunContext } from '../context.js'
import { ActionError } from '../errors.js'

export interface ArtifactRequest {
  name: string
  retentionDays?: number
  /** The binary file, or the onedir folder. */
  bundle: string
  /** Reports and the spec, uploaded beside the binary. */
  files: string[]
}

export interface UploadedArtifact {
  id: number
  name: string
  size: number
  files: string[]
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? listFiles(full) : [full]
  })
}

/**
 * Stages the binary, metrics.json, the report and the spec in one folder and uploads it as one
 * artifact; a failure is an error (a half-uploaded artifact is worse than none).
 */
export async function uploadArtifact(
  req: ArtifactRequest,
  ctx: RunContext
): Promise<UploadedArtifact> {
  const staging = path.join(ctx.tempDir, 'artifact', req.name)
  fs.rmSync(staging, { recursive: true, force: true })
  fs.mkdirSync(staging, { recursive: true })
  fs.cpSync(req.bundle, path.join(staging, path.basename(req.bundle)), { recursive: true })
  for (const file of req.files) {
    if (fs.existsSync(file)) fs.copyFileSync(file, path.join(staging, path.basename(file)))
  }
  const files = listFiles(staging)
  try {
    const client = new DefaultArtifactClient()
    const r = await client.uploadArtifact(req.name, files, staging, {
      retentionDays: req.retentionDays
    })
    if (r.id === undefined) throw new Error('the service returned no artifact id')
    return {
      id: r.id,
      name: req.name,
      size: r.size ?? 0,
      files: files.map(f => path.relative(staging, f))
    }
  } catch (err) {
    throw new ActionError(
      `Artifact upload of "${req.name}" failed: ${(err as Error).message.split('\n')[0]}`
    )
  }
}
