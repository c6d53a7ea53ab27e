/**
 * The extraction cache of Nuitka onefile binaries: `{CACHE_DIR}/poetry-binary-action/<name>/<build
 * id>`, one folder per build, reused by every start of that build. Each build adds one; this keeps
 * the newest few of a name and never removes one that a running process uses.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

/** How many extraction folders of one binary name are kept (the current build's among them). */
export const KEEP_EXTRACTIONS = 3

/** Build ids are 12 hex digits: anything else in the folder (the action's own caches) is never touched. */
const BUILD_ID = /^[0-9a-f]{12}$/

/** What the pruning rule needs to know of one folder. */
export interface ExtractionFolder {
  name: string
  /** Last change of the folder itself (a start that unpacks into it changes it). */
  mtimeMs: number
  /** A running process has it as executable, working folder, open file or mapped file. */
  inUse: boolean
}

/**
 * The folders to remove: every build folder beyond the newest `keep` (the current build always
 * counts as kept), except those in use. Ties in age go by name, so the answer is stable. Pure.
 */
export function extractionsToPrune(
  folders: readonly ExtractionFolder[],
  keep: number,
  current?: string
): string[] {
  const builds = folders.filter(f => BUILD_ID.test(f.name))
  const others = builds
    .filter(f => f.name !== current)
    .sort((a, b) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name))
  // The current build counts as kept even before its first start has unpacked it.
  const room = Math.max(0, keep - (current ? 1 : 0))
  const kept = new Set([...(current ? [current] : []), ...others.slice(0, room).map(f => f.name)])
  return builds.filter(f => !kept.has(f.name) && !f.inUse).map(f => f.name)
}

/**
 * Paths running processes use, read from /proc: executable, working folder, open files and mapped
 * files (a onefile child runs `<folder>/<name>.bin` and maps the folder's extension modules).
 * Undefined where there is no /proc (macOS, Windows): then nothing counts as unused.
 */
export function pathsInUse(proc = '/proc'): Set<string> | undefined {
  let pids: string[]
  try {
    pids = fs.readdirSync(proc).filter(p => /^\d+$/.test(p))
  } catch {
    return undefined
  }
  const used = new Set<string>()
  const link = (p: string): void => {
    try {
      used.add(fs.readlinkSync(p))
    } catch {
      // gone, or another user's process
    }
  }
  for (const pid of pids) {
    const dir = path.join(proc, pid)
    link(path.join(dir, 'exe'))
    link(path.join(dir, 'cwd'))
    try {
      for (const fd of fs.readdirSync(path.join(dir, 'fd'))) link(path.join(dir, 'fd', fd))
    } catch {
      // not ours to read
    }
    try {
      for (const line of fs.readFileSync(path.join(dir, 'maps'), 'utf8').split('\n')) {
        const at = line.indexOf('/')
        if (at > 0) used.add(line.slice(at).replace(/ \(deleted\)$/, ''))
      }
    } catch {
      // not ours to read
    }
  }
  return used
}

/** True when a used path is the folder or lies inside it. Pure. */
export function usesFolder(used: Iterable<string>, folder: string): boolean {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep
  for (const p of used) if (p === folder || p.startsWith(prefix)) return true
  return false
}

/**
 * Removes old extraction folders of one binary name under `nameDir`; returns the names removed.
 * Without /proc it removes nothing, since it cannot tell which folders are in use.
 */
export function pruneExtractions(nameDir: string, keep: number, current?: string): string[] {
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(nameDir, { withFileTypes: true })
  } catch {
    return []
  }
  const used = pathsInUse()
  if (!used) return []
  const folders = entries
    .filter(e => e.isDirectory() && BUILD_ID.test(e.name))
    .map(e => {
      const full = path.join(nameDir, e.name)
      return {
        name: e.name,
        mtimeMs: fs.statSync(full).mtimeMs,
        inUse: usesFolder(used, fs.realpathSync(full))
      }
    })
  const removed: string[] = []
  for (const name of extractionsToPrune(folders, keep, current)) {
    try {
      fs.rmSync(path.join(nameDir, name), { recursive: true, force: true })
      removed.push(name)
    } catch {
      // a file held open elsewhere (Windows) or a permission problem: the next build tries again
    }
  }
  return removed
}

/**
 * Python run before the program in a onefile binary, so the user's machine is pruned too: at the
 * first start of a build (no marker file in its folder yet), it removes the older build folders of
 * the same name by the same rule as extractionsToPrune, leaving any a running process uses (Linux:
 * /proc). Later starts cost one stat of the marker. Nothing happens outside a build folder.
 */
export function extractionPruneSource(buildId: string, keep = KEEP_EXTRACTIONS): string {
  return `
def _pba_prune_extractions():
    import os
    import sys

    here = os.path.dirname(os.path.abspath(sys.executable))
    marker = os.path.join(here, '.poetry-binary-action-pruned')
    if os.path.basename(here) != ${JSON.stringify(buildId)} or os.path.exists(marker) or not os.path.isdir('/proc'):
        return
    try:
        open(marker, 'w').close()
    except OSError:
        return
    import re
    import shutil

    parent = os.path.dirname(here)
    builds = []
    for name in os.listdir(parent):
        full = os.path.join(parent, name)
        if name != os.path.basename(here) and re.fullmatch('[0-9a-f]{12}', name) and os.path.isdir(full):
            builds.append((-os.stat(full).st_mtime, name, os.path.realpath(full)))
    builds.sort()
    old = builds[max(0, ${keep} - 1):]
    if not old:
        return
    used = set()
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        base = os.path.join('/proc', pid)
        for link in ['exe', 'cwd'] + [os.path.join('fd', fd) for fd in _pba_list(os.path.join(base, 'fd'))]:
            try:
                used.add(os.readlink(os.path.join(base, link)))
            except OSError:
                pass
        try:
            with open(os.path.join(base, 'maps')) as maps:
                for line in maps:
                    at = line.find('/')
                    if at > 0:
                        used.add(line[at:].rstrip('\\n'))
        except OSError:
            pass
    for _, name, real in old:
        if not any(p == real or p.startswith(real + os.sep) for p in used):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def _pba_list(folder):
    import os

    try:
        return os.listdir(folder)
    except OSError:
        return []


try:
    _pba_prune_extractions()
except Exception:
    pass
del _pba_prune_extractions, _pba_list
`
}
