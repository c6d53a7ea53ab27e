import { describe, expect, it } from '@jest/globals'
import { renderSummary } from '../../src/report/summary.js'
import { schemaProblems } from '../../src/report/metrics.js'
import { sampleMetrics } from '../../__fixtures__/metrics.js'

describe('renderSummary', () => {
  it('shows size, startup side by side with poetry run, thresholds and the verdict', () => {
    const md = renderSummary(sampleMetrics())
    expect(md).toContain('## agent-runner · Linux x64 · onefile — ✅ passed')
    expect(md).toContain('| size | 6.7 MiB | — | 95.4 MiB |')
    expect(md).toContain('| startup, warm median | 102 ms | 330 ms | 3.00 s |')
    expect(md).toContain('| startup, cold (first run) | 140 ms | 345 ms | |')
    expect(md).toContain('| binary vs poetry run (median) | 0.31× | | |')
    expect(md).toContain('UPX: not applied, failed on 12 (auto: on for linux); strip: on.')
    expect(md).toContain('    bar [140, 102, 345, 330]')
    expect(md).toContain('| --help | ✅ | 104 ms | exit 0 |')
    expect(md).not.toContain('### Failures')
  })

  it('renders the composition table, the mermaid pie and the dead-weight excludes', () => {
    const md = renderSummary(sampleMetrics())
    expect(md).toContain('| stdlib | 2.9 MiB | 44.8% | binary, data, python |')
    expect(md).toContain('| dotenv (python-dotenv) | 20.0 KiB | 0.3% | python |')
    expect(md).toContain(
      '```mermaid\npie showData title agent-runner content (KiB)\n    "stdlib" : 2998\n'
    )
    expect(md).toContain('| idna | 68.4 KiB |')
    expect(md).toContain('```yaml\nexcludes: |\n  idna\n```')
    expect(md).toContain('| peak RSS (service run) | 39.1 MiB | 36.2 MiB | |')
  })

  it('lists every failure and escapes table cells', () => {
    const md = renderSummary(
      sampleMetrics({
        smoke: [{ name: 'custom | pipe', passed: false, ms: 3, detail: 'exit 2\nboom' }],
        verdict: { passed: false, failures: ['Binary size too big', 'Smoke check failed'] }
      })
    )
    expect(md).toContain('— ❌ failed')
    expect(md).toContain('| custom \\| pipe | ❌ | 3 ms | exit 2 boom |')
    expect(md).toContain('### Failures\n\n- Binary size too big\n- Smoke check failed')
  })

  it('leaves out the chart when poetry run could not be measured', () => {
    const m = sampleMetrics()
    const md = renderSummary({
      ...m,
      startup: { ...m.startup, poetryRunMedianMs: null, poetryRunColdMs: null }
    })
    expect(md).not.toContain('xychart-beta')
    expect(md).toContain('| startup, warm median | 102 ms | — | 3.00 s |')
  })
})

describe('schemaProblems', () => {
  it('accepts schema-1 metrics and names what is wrong otherwise', () => {
    expect(schemaProblems(sampleMetrics())).toEqual([])
    const bad = {
      ...sampleMetrics(),
      schema: 2,
      binary: { path: 'x', sizeBytes: '1', sha256: 'zz' }
    }
    expect(schemaProblems(bad)).toEqual([
      'schema should be 1',
      'binary.sizeBytes should be number',
      'binary.sha256 should be hex'
    ])
  })
})

