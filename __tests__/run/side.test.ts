import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { scratchCopy } from '../../src/run/side.js'

describe('scratch copies of the project', () => {
  it('give both sides working folders of the same path length, so printed paths wrap alike', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-side-project-'))
    fs.mkdirSync(path.join(project, '.venv', 'bin'), { recursive: true })
    fs.writeFileSync(path.join(project, 'pyproject.toml'), '[project]\nname = "x"\n')
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-side-root-'))
    const run = [scratchCopy(project, root, 'run-poetry'), scratchCopy(project, root, 'run-binary')]
    const service = [
      scratchCopy(project, root, 'service-poetry'),
      scratchCopy(project, root, 'service-binary')
    ]
    expect(run[0].length).toBe(run[1].length)
    expect(service[0].length).toBe(service[1].length)
    // The project is copied, its environment is not.
    for (const dir of [...run, ...service]) {
      expect(fs.existsSync(path.join(dir, 'pyproject.toml'))).toBe(true)
      expect(fs.existsSync(path.join(dir, '.venv'))).toBe(false)
    }
  })
})
