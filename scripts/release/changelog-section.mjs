// Prints one version's section of a Keep a Changelog file (the lines under `## [X.Y.Z]` up to the
// next `## ` heading), for the release notes:
//   node scripts/release/changelog-section.mjs CHANGELOG.md 1.2.3 > notes.md
// Exits 1 with one error line when the version has no section or the section is empty.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** The body of `version`'s section (without its heading, trimmed), or undefined when there is none. */
export function changelogSection(markdown, version) {
  const lines = markdown.split(/\r?\n/)
  const heading = new RegExp(`^## \\[?v?${version.replace(/[.]/g, '\\.')}\\]?(\\s|$)`)
  const start = lines.findIndex(line => heading.test(line))
  if (start < 0) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex(line => /^## /.test(line) || /^\[[^\]]+\]:\s/.test(line))
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
  return body === '' ? undefined : body
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, rawVersion] = process.argv.slice(2)
  if (!file || !rawVersion) {
    console.error('usage: changelog-section.mjs CHANGELOG.md X.Y.Z')
    process.exit(2)
  }
  const version = rawVersion.replace(/^v/, '')
  const section = changelogSection(readFileSync(file, 'utf8'), version)
  if (section === undefined) {
    console.error(
      `error: ${file} has no entries under "## [${version}]"; add them before tagging v${version}`
    )
    process.exit(1)
  }
  process.stdout.write(`${section}\n`)
}
