/**
 * The plugin's fast answer for plain --include-module names (follow-patterns.ts), run by real
 * Python: the same matches as Nuitka's one-by-one test for plain patterns, wildcards left to it.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { FOLLOW_PATTERNS_PY } from '../../src/backends/nuitka/follow-patterns.js'

function match(names: string[], patterns: string[]): { plain: unknown[]; wild: string[] } {
  const program = `import json, sys\n${FOLLOW_PATTERNS_PY}\nargs = json.loads(sys.stdin.read())\np = _PbaFollowPatterns(args['patterns'])\nprint(json.dumps({'plain': [_pba_match_follow(n, p) for n in args['names']], 'wild': p.wild}))`
  const r = spawnSync('python3', ['-c', program], {
    input: JSON.stringify({ names, patterns }),
    encoding: 'utf8'
  })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout) as { plain: unknown[]; wild: string[] }
}

describe('follow patterns for --include-module', () => {
  it('matches a plain name exactly or as package content, and nothing else', () => {
    const r = match(
      ['a.b', 'a.b.c.d', 'a', 'a.bc', 'x.y', 'z'],
      ['a.b', 'x', 'tests.*', 'q?r', 'z[0-9]']
    )
    expect(r.plain).toEqual([['exact', 'a.b'], ['below', 'a.b'], null, null, ['below', 'x'], null])
    // Patterns with wildcards are left to Nuitka's own test, in their order.
    expect(r.wild).toEqual(['tests.*', 'q?r', 'z[0-9]'])
  })

  it('builds the loader module set again only when the module count changes', () => {
    const program = `import json\n${FOLLOW_PATTERNS_PY}\ncalls = []\nn = [5]\ndef build():\n    calls.append(n[0])\n    return set(range(n[0]))\nf = _pba_cached_by_count(build, lambda: n[0])\na = f(); b = f(); n[0] = 6; c = f(); d = f()\nprint(json.dumps({'calls': calls, 'same': a is b, 'sizes': [len(a), len(c), len(d)]}))`
    const r = spawnSync('python3', ['-c', program], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toEqual({ calls: [5, 6], same: true, sizes: [5, 6, 6] })
  })
})
