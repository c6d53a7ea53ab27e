import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileSha256 } from '../hash.js'

/** Every file of a bundle, relative to the bundle's parent folder, sorted (`name` or `name/…`). */
function bundleFiles(bundle: string): string[] {
  if (!fs.statSync(bundle).isDirectory()) return [path.basename(bundle)]
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
      const full = path.join(dir, e.name)
      return e.isDirectory() ? walk(full) : e.isFile() ? [full] : []
    })
  return walk(bundle)
    .map(f => path.relative(path.dirname(bundle), f).split(path.sep).join('/'))
    .sort()
}

/**
 * `SHA256SUMS` in the format `sha256sum -c` reads: `<hex>  <path>` per line, paths relative to the
 * folder that holds the bundle, so `cd dist && sha256sum -c SHA256SUMS` checks a download.
 */
export function checksums(bundle: string): string {
  const root = path.dirname(bundle)
  return bundleFiles(bundle)
    .map(rel => `${fileSha256(path.join(root, rel))}  ${rel}\n`)
    .join('')
}