describe('parity, trace, diagnosis, dead weight and SIGTERM sections', () => {
  const withParity = sampleMetrics({
    parity: [
      {
        command: '--help',
        exitOnly: false,
        passed: true,
        poetryExit: 0,
        binaryExit: 0,
        detail: 'both exit 0, same stdout (7 line(s))'
      },
      {
        command: 'list',
        exitOnly: false,
        passed: false,
        poetryExit: 0,
        binaryExit: 0,
        detail: 'both exit 0, stdout differs: - shout',
        diff: '@@ line 2 @@\n  plugins:\n- shout'
      }
    ],
    trace: {
      enabled: true,
      commands: ['--help', 'list'],
      added: {
        hiddenImports: [],
        collectData: [{ name: 'tplcli', because: ['list'], evidence: 'used templates' }],
        copyMetadata: [
          { name: 'epcli', because: ['list'], evidence: 'entry points of group "epcli.plugins"' }
        ]
      }
    },
    diagnosis: {
      missingModules: [],
      kinds: { modules: [], packages: [], absent: [] },
      missingData: [],
      missingMetadata: [{ name: 'epcli', line: 'No package metadata was found for epcli' }],
      suggestion: 'copy-metadata: |\n  epcli',
      autoFixedImports: []
    }
  })

  it('renders the parity table with the diff folded away', () => {
    const md = renderSummary(withParity)
    expect(md).toContain('### Parity with poetry run — 1 of 2 agree')
    expect(md).toContain('| `--help` | 0 | 0 | exit code, stdout | ✅ |')
    expect(md).toContain(
      '| `list` | 0 | 0 | exit code, stdout | ❌ both exit 0, stdout differs: - shout |'
    )
    expect(md).toContain('```diff\n@@ line 2 @@\n  plugins:\n- shout\n```')
  })

  it('lists what the trace added, with the commands that needed it', () => {
    const md = renderSummary(withParity)
    expect(md).toContain('### Added by the trace (2)')
    expect(md).toContain('| collect-data | `tplcli` | `list` | used templates |')
    expect(md).toContain(
      '| copy-metadata | `epcli` | `list` | entry points of group "epcli.plugins" |'
    )
  })

  it('lists only the modules the analysis missed, per package when many, and what package-data added', () => {
    const module = (name: string) => ({
      name,
      because: ['run'],
      evidence: 'loaded under poetry run'
    })
    const many = [...Array(20).keys()].map(i => `gen.m${i}`)
    const md = renderSummary({
      ...withParity,
      trace: {
        ...withParity.trace!,
        added: {
          ...withParity.trace!.added,
          hiddenImports: [...['argparse', 'json', 'epcli.plugins.shout', ...many].map(module)]
        },
        analysisMissed: ['epcli.plugins.shout', ...many],
        reentry: [{ name: '-c', because: ['run'], evidence: 'started sys.executable -c' }]
      },
      packageData: [
        {
          distribution: 'cyclonedx-python-lib',
          dataBytes: 2_500_000,
          dataFiles: 40,
          metadataBytes: 9000
        },
        { distribution: 'rich', dataBytes: 0, dataFiles: 0, metadataBytes: 4000 },
        {
          distribution: 'temporalio',
          dataBytes: 3_000,
          dataFiles: 2,
          metadataBytes: 1000,
          buildInputsFiles: 600,
          buildInputsBytes: 9_600_000
        }
      ]
    })
    expect(md).toContain(
      'Left out as compiler inputs: 600 file(s), 9.2 MiB (`temporalio` 9.2 MiB): C, C++, Rust, Go and Cython sources'
    )
    expect(md).toContain(
      "23 module(s) the traced runs loaded are bundled by name; the backend's own analysis had found all but 21."
    )
    expect(md).toContain('| hidden-imports | `gen ×20` | `run` |')
    expect(md).toContain('| hidden-imports | `epcli ×1` | `run` |')
    expect(md).not.toContain('`argparse`')
    expect(md).toContain('The program starts Python again (`-c` by `run`)')
    expect(md).toContain(
      'Package data and metadata bundled by default: 2.4 MiB from 3 distribution(s)'
    )
    expect(md).toContain('| `cyclonedx-python-lib` | 2.4 MiB | 40 | 8.8 KiB |')
  })

  it('shows what the binary lacks with its evidence and a paste-ready block', () => {
    const md = renderSummary(withParity)
    expect(md).toContain('- metadata of `epcli`: `No package metadata was found for epcli`')
    expect(md).toContain('```yaml\ncopy-metadata: |\n  epcli\n```')
  })

  it('labels dead weight, and gives no advice from --help / --version alone', () => {
    const base = sampleMetrics()
    const meaningful = renderSummary({
      ...base,
      deadWeightCoverage: { commands: 4, meaningful: true, candidates: base.deadWeight.length }
    })
    expect(meaningful).toContain(
      'not imported by any of the 4 command(s) that ran under poetry run'
    )
    const trivial = renderSummary({
      ...base,
      deadWeight: [],
      deadWeightCoverage: { commands: 2, meaningful: false, candidates: 3 }
    })
    expect(trivial).toContain('Dead weight: not meaningful here')
    expect(trivial).not.toContain('excludes: |')
  })

  it('shows how to handle SIGTERM only when that check failed', () => {
    const failed = sampleMetrics({
      smoke: [{ name: 'SIGTERM', passed: false, ms: 10_000, detail: 'still running' }]
    })
    expect(renderSummary(failed)).toContain('loop.add_signal_handler(sig, stop.set)')
    expect(renderSummary(sampleMetrics())).not.toContain('### Shutting down on SIGTERM')
  })
})
