import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '__tests__/.work/**',
      '.bench-out/**',
      '.test-results/**',
      'node_modules/**',
      'coverage/**',
      'examples/**',
      'build-ts/**',
      'bench/**/*.mjs',
      // Snapshots of real public projects, kept as their authors wrote them.
      'bench/real-projects/**',
      'scripts/**'
    ]
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off'
    }
  }
)
