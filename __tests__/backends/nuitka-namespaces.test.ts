import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  isNamespacePackage,
  moduleExists,
  moduleRoots
} from '../../src/backends/nuitka/namespaces.js'

describe('isNamespacePackage', () => {
  it('tells PEP 420 folders from packages and modules, across roots', () => {
    const venv = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-ns-'))
    const sp = path.join(venv, 'lib', 'python3.11', 'site-packages')
    fs.mkdirSync(path.join(sp, 'tiktoken_ext'), { recursive: true })
    fs.writeFileSync(path.join(sp, 'tiktoken_ext', 'openai_public.py'), '')
    fs.mkdirSync(path.join(sp, 'regular'), { recursive: true })
    fs.writeFileSync(path.join(sp, 'regular', '__init__.py'), '')
    fs.writeFileSync(path.join(sp, 'single.py'), '')
    const roots = moduleRoots(venv, [])
    expect(roots).toEqual([sp])
    expect(isNamespacePackage('tiktoken_ext', roots)).toBe(true)
    expect(isNamespacePackage('tiktoken_ext.openai_public', roots)).toBe(false)
    expect(isNamespacePackage('regular', roots)).toBe(false)
    expect(isNamespacePackage('single', roots)).toBe(false)
    expect(isNamespacePackage('absent', roots)).toBe(false)
    expect(moduleExists('tiktoken_ext.openai_public', roots)).toBe(true)
    expect(moduleExists('single', roots)).toBe(true)
    // Locked but not installed (an optional group): not there to include.
    expect(moduleExists('not_installed.sub', roots)).toBe(false)
  })
})
