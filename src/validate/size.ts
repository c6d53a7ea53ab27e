import * as fs from 'node:fs'
import * as path from 'node:path'

/** Bytes on disk of a file, or of every file under a folder (onedir bundles). */
export function measureSize(target: string): number {
  const stat = fs.lstatSync(target)
  if (!stat.isDirectory()) return stat.size
  let total = 0
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const full = path.join(target, entry.name)
    total += entry.isDirectory() ? measureSize(full) : entry.isFile() ? fs.statSync(full).size : 0
  }
  return total
}
