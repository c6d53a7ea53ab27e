import { describe, expect, it } from '@jest/globals'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'
import {
  bytesByDistribution,
  ldconfigPath,
  normalizeName,
  renderSbom
} from '../../src/report/sbom.js'
import type { Composition } from '../../src/validate/composition.js'

const composition: Composition = {
  archiveBytes: 30_000_000,
  entries: [
    { package: 'stdlib', bytes: 9_000_000, kinds: ['python', 'binary'], distribution: null },
    {
      package: 'temporalio',
      bytes: 12_000_000,
      kinds: ['python', 'binary'],
      distribution: 'temporalio'
    },
    {
      package: 'langchain_core',
      bytes: 3_000_000,
      kinds: ['python'],
      distribution: 'langchain-core'
    },
    { package: 'google', bytes: 800_000, kinds: ['python'], distribution: 'protobuf' },
    { package: 'libcrypto.so.3', bytes: 4_800_000, kinds: ['binary'], distribution: null }
  ]
}

const rendered = (): Record<string, unknown> & { components: Record<string, unknown>[] } =>
  JSON.parse(
    renderSbom({
      name: 'agent-runner',
      version: '0.1.0',
      sha256: 'a'.repeat(64),
      python: '3.11.7',
      backend: { name: 'pyinstaller', version: '6.22.3' },
      composition,
      distributions: [
        { name: 'temporalio', version: '1.35.0', license: 'MIT' },
        { name: 'langchain-core', version: '1.8.1', license: 'MIT' },
        { name: 'protobuf', version: '6.33.0', license: '3-Clause BSD License' }
      ],
      systemLibraries: [
        {
          file: 'libcrypto.so.3',
          bytes: 4_800_000,
          osPackage: {
            name: 'libssl3',
            version: '3.0.17-1~deb12u2',
            distro: 'debian',
            arch: 'amd64'
          }
        }
      ],
      timestamp: new Date('2026-11-25T00:00:00Z')
    })
  )

describe('CycloneDX SBOM', () => {
  it('is valid against the CycloneDX 1.6 JSON schema (strict)', async () => {
    const text = JSON.stringify(rendered())
    const errors = await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text)
    expect(errors).toBeNull()
  })

  it('lists each bundled distribution with version, pkg:pypi purl, license and the bytes it adds', () => {
    const bom = rendered()
    const byName = Object.fromEntries(bom.components.map(c => [c.name as string, c]))
    expect(byName['langchain-core']).toMatchObject({
      type: 'library',
      version: '1.8.1',
      purl: 'pkg:pypi/langchain-core@1.8.1',
      licenses: [{ expression: 'MIT' }],
      properties: [{ name: 'poetry-binary-action:bytes', value: '3000000' }]
    })
    expect(byName['protobuf']).toMatchObject({
      licenses: [{ license: { name: '3-Clause BSD License' } }]
    })
    expect(byName['python']).toMatchObject({
      type: 'platform',
      version: '3.11.7',
      purl: 'pkg:generic/cpython@3.11.7'
    })
    expect(byName['libcrypto.so.3']).toMatchObject({
      purl: 'pkg:deb/debian/libssl3@3.0.17-1~deb12u2?arch=amd64',
      properties: [{ name: 'poetry-binary-action:bytes', value: '4800000' }]
    })
    expect(bom.metadata).toMatchObject({
      timestamp: '2026-11-25T00:00:00.000Z',
      component: {
        name: 'agent-runner',
        version: '0.1.0',
        hashes: [{ alg: 'SHA-256', content: 'a'.repeat(64) }]
      }
    })
  })

  it('sums bytes per distribution under PyPI-normalised names', () => {
    expect(normalizeName('Foo_Bar.baz')).toBe('foo-bar-baz')
    expect(bytesByDistribution(composition).get('langchain-core')).toBe(3_000_000)
    expect(bytesByDistribution(composition).has('stdlib')).toBe(false)
  })
})

describe('system library origin', () => {
  it("takes the exact file ldconfig resolves for this machine's architecture", () => {
    const listing = [
      "1234 libs found in cache `/etc/ld.so.cache'",
      '\tlibssl.so.3 (libc6) => /lib/i386-linux-gnu/libssl.so.3',
      '\tlibssl.so.3 (libc6,x86-64) => /lib/x86_64-linux-gnu/libssl.so.3',
      '\tlibssl.so (libc6,x86-64) => /lib/x86_64-linux-gnu/libssl.so'
    ].join('\n')
    expect(ldconfigPath(listing, 'libssl.so.3')).toBe('/lib/x86_64-linux-gnu/libssl.so.3')
    expect(ldconfigPath(listing, 'libnope.so.1')).toBeUndefined()
  })
})
