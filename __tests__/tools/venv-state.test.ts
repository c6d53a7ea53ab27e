import { describe, expect, it } from '@jest/globals'
import { parseVenvState, venvStateDiffers, type VenvState } from '../../src/tools/venv-state.js'

const state: VenvState = {
  lock: 'a'.repeat(64),
  pyproject: 'b'.repeat(64),
  installArgs: ['--only', 'main'],
  python: '/usr/bin/python3.11',
  backend: 'pyinstaller 6.22.3',
  distributions: ['attrs==25.1.0', 'demo==0.1.0', 'pyinstaller==6.22.3']
}

describe('venvStateDiffers', () => {
  it('finds nothing when the venv is as recorded', () => {
    expect(venvStateDiffers(state, { ...state, distributions: [...state.distributions] })).toBe(
      null
    )
  })

  it.each([
    [{ lock: 'c'.repeat(64) }, 'poetry.lock changed'],
    [{ pyproject: 'c'.repeat(64) }, 'pyproject.toml changed'],
    [{ installArgs: ['--only', 'main,docs'] }, 'other groups or extras are asked for'],
    [{ python: '/usr/bin/python3.12' }, 'another Python is asked for'],
    [{ backend: 'nuitka 4.3.3' }, 'another build backend is asked for']
  ])('names what changed: %j', (change, why) => {
    expect(venvStateDiffers(state, { ...state, ...change })).toBe(why)
  })

  it('names packages added, removed or at another version', () => {
    const now = { ...state, distributions: ['attrs==25.2.0', 'demo==0.1.0', 'pytest==8.0.0'] }
    expect(venvStateDiffers(state, now)).toBe(
      'its packages changed since (+attrs==25.2.0, +pytest==8.0.0, -attrs==25.1.0, -pyinstaller==6.22.3)'
    )
  })

  it('shortens a long list of changes', () => {
    const now = { ...state, distributions: ['a==1', 'b==1', 'c==1', 'd==1', 'e==1', 'f==1'] }
    expect(venvStateDiffers(state, now)).toMatch(/^its packages changed since \(\+a==1, .*, …\)$/)
  })
})

describe('parseVenvState', () => {
  it('reads what was written', () => {
    expect(parseVenvState(JSON.stringify(state))).toEqual(state)
  })

  it.each(['', 'not json', '{}', JSON.stringify({ ...state, distributions: 'x' })])(
    'treats a malformed or foreign marker as absent: %j',
    text => {
      expect(parseVenvState(text)).toBeUndefined()
    }
  )
})
