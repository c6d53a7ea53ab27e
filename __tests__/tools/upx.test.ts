import { describe, expect, it } from '@jest/globals'
import { makePlatform } from '../../src/platform.js'
import { decideUpx, parseUpxVersion, UPX_CHECKSUMS, upxAsset } from '../../src/tools/upx.js'
import { decideStrip } from '../../src/tools/index.js'
import { parsePoetryVersion } from '../../src/tools/poetry.js'
import { isAtLeast } from '../../src/tools/python.js'

const linux = makePlatform('linux', 'x64')
const linuxArm = makePlatform('linux', 'arm64')
const mac = makePlatform('macos', 'arm64')
const win = makePlatform('windows', 'x64')
const winArm = makePlatform('windows', 'arm64')

describe('decideUpx', () => {
  it('auto: on for Windows x64 only; off for Linux, macOS and Windows arm64', () => {
    expect(decideUpx('auto', linux)).toMatchObject({
      wanted: false,
      reason: expect.stringContaining('off on Linux')
    })
    expect(decideUpx('auto', linuxArm).wanted).toBe(false)
    expect(decideUpx('auto', win).wanted).toBe(true)
    expect(decideUpx('auto', mac)).toMatchObject({
      wanted: false,
      reason: expect.stringContaining('macOS')
    })
    expect(decideUpx('auto', winArm).wanted).toBe(false)
  })
  it('true is required everywhere, false is off everywhere', () => {
    expect(decideUpx('true', mac)).toMatchObject({ wanted: true, required: true })
    expect(decideUpx('false', linux)).toMatchObject({ wanted: false, required: false })
  })
})

describe('upxAsset', () => {
  it('names the official release archives', () => {
    expect(upxAsset('4.2.4', linux)).toEqual({
      file: 'upx-4.2.4-amd64_linux.tar.xz',
      dir: 'upx-4.2.4-amd64_linux',
      archive: 'tar.xz'
    })
    expect(upxAsset('4.2.4', linuxArm)?.file).toBe('upx-4.2.4-arm64_linux.tar.xz')
    expect(upxAsset('4.2.4', win)).toEqual({
      file: 'upx-4.2.4-win64.zip',
      dir: 'upx-4.2.4-win64',
      archive: 'zip'
    })
    expect(upxAsset('4.2.4', mac)).toBeUndefined()
  })
})

describe('UPX_CHECKSUMS', () => {
  it('covers every downloadable asset of the default version', async () => {
    const { DEFAULTS, Input } = await import('../../src/inputs.js')
    const version = DEFAULTS[Input.UpxVersion]
    for (const p of [linux, linuxArm, win]) {
      expect(UPX_CHECKSUMS[upxAsset(version, p)?.file as string]).toMatch(/^[0-9a-f]{64}$/)
    }
  })
})

describe('version probes and strip', () => {
  it('parses tool versions', () => {
    expect(parseUpxVersion('upx 3.94\nNRV data compression library 0.84')).toBe('3.94')
    expect(parseUpxVersion('upx 4.2.4\n')).toBe('4.2.4')
    expect(parsePoetryVersion('Poetry (version 2.5.1)')).toBe('2.5.1')
    expect(isAtLeast('3.11.7', [3, 8])).toBe(true)
    expect(isAtLeast('3.7.17', [3, 8])).toBe(false)
    expect(isAtLeast('4.0.0', [3, 8])).toBe(true)
  })
  it('strips on Linux/macOS when strip exists, never by default on Windows', () => {
    expect(decideStrip('auto', linux, true)).toBe(true)
    expect(decideStrip('auto', linux, false)).toBe(false)
    expect(decideStrip('auto', win, true)).toBe(false)
    expect(decideStrip('true', win, false)).toBe(true)
  })
})
