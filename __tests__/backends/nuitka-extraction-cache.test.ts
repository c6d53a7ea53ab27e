import { execFileSync, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  extractionPruneSource,
  extractionsToPrune,
  pathsInUse,
  pruneExtractions,
  usesFolder,
  type ExtractionFolder
} from '../../src/backends/nuitka/extraction-cache.js'

const folder = (name: string, hoursAgo: number, inUse = false): ExtractionFolder => ({
  name,
  mtimeMs: 1_000_000_000 - hoursAgo * 3600_000,
  inUse
})

describe('extractionsToPrune', () => {
  it('keeps the current build and the newest others up to keep, removes the rest', () => {
    const folders = [
      folder('aaaaaaaaaaa1', 1),
      folder('aaaaaaaaaaa2', 2),
      folder('aaaaaaaaaaa3', 3),
      folder('aaaaaaaaaaa4', 4),
      folder('cccccccccccc', 10)
    ]
    // The current build is the oldest folder here (reused), and still kept.
    expect(extractionsToPrune(folders, 3, 'cccccccccccc')).toEqual(['aaaaaaaaaaa3', 'aaaaaaaaaaa4'])
  })

  it('counts the current build as kept before its first start has unpacked it', () => {
    const folders = [
      folder('aaaaaaaaaaa1', 1),
      folder('aaaaaaaaaaa2', 2),
      folder('aaaaaaaaaaa3', 3)
    ]
    expect(extractionsToPrune(folders, 3, 'bbbbbbbbbbbb')).toEqual(['aaaaaaaaaaa3'])
    expect(extractionsToPrune(folders, 3)).toEqual([])
  })

  it('never removes a folder in use, and never anything that is not a build id', () => {
    const folders = [
      folder('aaaaaaaaaaa1', 1),
      folder('aaaaaaaaaaa2', 2, true),
      folder('aaaaaaaaaaa3', 3),
      folder('tools', 9),
      folder('v1.7.12', 9),
      folder('AAAAAAAAAAA4', 9)
    ]
    expect(extractionsToPrune(folders, 1, 'aaaaaaaaaaa1')).toEqual(['aaaaaaaaaaa3'])
  })

  it('breaks ties in age by name, so the answer does not depend on listing order', () => {
    const a = [folder('aaaaaaaaaaa2', 1), folder('aaaaaaaaaaa1', 1), folder('aaaaaaaaaaa3', 1)]
    expect(extractionsToPrune(a, 2, undefined)).toEqual(['aaaaaaaaaaa3'])
    expect(extractionsToPrune([...a].reverse(), 2, undefined)).toEqual(['aaaaaaaaaaa3'])
  })
})

describe('usesFolder', () => {
  it('matches the folder and what lies inside it, not a sibling with the same prefix', () => {
    expect(usesFolder(['/c/app/aaaaaaaaaaa1/app.bin'], '/c/app/aaaaaaaaaaa1')).toBe(true)
    expect(usesFolder(['/c/app/aaaaaaaaaaa1'], '/c/app/aaaaaaaaaaa1')).toBe(true)
    expect(usesFolder(['/c/app/aaaaaaaaaaa10/x'], '/c/app/aaaaaaaaaaa1')).toBe(false)
  })
})

describe('pruneExtractions (real folders, real /proc)', () => {
  it('removes the old folders and keeps the one a running process works in', async () => {
    if (!pathsInUse()) return // no /proc: nothing is pruned, by design
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-prune-'))
    const ids = ['aaaaaaaaaaa1', 'aaaaaaaaaaa2', 'aaaaaaaaaaa3', 'aaaaaaaaaaa4']
    ids.forEach((id, i) => {
      fs.mkdirSync(path.join(root, id, 'lib'), { recursive: true })
      fs.writeFileSync(path.join(root, id, 'lib', 'x.so'), 'x')
      const t = new Date(Date.now() - (i + 1) * 3600_000)
      fs.utimesSync(path.join(root, id), t, t)
    })
    const child = spawn(process.execPath, ['-e', 'process.stdin.resume()'], {
      cwd: path.join(root, ids[3]),
      stdio: ['pipe', 'ignore', 'ignore']
    })
    try {
      await new Promise<void>(resolve => child.once('spawn', () => resolve()))
      expect(pruneExtractions(root, 2, 'bbbbbbbbbbbb')).toEqual(['aaaaaaaaaaa2', 'aaaaaaaaaaa3'])
      expect(fs.readdirSync(root).sort()).toEqual(['aaaaaaaaaaa1', 'aaaaaaaaaaa4'])
    } finally {
      child.kill('SIGKILL')
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('extractionPruneSource (the binary prunes the user machine at its first start)', () => {
  it('removes older build folders once, by the same rule, and only from inside a build folder', () => {
    if (!pathsInUse()) return
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-prune-py-'))
    const current = 'cccccccccccc'
    const ids = ['aaaaaaaaaaa1', 'aaaaaaaaaaa2', 'aaaaaaaaaaa3', 'aaaaaaaaaaa4']
    for (const [i, id] of [current, ...ids].entries()) {
      fs.mkdirSync(path.join(root, id))
      const t = new Date(Date.now() - i * 3600_000)
      fs.utimesSync(path.join(root, id), t, t)
    }
    fs.mkdirSync(path.join(root, 'tools'))
    const start = (exe: string) =>
      execFileSync('python3', [
        '-c',
        `import sys\nsys.executable = ${JSON.stringify(exe)}\n${extractionPruneSource(current, 3)}`
      ])
    try {
      start(path.join(root, 'aaaaaaaaaaa1', 'app.bin')) // another build's folder: not its business
      expect(fs.readdirSync(root).length).toBe(6)
      start(path.join(root, current, 'app.bin'))
      expect(fs.readdirSync(root).sort()).toEqual([
        'aaaaaaaaaaa1',
        'aaaaaaaaaaa2',
        current,
        'tools'
      ])
      expect(fs.existsSync(path.join(root, current, '.poetry-binary-action-pruned'))).toBe(true)
      // Later starts find the marker and do nothing.
      fs.mkdirSync(path.join(root, 'aaaaaaaaaaa9'))
      fs.utimesSync(path.join(root, 'aaaaaaaaaaa9'), new Date(0), new Date(0))
      start(path.join(root, current, 'app.bin'))
      expect(fs.existsSync(path.join(root, 'aaaaaaaaaaa9'))).toBe(true)
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
