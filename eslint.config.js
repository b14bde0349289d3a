import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Imports point down only: root -> features -> ui/state -> io/workers -> core. Recharts (about
// 180 kB gzip) stays inside the lazily loaded charts feature.
const layer = (files, forbidden, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((group) => ({
          group: [group],
          message: 'This import points up or sideways in the layers of ARCHITECTURE.md.',
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['src/core/**'],
    [
      'react',
      'react-dom',
      '**/io/**',
      '**/state/**',
      '**/workers/**',
      '**/features/**',
      '**/ui/**',
      'recharts',
    ],
  ),
  layer(
    ['src/io/**', 'src/workers/**'],
    ['react', 'react-dom', '**/state/**', '**/features/**', '**/ui/**', 'recharts'],
  ),
  layer(['src/state/**'], ['**/features/**', '**/ui/**', 'recharts']),
  layer(['src/ui/**'], ['**/features/**', 'recharts']),
  layer(['src/*.{ts,tsx}', 'src/features/**'], ['recharts'], ['src/features/charts/**']),
  {
    files: ['tests/**', '*.config.{ts,js}', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
