import * as crypto from 'node:crypto'
import * as fs from 'node:fs'

/** SHA-256 of some bytes, hex. */
export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex')
}

/** SHA-256 of a file's content, hex. */
export function fileSha256(file: string): string {
  return sha256Hex(fs.readFileSync(file))
}
