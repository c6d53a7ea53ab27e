/**
 * A CycloneDX SBOM of what the binary really bundles: each distribution the composition stage found
 * inside it (name, version, pkg:pypi purl, license, bytes it adds), the Python runtime, and the
 * bundled system shared libraries with the OS package they come from where dpkg knows it.
 * Built with the CycloneDX library, not by hand.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as io from '@actions/io'
import * as Enums from '@cyclonedx/cyclonedx-library/Enums'
import * as Models from '@cyclonedx/cyclonedx-library/Models'
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize'
import * as Spec from '@cyclonedx/cyclonedx-library/Spec'
import { PackageURL } from 'packageurl-js'
import type { RunContext } from '../context.js'
import { execCapture } from '../process.js'
import { poetryRun, type ProjectEnv } from '../tools/project-env.js'
import type { Composition } from '../validate/composition.js'

/** What a bundled distribution is, read from its metadata in the project environment. */
export interface DistributionInfo {
  name: string
  version: string
  /** SPDX expression (License-Expression), else the License field or a classifier's name. */
  license: string | null
}

/** A bundled system library and the OS package that ships it (null when unknown). */
export interface SystemLibrary {
  file: string
  bytes: number
  osPackage: { name: string; version: string; distro: string; arch: string } | null
  /** Shipped with the Python runtime (its own lib folder), not by the OS. */
  fromRuntime?: boolean
}

export interface SbomInput {
  name: string
  version: string | null
  sha256: string
  python: string
  backend: { name: string; version: string }
  composition: Composition
  distributions: DistributionInfo[]
  systemLibraries: SystemLibrary[]
  /** ISO time for metadata.timestamp (SOURCE_DATE_EPOCH when set, for reproducible SBOMs). */
  timestamp: Date
}

/** PyPI's normalised name (PEP 503), as purls use it. Pure. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

const BYTES = 'poetry-binary-action:bytes'

/** Bytes each distribution adds, summed over its top-level packages in the composition. Pure. */
export function bytesByDistribution(composition: Composition): Map<string, number> {
  const out = new Map<string, number>()
  for (const e of composition.entries) {
    if (!e.distribution) continue
    const key = normalizeName(e.distribution)
    out.set(key, (out.get(key) ?? 0) + e.bytes)
  }
  return out
}

function license(expression: string | null): Models.License | undefined {
  if (!expression) return undefined
  // An SPDX expression of ids (MIT, Apache-2.0 OR MIT) is kept as such; anything else by name.
  return /^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$/.test(expression)
    ? new Models.LicenseExpression(expression)
    : new Models.NamedLicense(expression.slice(0, 200))
}

