import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { createContext } from '../../src/context.js'
import { makePlatform } from '../../src/platform.js'
import {
  BUILD_IMAGES,
  buildImagesUnder,
  compareVersions,
  DISTRIBUTIONS,
  distributionsFor,
  glibcFailure,
  macosMinimum,
  NODE24_GLIBC,
  nativeFiles,
  portability,
  versionNeeds
} from '../../src/validate/portability.js'
import { recordingHost } from '../../__fixtures__/host.js'

const readelf = (file: string): string =>
  execFileSync('readelf', ['-V', '-W', file], { encoding: 'utf8' })

/** Real ELF files compiled on this machine: a C program and a C++ one. */
describe('glibc floor of real ELF files', () => {
  let dir: string
  let hostGlibc: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-elf-'))
    fs.writeFileSync(
      path.join(dir, 'hello.c'),
      '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n'
    )
    fs.writeFileSync(
      path.join(dir, 'greet.cpp'),
      '#include <iostream>\n#include <string>\nint main(){std::string s("hi");std::cout<<s<<std::endl;return 0;}\n'
    )
    fs.mkdirSync(path.join(dir, 'contents', 'lib'), { recursive: true })
    execFileSync('gcc', ['-O1', '-o', path.join(dir, 'launcher'), path.join(dir, 'hello.c')])
    execFileSync('g++', [
      '-O1',
      '-o',
      path.join(dir, 'contents', 'lib', 'greet'),
      path.join(dir, 'greet.cpp')
    ])
    fs.writeFileSync(path.join(dir, 'contents', 'data.txt'), 'not an ELF file')
    hostGlibc = execFileSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' })
      .trim()
      .split(' ')[1]
  })

  it('reads the needed GLIBC and GLIBCXX versions from readelf, never exceeding the host glibc', () => {
    const c = versionNeeds(readelf(path.join(dir, 'launcher')))
    expect(c.glibc).toMatch(/^2\.\d+$/)
    expect(compareVersions(c.glibc as string, hostGlibc)).toBeLessThanOrEqual(0)
    expect(c.glibcxx).toBeNull()
    const cpp = versionNeeds(readelf(path.join(dir, 'contents', 'lib', 'greet')))
    expect(cpp.glibcxx).toMatch(/^3\.4(\.\d+)?$/)
  })

  it("counts only needs: a shared library's own version definitions are not a floor", () => {
    const libstdcxx = execFileSync('g++', ['-print-file-name=libstdc++.so.6'], {
      encoding: 'utf8'
    }).trim()
    const text = readelf(fs.realpathSync(libstdcxx))
    expect(text).toContain('Version definition section')
    expect(versionNeeds(text).glibcxx).toBeNull()
    expect(versionNeeds(text).glibc).toMatch(/^2\.\d+$/)
  })

  it('takes the highest floor over the launcher and every ELF file inside, naming the file', async () => {
    expect(nativeFiles(path.join(dir, 'contents'), 'elf')).toEqual([path.join('lib', 'greet')])
    const ctx = createContext(recordingHost(), process.env, makePlatform('linux', 'x64'))
    const p = await portability(path.join(dir, 'launcher'), path.join(dir, 'contents'), ctx)
    const each = [path.join(dir, 'launcher'), path.join(dir, 'contents', 'lib', 'greet')].map(
      f => versionNeeds(readelf(f)).glibc as string
    )
    const highest = each.sort(compareVersions)[1]
    expect(p.glibcFloor?.version).toBe(highest)
    expect(p.glibcFloor?.filesRead).toBe(2)
    expect(p.glibcFloor?.glibcxx?.file).toBe(path.join('lib', 'greet'))
    expect(p.glibcFloor?.glibcxx?.bundled).toBe(false)
    expect(p.runsOn).toContain(`glibc ${highest}+ (set by `)
  })
})

