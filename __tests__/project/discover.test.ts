import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { discoverProject, requiredSet } from '../../src/project/discover.js'

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-discover-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

function errorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    return (err as Error).message
  }
  throw new Error('expected an error')
}

const POETRY =
  '[project]\nname = "agent-runner"\nversion = "0.1.0"\n\n[tool.poetry]\npackage-mode = false\n'

describe('discoverProject', () => {
  it('finds name, version and src/main.py', () => {
    const dir = project({
      'pyproject.toml': POETRY,
      'src/main.py': 'print(1)\n',
      'poetry.lock': ''
    })
    const p = discoverProject(dir)
    expect(p.name).toBe('agent-runner')
    expect(p.version).toBe('0.1.0')
    expect(p.entry).toEqual({
      kind: 'script',
      path: path.join(dir, 'src/main.py'),
      display: 'src/main.py'
    })
    expect(p.lockPath).toBe(path.join(dir, 'poetry.lock'))
    expect(p.hasSrcDir).toBe(true)
  })

  it('prefers a console script named like the project (Poetry 1 style table)', () => {
    const dir = project({
      'pyproject.toml':
        '[tool.poetry]\nname = "svc"\nversion = "1.2.0"\n\n[tool.poetry.scripts]\nother = "svc.other:run"\nsvc = "svc.cli:main"\n',
      'main.py': ''
    })
    const p = discoverProject(dir)
    expect(p.name).toBe('svc')
    expect(p.entry).toMatchObject({
      kind: 'function',
      module: 'svc.cli',
      func: 'main',
      scriptName: 'svc'
    })
  })

  it('reads [project.scripts] and lets the inputs override name and entry', () => {
    const dir = project({
      'pyproject.toml':
        '[project]\nname = "x"\n[project.scripts]\nx = "x.main:cli"\n[build-system]\nbuild-backend = "poetry.core.masonry.api"\n',
      'tools/run.py': ''
    })
    expect(discoverProject(dir).entry).toMatchObject({ module: 'x.main', func: 'cli' })
    const p = discoverProject(dir, { name: 'custom', entry: 'tools/run.py' })
    expect(p.name).toBe('custom')
    expect(p.entry).toMatchObject({ kind: 'script', display: path.join('tools', 'run.py') })
    expect(discoverProject(dir, { entry: 'pkg.mod:start' }).entry).toMatchObject({
      module: 'pkg.mod',
      func: 'start'
    })
  })

  it('names the input for every bad project', () => {
    expect(errorOf(() => discoverProject('/nonexistent/dir'))).toBe(
      'Input "project-path": /nonexistent/dir is not a directory; point it at the folder that holds pyproject.toml'
    )
    const empty = project({ 'README.md': '' })
    expect(errorOf(() => discoverProject(empty))).toMatch(
      /^Input "project-path": no pyproject.toml in /
    )
    const setuptools = project({
      'pyproject.toml':
        '[project]\nname = "a"\n[build-system]\nbuild-backend = "setuptools.build_meta"\n'
    })
    expect(errorOf(() => discoverProject(setuptools))).toMatch(
      /^Input "project-path": .* is not a Poetry project/
    )
    const ok = project({ 'pyproject.toml': POETRY, 'src/main.py': '' })
    expect(errorOf(() => discoverProject(ok, { entry: 'src/nope.py' }))).toMatch(
      /^Input "entry": "src\/nope.py" is not an existing .py file/
    )
    const noEntry = project({ 'pyproject.toml': POETRY })
    expect(errorOf(() => discoverProject(noEntry))).toMatch(/^Input "entry": no entry point found/)
    const broken = project({ 'pyproject.toml': '[project\nname=' })
    expect(errorOf(() => discoverProject(broken))).toMatch(/pyproject.toml is not valid TOML/)
  })

  it.each(['.', '..', '-rf', '...'])(
    'refuses a pyproject name %s that is no usable file name',
    name => {
      const dir = project({
        'pyproject.toml': POETRY.replace('"agent-runner"', JSON.stringify(name)),
        'src/main.py': ''
      })
      expect(errorOf(() => discoverProject(dir))).toMatch(
        new RegExp(
          `^Input "name": the name "${name.replace(/\./g, '\\.')}" from .* is not a usable file name`
        )
      )
      expect(discoverProject(dir, { name: 'svc' }).name).toBe('svc')
    }
  )
})

