// Three tiers: unit (pure, fast), integration (real Poetry/PyInstaller/UPX), e2e (compiled dist/ under Node 24).
const tsJest = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
}
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: tsJest,
  setupFiles: ['<rootDir>/__tests__/setup/sandbox-env.ts']
}
// Integration and e2e tests start real processes (the compiled action under Node 24, Poetry,
// builds): a bound against a hang, not a speed check, so it is not jest's 5 s default, which a
// loaded 2-core machine exceeds just starting Node 24 on dist/. Tests that build set their own.
const SPAWNING_TIMEOUT_MS = 10 * 60_000
export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.itg\\.test\\.ts$', '\\.e2e\\.test\\.ts$']
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/__tests__/integration/**/*.itg.test.ts'],
      testTimeout: SPAWNING_TIMEOUT_MS
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.e2e.test.ts'],
      testTimeout: SPAWNING_TIMEOUT_MS
    }
  ]
}