describe('distributions and max-glibc', () => {
  it('names the oldest release of each family that meets the floor', () => {
    expect(distributionsFor('2.34')).toEqual([
      'Ubuntu 22.04+',
      'Debian 12+',
      'RHEL/Alma/Rocky 9+',
      'Amazon Linux 2023+'
    ])
    expect(distributionsFor('2.17')).toEqual([
      'Ubuntu 18.04+',
      'Debian 10+',
      'RHEL/Alma/Rocky 8+',
      'Amazon Linux 2+'
    ])
    expect(distributionsFor('2.45')).toEqual([])
    expect(compareVersions('2.9', '2.17')).toBeLessThan(0)
  })

  it('fails above max-glibc with the file and a way out, and not at or below it', () => {
    const floor = {
      version: '2.35',
      file: 'libpython3.11.so.1.0',
      glibcxx: null,
      distributions: [],
      filesRead: 3
    }
    expect(glibcFailure(floor, '2.31')).toBe(
      'glibc floor 2.35 is above max-glibc 2.31: libpython3.11.so.1.0 needs GLIBC_2.35. Build in a job container under it: python:3.11-bullseye or python:3.11-slim-bullseye (glibc 2.31); and check where libpython3.11.so.1.0 comes from'
    )
    expect(glibcFailure(floor, '2.27')).toMatch(
      /No job container gets under it: the action runs on Node 24, which needs glibc 2\.28;/
    )
    expect(glibcFailure(floor, '2.35')).toBeNull()
    expect(glibcFailure(floor, undefined)).toBeNull()
    expect(glibcFailure(null, '2.31')).toBeNull()
  })

  it('names the container images of the newest glibc at or under max-glibc, none below Node 24', () => {
    expect(buildImagesUnder('2.31')).toBe(
      'python:3.11-bullseye or python:3.11-slim-bullseye (glibc 2.31)'
    )
    expect(buildImagesUnder('2.34')).toBe(
      'python:3.11-bullseye or python:3.11-slim-bullseye (glibc 2.31)'
    )
    expect(buildImagesUnder('2.35')).toMatch(/^ubuntu:22\.04 .*\(glibc 2\.35\)$/)
    expect(buildImagesUnder('2.30')).toMatch(/^almalinux:8 .*\(glibc 2\.28\)$/)
    expect(buildImagesUnder('2.40')).toBe(
      'python:3.12-bookworm or python:3.12-slim-bookworm (glibc 2.36)'
    )
    expect(buildImagesUnder('2.17')).toBeNull()
    // Every image can run the action: none is under Node 24's floor, and the table is newest first.
    for (const b of BUILD_IMAGES)
      expect(compareVersions(b.glibc, NODE24_GLIBC)).toBeGreaterThanOrEqual(0)
    const order = BUILD_IMAGES.map(b => b.glibc)
    expect([...order].sort(compareVersions).reverse()).toEqual(order)
    // Each image's glibc is that of its distribution release in DISTRIBUTIONS.
    const glibcs = new Set(DISTRIBUTIONS.map(d => d.glibc))
    for (const b of BUILD_IMAGES) expect(glibcs.has(b.glibc)).toBe(true)
  })

  it('reads the minimum macOS from otool -l, and says not applicable on Windows', async () => {
    expect(
      macosMinimum(
        'Load command 9\n      cmd LC_BUILD_VERSION\n  cmdsize 32\n platform 1\n    minos 11.0\n      sdk 14.2\n'
      )
    ).toBe('11.0')
    expect(
      macosMinimum(
        '      cmd LC_VERSION_MIN_MACOSX\n  cmdsize 16\n  version 10.13\n      sdk 10.14\n'
      )
    ).toBe('10.13')
    const ctx = createContext(recordingHost(), process.env, makePlatform('windows', 'x64'))
    expect((await portability('C:\\a.exe', undefined, ctx)).runsOn).toMatch(/not applicable/)
  })
})
