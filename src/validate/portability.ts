/**
 * Where the binary can run: the glibc floor of every ELF file it carries (read with binutils'
 * readelf, not by hand), or the minimum macOS version of its Mach-O files (otool).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as io from '@actions/io'
import type { RunContext } from '../context.js'
import { execCapture } from '../process.js'

export interface GlibcFloor {
  /** Highest GLIBC_x.y any carried ELF file needs. */
  version: string
  /** The file that needs it (relative to the binary's contents; the launcher by its name). */
  file: string
  /** Highest GLIBCXX_x.y.z needed, when some file links libstdc++, and whether it is bundled. */
  glibcxx: { version: string; file: string; bundled: boolean } | null
  /** Oldest release of each mainstream distribution whose glibc meets the floor. */
  distributions: string[]
  /** How many ELF files were read. */
  filesRead: number
}

export interface Portability {
  os: 'linux' | 'macos' | 'windows'
  glibcFloor: GlibcFloor | null
  /** macOS: the highest minimum macOS version (LC_BUILD_VERSION minos) of the carried files. */
  macosMin: { version: string; file: string } | null
  /** One line for the summary: "Runs on: …". */
  runsOn: string
}

/** glibc of each release (the version shipped, which later updates keep). */
export const DISTRIBUTIONS: { family: string; release: string; glibc: string }[] = [
  { family: 'Ubuntu', release: '18.04', glibc: '2.27' },
  { family: 'Ubuntu', release: '20.04', glibc: '2.31' },
  { family: 'Ubuntu', release: '22.04', glibc: '2.35' },
  { family: 'Ubuntu', release: '24.04', glibc: '2.39' },
  { family: 'Debian', release: '10', glibc: '2.28' },
  { family: 'Debian', release: '11', glibc: '2.31' },
  { family: 'Debian', release: '12', glibc: '2.36' },
  { family: 'Debian', release: '13', glibc: '2.41' },
  { family: 'RHEL/Alma/Rocky', release: '8', glibc: '2.28' },
  { family: 'RHEL/Alma/Rocky', release: '9', glibc: '2.34' },
  { family: 'RHEL/Alma/Rocky', release: '10', glibc: '2.39' },
  { family: 'Amazon Linux', release: '2', glibc: '2.26' },
  { family: 'Amazon Linux', release: '2023', glibc: '2.34' }
]

/** Compares dotted versions numerically (2.9 < 2.17 < 2.34). Pure. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** The oldest release per family that meets a glibc floor, e.g. "Ubuntu 22.04+". Pure. */
export function distributionsFor(floor: string): string[] {
  const out: string[] = []
  for (const family of [...new Set(DISTRIBUTIONS.map(d => d.family))]) {
    const ok = DISTRIBUTIONS.filter(
      d => d.family === family && compareVersions(d.glibc, floor) >= 0
    )
    if (ok.length) out.push(`${family} ${ok[0].release}+`)
  }
  return out
}

/**
 * The versions a file needs, from `readelf -V -W`: only the "Version needs" section counts (a
 * bundled libstdc++ *defines* GLIBCXX versions; that is not a need). Pure.
 */
export function versionNeeds(readelf: string): { glibc: string | null; glibcxx: string | null } {
  const start = readelf.indexOf("Version needs section '.gnu.version_r'")
  if (start === -1) return { glibc: null, glibcxx: null }
  const section = readelf.slice(start).split(/\n\s*\n/)[0]
  const highest = (prefix: string): string | null => {
    const found = [...section.matchAll(new RegExp(`Name: ${prefix}_([0-9.]+)\\b`, 'g'))].map(
      m => m[1]
    )
    return found.length ? found.sort(compareVersions)[found.length - 1] : null
  }
  return { glibc: highest('GLIBC'), glibcxx: highest('GLIBCXX') }
}

/** `minos` (LC_BUILD_VERSION) or `version` (LC_VERSION_MIN_MACOSX) from `otool -l`. Pure. */
export function macosMinimum(otool: string): string | null {
  const build = /cmd LC_BUILD_VERSION[\s\S]*?\n\s*minos ([0-9.]+)/.exec(otool)
  if (build) return build[1]
  const legacy = /cmd LC_VERSION_MIN_MACOSX[\s\S]*?\n\s*version ([0-9.]+)/.exec(otool)
  return legacy ? legacy[1] : null
}

const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46])
const MACHO = new Set([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe, 0xbebafeca])

function magic(file: string): Buffer {
  const fd = fs.openSync(file, 'r')
  try {
    const b = Buffer.alloc(4)
    fs.readSync(fd, b, 0, 4, 0)
    return b
  } finally {
    fs.closeSync(fd)
  }
}

/** Native files (ELF or Mach-O, by their magic number) under a folder, relative paths. */
export function nativeFiles(dir: string, kind: 'elf' | 'macho'): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name)
      if (e.isDirectory()) walk(full)
      else if (e.isFile() && fs.statSync(full).size >= 4) {
        const m = magic(full)
        if (kind === 'elf' ? m.equals(ELF) : MACHO.has(m.readUInt32BE(0)))
          out.push(path.relative(dir, full))
      }
    }
  }
  walk(dir)
  return out.sort()
}

