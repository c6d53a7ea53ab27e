import { describe, expect, it } from '@jest/globals'
import { detectPlatform, exeName } from '../src/platform.js'
import { binaryLocation } from '../src/backends/pyinstaller/build.js'

describe('platform', () => {
  it('maps Node names to artifact names', () => {
    expect(detectPlatform('linux', 'x64')).toMatchObject({
      os: 'linux',
      arch: 'x64',
      exeSuffix: '',
      supportsSigterm: true
    })
    expect(detectPlatform('darwin', 'arm64')).toMatchObject({
      os: 'macos',
      arch: 'arm64',
      venvBinDir: 'bin'
    })
    expect(detectPlatform('win32', 'x64')).toMatchObject({
      os: 'windows',
      exeSuffix: '.exe',
      supportsSigterm: false,
      venvBinDir: 'Scripts'
    })
    expect(() => detectPlatform('aix', 'x64')).toThrow('Unsupported operating system "aix"')
    expect(() => detectPlatform('linux', 'ia32')).toThrow('Unsupported architecture "ia32"')
  })
  it('adds .exe on Windows only', () => {
    expect(exeName(detectPlatform('win32', 'x64'), 'agent-runner')).toBe('agent-runner.exe')
    expect(exeName(detectPlatform('win32', 'x64'), 'a.EXE')).toBe('a.EXE')
    expect(exeName(detectPlatform('linux', 'x64'), 'agent-runner')).toBe('agent-runner')
  })
  it('locates onefile and onedir binaries', () => {
    expect(binaryLocation('/p/dist', 'svc', 'onefile', '.exe')).toEqual({
      binary: '/p/dist/svc.exe',
      bundle: '/p/dist/svc.exe'
    })
    expect(binaryLocation('/p/dist', 'svc', 'onedir', '')).toEqual({
      binary: '/p/dist/svc/svc',
      bundle: '/p/dist/svc'
    })
  })
})
