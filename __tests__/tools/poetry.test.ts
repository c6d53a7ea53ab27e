import { describe, expect, it } from '@jest/globals'
import { poetryCause } from '../../src/tools/poetry.js'

describe('poetryCause', () => {
  it('picks the resolver cause, not the closing hint', () => {
    // Real output of `poetry install` (Poetry 2.5.1) for a pinned version that does not exist,
    // with the hint Poetry adds on a terminal.
    const out = [
      'Creating virtualenv subcommand-import in /tmp/perr/a/.venv',
      'Updating dependencies',
      'Resolving dependencies...',
      '',
      "Because subcommand-import depends on jinja2 (9.9.9) which doesn't match any versions, version solving failed.",
      '',
      'You can also run your poetry command with -v to see more information.'
    ].join('\n')
    expect(poetryCause(out)).toBe(
      "Because subcommand-import depends on jinja2 (9.9.9) which doesn't match any versions, version solving failed."
    )
  })

  it('names a stale lock file', () => {
    const out = [
      'Installing dependencies from lock file',
      '',
      'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock` to fix the lock file.'
    ].join('\n')
    expect(poetryCause(out)).toMatch(/^pyproject\.toml changed significantly/)
  })

  it('finds the failing package of an install, skipping build-backend boilerplate', () => {
    const out = [
      'Package operations: 1 install, 0 updates, 0 removals',
      '',
      '  - Installing brokenpkg (1.0.0): Failed',
      '',
      'Note: This error originates from the build backend, and is likely not a problem with poetry but one of the following issues with brokenpkg (1.0.0)',
      'You can also run your poetry command with -v to see more information.'
    ].join('\n')
    expect(poetryCause(out)).toBe('- Installing brokenpkg (1.0.0): Failed')
    expect(poetryCause('')).toBe('(no output)')
  })
})