/** Renders the SBOM as CycloneDX 1.6 JSON. Pure. */
export function renderSbom(s: SbomInput): string {
  const bom = new Models.Bom()
  bom.metadata.timestamp = s.timestamp
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'poetry-binary-action')
  )
  const app = new Models.Component(Enums.ComponentType.Application, s.name, {
    version: s.version ?? undefined,
    bomRef: `binary:${s.name}`
  })
  app.hashes.set(Enums.HashAlgorithm['SHA-256'], s.sha256)
  app.properties.add(
    new Models.Property('poetry-binary-action:backend', `${s.backend.name} ${s.backend.version}`)
  )
  bom.metadata.component = app

  const bytes = bytesByDistribution(s.composition)
  for (const d of [...s.distributions].sort((a, b) => a.name.localeCompare(b.name))) {
    const name = normalizeName(d.name)
    const c = new Models.Component(Enums.ComponentType.Library, d.name, {
      version: d.version,
      bomRef: `pypi:${name}@${d.version}`,
      purl: new PackageURL('pypi', undefined, name, d.version, undefined, undefined).toString()
    })
    const l = license(d.license)
    if (l) c.licenses.add(l)
    c.properties.add(new Models.Property(BYTES, String(bytes.get(name) ?? 0)))
    bom.components.add(c)
    app.dependencies.add(c.bomRef)
  }

  const runtimeBytes = s.composition.entries
    .filter(e => e.package === 'stdlib')
    .reduce((n, e) => n + e.bytes, 0)
  const python = new Models.Component(Enums.ComponentType.Platform, 'python', {
    version: s.python,
    bomRef: `runtime:python@${s.python}`,
    purl: new PackageURL(
      'generic',
      undefined,
      'cpython',
      s.python,
      undefined,
      undefined
    ).toString(),
    description: 'The CPython runtime and standard library bundled into the binary'
  })
  python.properties.add(new Models.Property(BYTES, String(runtimeBytes)))
  bom.components.add(python)
  app.dependencies.add(python.bomRef)

  for (const lib of s.systemLibraries) {
    const p = lib.osPackage
    const c = new Models.Component(Enums.ComponentType.Library, lib.file, {
      version: p?.version,
      bomRef: `file:${lib.file}`,
      purl: p
        ? new PackageURL('deb', p.distro, p.name, p.version, { arch: p.arch }, undefined).toString()
        : undefined,
      description: p
        ? `${lib.file} from the ${p.distro} package ${p.name}`
        : lib.fromRuntime
          ? `${lib.file} from the Python ${s.python} runtime`
          : `${lib.file} (origin unknown)`
    })
    c.properties.add(new Models.Property(BYTES, String(lib.bytes)))
    bom.components.add(c)
    app.dependencies.add(c.bomRef)
  }

  const serializer = new Serialize.JsonSerializer(
    new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6)
  )
  return serializer.serialize(bom, { sortLists: true, space: 2 })
}

/** Reads version and license of each distribution from the project environment. */
const DIST_INFO_SCRIPT = String.raw`
import json, sys
from importlib import metadata

out = []
for name in json.loads(sys.argv[1]):
    try:
        d = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        continue
    m = d.metadata
    lic = m.get('License-Expression')
    if not lic:
        field = (m.get('License') or '').strip()
        lic = field if field and '\n' not in field and len(field) < 100 else None
    if not lic:
        for c in m.get_all('Classifier') or []:
            if c.startswith('License :: ') and c.count('::') >= 2:
                lic = c.split('::')[-1].strip()
                break
    out.append({'name': m['Name'], 'version': d.version, 'license': lic})
print(json.dumps(out))
`

/** Version and license of each bundled distribution, read in the project env. */
export async function distributionInfo(
  projectEnv: ProjectEnv,
  names: string[],
  ctx: RunContext
): Promise<DistributionInfo[]> {
  if (!names.length) return []
  const script = path.join(ctx.tempDir, 'pba-dist-info.py')
  fs.writeFileSync(script, DIST_INFO_SCRIPT)
  const r = await poetryRun(projectEnv, ['python', script, JSON.stringify(names)])
  if (r.exitCode !== 0) {
    ctx.host.warning("Could not read the bundled distributions' metadata; the SBOM lists none")
    return []
  }
  return JSON.parse(r.stdout) as DistributionInfo[]
}

const SHARED_LIBRARY = /\.(so(\.\d+)*|dylib|dll)$/

/**
 * Bundled shared libraries that no distribution owns. One found in the Python runtime's own lib
 * folder belongs to the runtime; any other is resolved with `ldconfig -p` to the exact system file
 * and its owner asked of dpkg (on Debian and Ubuntu), so a name alone never picks a wrong package.
 */
