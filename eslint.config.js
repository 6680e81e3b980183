import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer rules (ARCHITECTURE.md): which folder may import which.
 * shared imports nothing of ours; main/core imports shared only, never electron;
 * only main/app imports electron; renderer imports shared only; hub imports shared only.
 */
const ourLayers = ['main', 'renderer', 'hub', 'tests'];
const layer = (files, forbiddenLayers, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbiddenLayers.map((name) => ({
            // shared/hub.ts (the hub's wire format) is shared, not the hub layer.
            group: [`**/${name}/**`, `**/${name}`, `!**/shared/${name}`],
            message: `This layer may not import from ${name}/ (see ARCHITECTURE.md, layer rules).`,
          })),
          ...extra,
        ],
      },
    ],
  },
});
const noElectron = {
  group: ['electron', 'electron/*', 'electron-store'],
  message: 'Only main/app may import electron (see ARCHITECTURE.md, layer rules).',
};
const noNode = {
  group: ['node:*', 'better-sqlite3', 'conf'],
  message: 'shared/ and renderer/ run in the browser too: no Node modules here.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain Node entry points and scripts.
    files: ['bin/**/*.js', 'scripts/**/*.js', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
  layer(['shared/**'], ourLayers.concat(['core', 'api', 'app', 'host', 'cli']), [noElectron, noNode]),
  layer(['main/core/**'], ['renderer', 'hub', 'tests', 'api', 'app', 'host', 'cli'], [noElectron]),
  layer(['main/api/**'], ['renderer', 'hub', 'tests', 'app', 'host', 'cli'], [noElectron]),
  layer(['main/host/**', 'main/cli/**'], ['renderer', 'hub', 'tests', 'app'], [noElectron]),
  layer(['main/app/**'], ['renderer', 'hub', 'tests', 'host', 'cli']),
  layer(['renderer/**'], ['main', 'hub', 'tests'], [noElectron, noNode]),
  layer(['hub/**'], ['main', 'renderer', 'tests'], [noElectron]),
  {
    files: ['hub/bin/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Config files and scripts are tool entry points: default exports are their convention.
    files: ['*.config.ts', '*.config.js', 'tests/**/playwright.config.ts', 'electron.vite.config.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
);
