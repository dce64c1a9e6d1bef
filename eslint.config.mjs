// Lint, including the layer boundaries from STYLE.md §1. A wrong import fails `npm test`.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'net', 'stream', 'url', 'util']

/** Forbid each listed layer, by directory name in a relative import, or by package name. */
const forbid = (message, ...regexes) => regexes.map((regex) => ({ regex, message }))

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // shared/ is pure TypeScript used by both sides: no Node, no Electron, no DOM frameworks, no other layer.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'shared/ must not import electron' }, { name: 'react', message: 'shared/ holds no UI' }],
        patterns: [
          { group: nodeBuiltins, message: 'shared/ must run in the renderer too: no Node built-ins' },
          ...forbid('shared/ imports nothing from other layers', '(^|/)(electron|renderer)/'),
        ],
      }],
    },
  },
  {
    // The engine runs in plain Node (CLI, workers, bridge, tests): never Electron, never a shell around it.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'electron/core is the engine: it must not import electron' }],
        patterns: forbid('electron/core may import only core and shared', '(^|/)(main|ipc|preload|cli|bridge)/', '(^|/)renderer/'),
      }],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'electron/bridge/**/*.ts', 'electron/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'the CLI, bridge and router run without Electron' }],
        patterns: forbid('shells do not import the renderer', '(^|/)renderer/'),
      }],
    },
  },
  {
    // The renderer talks only to the typed API: it may import shared/ and nothing else of ours.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'the renderer talks only through window.api' }],
        patterns: [
          { group: nodeBuiltins, message: 'the renderer has no Node' },
          ...forbid('the renderer imports only shared/', '(^|/)electron/'),
        ],
      }],
    },
  },
)
