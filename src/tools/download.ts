import * as fs from 'node:fs'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { HttpClient } from '@actions/http-client'

export interface DownloadOptions {
  /** Limit for one attempt: connecting, and then any silence while receiving. */
  timeoutMs: number
  /** Attempts after the first; a restricted runner should not spend minutes on an unreachable host. */
  retries: number
  /** Pause before a retry. */
  retryDelayMs: number
}

export const DOWNLOAD_DEFAULTS: DownloadOptions = {
  timeoutMs: 20_000,
  retries: 1,
  retryDelayMs: 2_000
}

/**
 * Downloads `url` to a new file in `dir` with a bounded time per attempt and a bounded number of
 * retries (proxy settings honoured through @actions/http-client). Throws the last error.
 */
export async function downloadBounded(
  url: string,
  dir: string,
  options: DownloadOptions = DOWNLOAD_DEFAULTS
): Promise<string> {
  fs.mkdirSync(dir, { recursive: true })
  const dest = path.join(dir, `${Date.now()}-${path.basename(new URL(url).pathname) || 'download'}`)
  let last: unknown
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await new Promise(r => setTimeout(r, options.retryDelayMs))
    const client = new HttpClient('poetry-binary-action', [], {
      socketTimeout: options.timeoutMs,
      allowRetries: false,
      allowRedirects: true,
      maxRedirects: 5
    })
    const deadline = setTimeout(() => client.dispose(), options.timeoutMs * 3)
    try {
      const res = await client.get(url)
      const status = res.message.statusCode ?? 0
      if (status !== 200) {
        res.message.resume()
        throw new Error(`HTTP ${status}`)
      }
      await pipeline(res.message, fs.createWriteStream(dest))
      return dest
    } catch (err) {
      last = err
      fs.rmSync(dest, { force: true })
    } finally {
      clearTimeout(deadline)
      client.dispose()
    }
  }
  throw last instanceof Error ? last : new Error(String(last))
}