/**
 * Reads the floor over the launcher and every native file of the binary's contents (inside the
 * onefile archive, unpacked by the backend, or the onedir folder).
 */
export async function portability(
  launcher: string,
  contentsDir: string | undefined,
  ctx: RunContext
): Promise<Portability> {
  const os = ctx.platform.os
  if (os === 'windows')
    return { os, glibcFloor: null, macosMin: null, runsOn: 'Windows (glibc floor: not applicable)' }
  const files: { label: string; path: string }[] = [
    { label: path.basename(launcher), path: launcher },
    ...(contentsDir
      ? nativeFiles(contentsDir, os === 'linux' ? 'elf' : 'macho').map(f => ({
          label: f,
          path: path.join(contentsDir, f)
        }))
      : [])
  ]
  if (os === 'macos') {
    if (!(await io.which('otool', false)))
      return { os, glibcFloor: null, macosMin: null, runsOn: 'macOS (otool not found)' }
    let best: { version: string; file: string } | null = null
    for (const f of files) {
      const r = await execCapture('otool', ['-l', f.path], { env: ctx.env })
      const v = r.exitCode === 0 ? macosMinimum(r.stdout) : null
      if (v && (!best || compareVersions(v, best.version) > 0)) best = { version: v, file: f.label }
    }
    return {
      os,
      glibcFloor: null,
      macosMin: best,
      runsOn: best ? `macOS ${best.version}+ (set by ${best.file})` : 'macOS (minimum not found)'
    }
  }
  if (!(await io.which('readelf', false))) {
    ctx.host.warning(
      'readelf (binutils) is not on PATH, so the glibc floor is not known; install binutils to get it'
    )
    return {
      os,
      glibcFloor: null,
      macosMin: null,
      runsOn: 'Linux (glibc floor unknown: no readelf)'
    }
  }
  let glibc: { version: string; file: string } | null = null
  let glibcxx: { version: string; file: string } | null = null
  for (const f of files) {
    const r = await execCapture('readelf', ['-V', '-W', f.path], { env: ctx.env })
    if (r.exitCode !== 0) continue
    const needs = versionNeeds(r.stdout)
    if (needs.glibc && (!glibc || compareVersions(needs.glibc, glibc.version) > 0))
      glibc = { version: needs.glibc, file: f.label }
    if (needs.glibcxx && (!glibcxx || compareVersions(needs.glibcxx, glibcxx.version) > 0))
      glibcxx = { version: needs.glibcxx, file: f.label }
  }
  if (!glibc)
    return { os, glibcFloor: null, macosMin: null, runsOn: 'Linux (no glibc needs found)' }
  const bundled = files.some(f => /^libstdc\+\+\.so/.test(path.basename(f.label)))
  const floor: GlibcFloor = {
    ...glibc,
    glibcxx: glibcxx ? { ...glibcxx, bundled } : null,
    distributions: distributionsFor(glibc.version),
    filesRead: files.length
  }
  return { os, glibcFloor: floor, macosMin: null, runsOn: runsOnLine(floor) }
}

/** "Runs on: glibc ≥ 2.35 (set by libpython3.11.so.1.0): Ubuntu 22.04+, …". Pure. */
export function runsOnLine(f: GlibcFloor): string {
  return `glibc ${f.version}+ (set by ${f.file}): ${f.distributions.join(', ') || 'none of the listed distributions'}`
}

/**
 * Job-container images a PyInstaller build can run the action in, by the glibc they carry: each
 * has Node 24's glibc 2.28 or newer, a Python that Poetry 2.x runs on, and a shared libpython
 * (PyInstaller bundles it; manylinux images' interpreters have none, so they are not here).
 */
export const BUILD_IMAGES: { glibc: string; images: string[] }[] = [
  { glibc: '2.36', images: ['python:3.12-bookworm', 'python:3.12-slim-bookworm'] },
  { glibc: '2.35', images: ['ubuntu:22.04 (apt-get install python3-venv binutils)'] },
  { glibc: '2.31', images: ['python:3.11-bullseye', 'python:3.11-slim-bullseye'] },
  { glibc: '2.28', images: ['almalinux:8 (dnf install python3.11 python3.11-pip binutils)'] }
]

/** Node 24, the action's runtime, needs this glibc: no job container below it can run the action. */
export const NODE24_GLIBC = '2.28'

/** The images of the newest glibc at or under max ("python:3.11-bullseye … (glibc 2.31)"), or null. Pure. */
export function buildImagesUnder(max: string): string | null {
  const fit = BUILD_IMAGES.find(b => compareVersions(b.glibc, max) <= 0)
  return fit ? `${fit.images.join(' or ')} (glibc ${fit.glibc})` : null
}

/** The max-glibc failure, or null when the floor is within it. Pure. */
export function glibcFailure(floor: GlibcFloor | null, max: string | undefined): string | null {
  if (!floor || !max || compareVersions(floor.version, max) <= 0) return null
  const images = buildImagesUnder(max)
  const wayOut = images
    ? `Build in a job container under it: ${images}`
    : `No job container gets under it: the action runs on Node 24, which needs glibc ${NODE24_GLIBC}`
  return `glibc floor ${floor.version} is above max-glibc ${max}: ${floor.file} needs GLIBC_${floor.version}. ${wayOut}; and check where ${floor.file} comes from`
}
