/** File writes that keep what did not change. */
import * as fs from 'node:fs'

/**
 * Writes text to a file only when its content differs, so an unchanged file keeps its mtime:
 * PyInstaller re-runs its whole analysis when a script or runtime hook looks newer than its last
 * build. Returns the file.
 */
export function writeIfChanged(file: string, text: string, mode?: number): string {
  let same = false
  try {
    same = fs.readFileSync(file, 'utf8') === text
  } catch {
    same = false
  }
  if (!same) fs.writeFileSync(file, text, mode === undefined ? undefined : { mode })
  else if (mode !== undefined) fs.chmodSync(file, mode)
  return file
}
