import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { globBase, isInside, preflight } from '../src/preflight.js'
import { getInputs, Input } from '../src/inputs.js'
import { pipCause, pipInstallError } from '../src/tools/pip.js'

const reader =
  (values: Partial<Record<Input, string>>) =>
  (name: Input): string =>
    values[name] ?? ''

function workspace(): { root: string; project: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-preflight-'))
  const project = path.join(root, 'svc')
  fs.mkdirSync(project)
  fs.writeFileSync(path.join(project, 'mine.spec'), '# spec\n')
  fs.writeFileSync(path.join(root, 'outside.spec'), '# spec\n')
  const upx = path.join(root, 'upx')
  fs.writeFileSync(upx, '#!/bin/sh\n')
  fs.chmodSync(upx, 0o755)
  fs.writeFileSync(path.join(root, 'not-exec'), '')
  return { root, project }
}

const inputs = (project: string, values: Partial<Record<Input, string>>) => {
  const i = getInputs(reader({ [Input.ProjectPath]: project, ...values }))
  return { ...i, mode: 'onefile' as const }
}

describe('preflight', () => {
  it('accepts paths inside the workspace and an executable upx-path', () => {
    const { root, project } = workspace()
    expect(() =>
      preflight(
        inputs(project, {
          [Input.Spec]: 'mine.spec',
          [Input.OutputDir]: 'out/here',
          [Input.Datas]: 'config/*.yaml:config',
          [Input.UpxPath]: path.join(root, 'upx')
        }),
        project,
        root
      )
    ).not.toThrow()
  })

  it.each([
    [Input.Spec, '../../outside.spec', 'outside the workspace'],
    [Input.Spec, 'missing.spec', 'is not an existing .spec file'],
    [Input.Spec, '../outside.spec', ''],
    [Input.OutputDir, '../../..', 'outside the workspace'],
    [Input.Datas, '../../etc/*.conf:etc', 'outside the workspace'],
    [Input.UpxPath, '/nonexistent/upx', 'is not an executable file'],
    [Input.UpxPath, 'NOT_EXEC', 'is not an executable file']
  ])('rejects %s = %s before any install', (input, value, message) => {
    const { root, project } = workspace()
    const v = value === 'NOT_EXEC' ? path.join(root, 'not-exec') : value
    const run = (): void => preflight(inputs(project, { [input]: v }), project, root)
    if (message === '') {
      // ../outside.spec lies in the workspace root: accepted.
      expect(run).not.toThrow()
      return
    }
    expect(run).toThrow(`Input "${input}": `)
    expect(run).toThrow(message)
  })

  it('finds the folder part of a glob and tells inside from outside', () => {
    expect(globBase('config/*.yaml')).toBe('config')
    expect(globBase('assets/**/x.png')).toBe('assets')
    expect(globBase('*.txt')).toBe('.')
    expect(globBase('README.md')).toBe('README.md')
    expect(isInside('/w', '/w')).toBe(true)
    expect(isInside('/w', '/w/a/../b')).toBe(true)
    expect(isInside('/w', '/w/../x')).toBe(false)
    expect(isInside('/w', '/wx')).toBe(false)
  })
})

describe('pip errors', () => {
  const out = [
    'Looking in links: /opt/wheels',
    'ERROR: Could not find a version that satisfies the requirement poetry==9.9.9 (from versions: 1.0.0, 2.5.1)',
    'ERROR: No matching distribution found for poetry==9.9.9',
    '',
    '[notice] A new release of pip is available: 24.0 -> 25.3'
  ].join('\n')

  it('names the input when the version does not exist', () => {
    expect(pipCause(out)).toBe('ERROR: No matching distribution found for poetry==9.9.9')
    const err = pipInstallError(Input.PoetryVersion, 'poetry==9.9.9', out)
    expect(err.message).toBe(
      'Input "poetry-version": poetry==9.9.9 is not on the package index (ERROR: No matching distribution found for poetry==9.9.9); use a released version'
    )
  })

  it('reports other failures as pip saw them', () => {
    const err = pipInstallError(
      Input.PyinstallerVersion,
      'pyinstaller==6.22.3',
      'ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device'
    )
    expect(err.message).toBe(
      'pip could not install pyinstaller==6.22.3: ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device'
    )
  })
})
