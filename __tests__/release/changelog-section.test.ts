import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { changelogSection } from '../../scripts/release/changelog-section.mjs'

const SAMPLE = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '- next',
  '',
  '## [1.10.0] - 2026-12-01',
  '',
  '### Added',
  '',
  '- ten',
  '',
  '## [1.1.0] - 2026-11-30',
  '',
  '- one',
  '',
  '## [1.0.0] - 2026-11-25',
  '',
  '',
  '[Unreleased]: https://example.invalid/compare/v1.10.0...HEAD',
  '[1.10.0]: https://example.invalid/releases/tag/v1.10.0'
].join('\n')

describe('changelogSection', () => {
  it("returns one version's entries, up to the next heading", () => {
    expect(changelogSection(SAMPLE, '1.10.0')).toBe('### Added\n\n- ten')
    expect(changelogSection(SAMPLE, '1.1.0')).toBe('- one')
  })

  it('does not take 1.1.0 for 1.10 or the dots as wildcards', () => {
    expect(changelogSection(SAMPLE, '1.1')).toBeUndefined()
    expect(changelogSection(SAMPLE, '1x10x0')).toBeUndefined()
  })

  it('has nothing for a missing or empty section (the link list is not its body)', () => {
    expect(changelogSection(SAMPLE, '2.0.0')).toBeUndefined()
    expect(changelogSection(SAMPLE, '1.0.0')).toBeUndefined()
  })

  it("finds the repository's own 1.0.0 entries and keeps an Unreleased section", () => {
    const changelog = fs.readFileSync(path.join(process.cwd(), 'CHANGELOG.md'), 'utf8')
    expect(changelogSection(changelog, '1.0.0')).toMatch(/^### Added\n\n- Builds a Poetry project/)
    expect(changelog).toMatch(/^## \[Unreleased\]$/m)
    const version = (
      JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
        version: string
      }
    ).version
    expect(changelogSection(changelog, version)).toBeDefined()
  })
})