describe('entry points and install selection', () => {
  const PKG = (scripts: string, extra = ''): string =>
    `[project]\nname = "attr-cli"\nversion = "1.0"\n\n[project.scripts]\n${scripts}\n${extra}\n[tool.poetry]\npackages = [{ include = "pkg" }]\n`

  it.each([
    ['pkg.__main__:cli.cli', 'pkg.__main__', 'cli.cli'],
    ['pkg.cli:main', 'pkg.cli', 'main'],
    ['pkg.cli:main [color]', 'pkg.cli', 'main'],
    ['pkg.tool', 'pkg.tool', '']
  ])('accepts the console script %s as importlib.metadata does', (ref, module, func) => {
    const dir = project({ 'pyproject.toml': PKG(`attr-cli = "${ref}"`) })
    expect(discoverProject(dir).entry).toMatchObject({
      kind: 'function',
      module,
      func,
      scriptName: 'attr-cli'
    })
  })

  it('knows the project distribution, its extras and groups, and refuses undeclared ones naming the input', () => {
    const dir = project({
      'pyproject.toml': PKG(
        'attr-cli = "pkg.cli:main"',
        '[project.optional-dependencies]\ncli = ["click"]\nyaml = ["pyyaml"]\n\n[tool.poetry.group.docs.dependencies]\nmkdocs = "*"\n\n[dependency-groups]\nlint = ["ruff"]\n'
      )
    })
    const p = discoverProject(dir, { extras: ['CLI'], groups: ['docs', 'lint'] })
    expect(p.distribution).toBe('attr-cli')
    expect(p.extras).toEqual(['cli', 'yaml'])
    expect(p.groups).toEqual(['docs', 'lint'])
    expect(discoverProject(dir, { extras: 'all' }).extras).toEqual(['cli', 'yaml'])
    expect(errorOf(() => discoverProject(dir, { extras: ['cli', 'gui'] }))).toMatch(
      /^Input "extras": "gui" is not declared in .*pyproject.toml; its extras: cli, yaml$/
    )
    expect(errorOf(() => discoverProject(dir, { groups: ['test'] }))).toMatch(
      /^Input "groups": "test" is not declared in .*; its dependency groups: docs, lint$/
    )
    // What the project requires, for package-modules: the groups' requirements by name.
    expect(requiredSet(p, { extras: ['CLI'], groups: ['Docs', 'lint'] })).toEqual({
      distribution: 'attr-cli',
      extras: ['CLI'],
      requirements: ['mkdocs', 'ruff'],
      modules: []
    })
    expect(
      requiredSet(p, {
        extras: [],
        groups: [],
        hiddenImports: ['django.core.management', 'faker'],
        collectData: ['faker'],
        copyMetadata: ['Flask']
      })
    ).toMatchObject({ requirements: ['Flask'], modules: ['django', 'faker'] })
    // package-mode = false installs no distribution of the project's own.
    expect(
      discoverProject(project({ 'pyproject.toml': POETRY, 'src/main.py': '' })).distribution
    ).toBeUndefined()
  })

  it("reads each group's requirements, following PEP 735 include-group", () => {
    const dir = project({
      'pyproject.toml': PKG(
        'attr-cli = "pkg.cli:main"',
        '[tool.poetry.group.web.dependencies]\npython = "^3.10"\nDjango = ">=4"\nflask = { version = "*" }\n\n[dependency-groups]\nbase = ["requests (>=2)", "rich[jupyter]>=13 ; python_version > \'3.8\'"]\nall = [{ include-group = "base" }, "httpx"]\n'
      )
    })
    expect(discoverProject(dir).groupRequirements).toEqual({
      web: ['Django', 'flask'],
      base: ['requests', 'rich'],
      all: ['requests', 'rich', 'httpx']
    })
    expect(requiredSet(discoverProject(dir), { extras: 'all', groups: ['all'] })).toEqual({
      distribution: 'attr-cli',
      extras: 'all',
      requirements: ['requests', 'rich', 'httpx'],
      modules: []
    })
  })
})
