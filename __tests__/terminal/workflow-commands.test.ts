import { describe, expect, it } from '@jest/globals'
import {
  CommandReader,
  LineSplitter,
  parseWorkflowCommand
} from '../../src/terminal/workflow-commands.js'

describe('workflow commands', () => {
  it('parses the commands @actions/core writes, undoing its escapes', () => {
    expect(parseWorkflowCommand('::debug::checking cache: /a%25b%0Anext')).toEqual({
      name: 'debug',
      properties: {},
      message: 'checking cache: /a%b\nnext'
    })
    expect(parseWorkflowCommand('::warning title=Cache%3A tools,file=a%2Cb.py::Failed')).toEqual({
      name: 'warning',
      properties: { title: 'Cache: tools', file: 'a,b.py' },
      message: 'Failed'
    })
    expect(parseWorkflowCommand('::endgroup::')?.name).toBe('endgroup')
  })

  it('leaves ordinary output alone', () => {
    expect(parseWorkflowCommand('62 INFO: PyInstaller: 6.22.3')).toBeNull()
    expect(parseWorkflowCommand('a ::debug::x')).toBeNull()
    expect(parseWorkflowCommand(':: not a command')).toBeNull()
  })

  it('treats commands between stop-commands and its token as output', () => {
    const reader = new CommandReader()
    expect(reader.read('::stop-commands::tok')?.name).toBe('stop-commands')
    expect(reader.read('::debug::hidden')).toBeNull()
    expect(reader.read('::tok::')).toBeNull()
    expect(reader.read('::debug::seen')?.message).toBe('seen')
  })

  it('splits chunks into whole lines, keeping an unfinished one for later', () => {
    const s = new LineSplitter()
    expect(s.push('a\r\nb')).toEqual(['a'])
    expect(s.push('c\n\nd')).toEqual(['bc', ''])
    expect(s.flush()).toEqual(['d'])
    expect(s.flush()).toEqual([])
  })
})
