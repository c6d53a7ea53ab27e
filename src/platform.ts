/** The runner's operating system and architecture, injectable so platform rules are testable on Linux. */

export type OsName = 'linux' | 'macos' | 'windows'
export type Arch = 'x64' | 'arm64'

export interface Platform {
  os: OsName
  arch: Arch
  /** Suffix of executables: `.exe` on Windows. */
  exeSuffix: string
  /** Whether a child can be sent SIGTERM (not on Windows). */
  supportsSigterm: boolean
  /** Folder holding a venv's executables. */
  venvBinDir: string
}

/** Builds the platform description for an OS and architecture. */
export function makePlatform(os: OsName, arch: Arch): Platform {
  return {
    os,
    arch,
    exeSuffix: os === 'windows' ? '.exe' : '',
    supportsSigterm: os !== 'windows',
    venvBinDir: os === 'windows' ? 'Scripts' : 'bin'
  }
}

/** Maps Node's process.platform / process.arch to the names used in artifacts and keys. */
export function detectPlatform(
  nodePlatform: string = process.platform,
  nodeArch: string = process.arch
): Platform {
  const os: OsName | undefined =
    nodePlatform === 'linux'
      ? 'linux'
      : nodePlatform === 'darwin'
        ? 'macos'
        : nodePlatform === 'win32'
          ? 'windows'
          : undefined
  if (!os)
    throw new Error(
      `Unsupported operating system "${nodePlatform}"; this action runs on Linux, macOS and Windows`
    )
  const arch: Arch | undefined =
    nodeArch === 'x64' ? 'x64' : nodeArch === 'arm64' ? 'arm64' : undefined
  if (!arch)
    throw new Error(`Unsupported architecture "${nodeArch}"; this action runs on x64 and arm64`)
  return makePlatform(os, arch)
}

/** The executable file name for a program on this platform. */
export function exeName(platform: Platform, name: string): string {
  return platform.os === 'windows' && !name.toLowerCase().endsWith('.exe') ? `${name}.exe` : name
}
