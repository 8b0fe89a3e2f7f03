// Lint: typescript-eslint's recommended rules, plus the boundary of shared/ (pure TypeScript:
// no DOM frameworks, Electron, React, Lexical or Dexie).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.probe*/**', 'out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.scratch*/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Fakes of Electron and IndexedDB in tests are loosely typed on purpose.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is pure: no React.' },
            { group: ['lexical', '@lexical/*'], message: 'shared/ is pure: no Lexical.' },
            { group: ['dexie', 'dexie-*'], message: 'shared/ is pure: no Dexie.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ runs in the browser too: no Node built-ins.' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not depend on the app layers.' },
          ],
        },
      ],
    },
  },
);