export async function systemLibraries(
  composition: Composition,
  pythonPath: string,
  ctx: RunContext
): Promise<SystemLibrary[]> {
  const libs = composition.entries.filter(
    e => e.distribution === null && e.kinds.includes('binary') && SHARED_LIBRARY.test(e.package)
  )
  const runtimeLib = path.join(path.dirname(path.dirname(fs.realpathSync(pythonPath))), 'lib')
  const linux = ctx.platform.os === 'linux'
  const dpkg = linux && (await io.which('dpkg', false))
  const distro = dpkg ? osReleaseId() : null
  const ldconfig = linux
    ? await execCapture('ldconfig', ['-p'], { env: ctx.env }).catch(() => undefined)
    : undefined
  const out: SystemLibrary[] = []
  for (const lib of libs) {
    let osPackage: SystemLibrary['osPackage'] = null
    const own = fs.existsSync(path.join(runtimeLib, lib.package))
    const systemFile = own ? undefined : ldconfigPath(ldconfig?.stdout ?? '', lib.package)
    if (dpkg && distro && systemFile) {
      // dpkg knows a file by the path its package installed; with a merged /usr that may be the
      // /lib or the /usr/lib spelling, of the symlink or of its target.
      const real = fs.realpathSync(systemFile)
      const candidates = [...new Set([systemFile, real])].flatMap(f =>
        f.startsWith('/usr/') ? [f, f.slice(4)] : [f, `/usr${f}`]
      )
      const owner = await execCapture('dpkg', ['-S', ...candidates], { env: ctx.env })
      const m = /^([^:\s]+)(?::([a-z0-9]+))?: /.exec(owner.stdout)
      if (m) {
        const pkg = m[2] ? `${m[1]}:${m[2]}` : m[1]
        const v = await execCapture('dpkg-query', ['-W', '-f=${Version} ${Architecture}', pkg], {
          env: ctx.env
        })
        const [version, arch] = v.stdout.trim().split(' ')
        if (v.exitCode === 0 && version)
          osPackage = { name: m[1], version, distro, arch: arch || 'all' }
      }
    }
    out.push({ file: lib.package, bytes: lib.bytes, osPackage, fromRuntime: own })
  }
  return out
}

/** The path `ldconfig -p` lists for a library name on this machine's architecture. Pure. */
export function ldconfigPath(listing: string, name: string): string | undefined {
  const lines = listing.split('\n').filter(l => l.trim().startsWith(`${name} (`))
  const pick = lines.find(l => /x86-64|AArch64/.test(l)) ?? lines[0]
  return pick?.split(' => ')[1]?.trim()
}

function osReleaseId(): string | null {
  try {
    const text = fs.readFileSync('/etc/os-release', 'utf8')
    return /^ID="?([a-z0-9._-]+)"?$/m.exec(text)?.[1] ?? null
  } catch {
    return null
  }
}

/** Writes `<name>.cdx.json` beside metrics.json; returns its path, or null without a composition. */
export async function writeSbom(
  p: {
    project: { name: string; version?: string }
    tools: {
      projectEnv: ProjectEnv
      python: { version: string; path: string }
      builder: { name: string; version: string }
    }
    build: { sourceDateEpoch?: string }
    sha256: string
    composition: Composition | undefined
    outDir: string
  },
  ctx: RunContext
): Promise<string | null> {
  if (!p.composition) {
    ctx.host.warning("No SBOM: the binary's content could not be listed")
    return null
  }
  const names = [
    ...new Set(p.composition.entries.flatMap(e => (e.distribution ? [e.distribution] : [])))
  ]
  const text = renderSbom({
    name: p.project.name,
    version: p.project.version ?? null,
    sha256: p.sha256,
    python: p.tools.python.version,
    backend: p.tools.builder,
    composition: p.composition,
    distributions: await distributionInfo(p.tools.projectEnv, names, ctx),
    systemLibraries: await systemLibraries(p.composition, p.tools.python.path, ctx),
    timestamp: p.build.sourceDateEpoch
      ? new Date(Number(p.build.sourceDateEpoch) * 1000)
      : new Date()
  })
  const file = path.join(p.outDir, `${p.project.name}.cdx.json`)
  fs.mkdirSync(p.outDir, { recursive: true })
  fs.writeFileSync(file, text)
  ctx.host.info(`SBOM (CycloneDX 1.6): ${file}, ${names.length} distribution(s)`)
  return file
}
