// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOrElectron = ['electron', 'node:*', 'fs', 'path', 'crypto', 'child_process', 'os', 'better-sqlite3-multiple-ciphers', 'argon2', 'kysely'];

/**
 * Layering (docs/architecture.md#layering), enforced here rather than in prose:
 * src-shared imports no Node/Electron/DOM-only code; the renderer imports only src-shared and browser
 * libraries; the preload imports only electron and src-shared/ipc; migrations import only kysely.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true }],
      'no-restricted-properties': ['error',
        { object: 'describe', property: 'only', message: 'Do not commit .only' },
        { object: 'it', property: 'only', message: 'Do not commit .only' },
        { object: 'test', property: 'only', message: 'Do not commit .only' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: nodeOrElectron, message: 'src-shared is pure: no Node, Electron or database imports.' },
        { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports nothing from main or renderer.' },
      ] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [
        { group: nodeOrElectron, message: 'The renderer is sandboxed: no Node or Electron imports.' },
        { group: ['**/src-main/**'], message: 'The renderer talks to main only through api/client.ts.' },
      ] }],
    },
  },
  {
    files: ['src-main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^\\.\\.?/(?!\\.\\./src-shared/ipc/)', message: 'The preload imports only electron and src-shared/ipc.' },
        { group: ['node:*', 'fs', 'path', 'better-sqlite3-multiple-ciphers', 'argon2', 'kysely'], message: 'The preload imports only electron and src-shared/ipc.' },
      ] }],
    },
  },
  {
    files: ['src-main/db/migrations/[0-9]*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', './*', '!kysely'], message: 'Migrations are frozen in time: import only kysely.' }] }],
    },
  },
  {
    files: ['src-main/domains/*/**/*.ts'],
    ignores: ['src-main/domains/settings/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../../domains/*', '../*/*.repository', '../*/*.service'], message: 'A domain never imports another domain: pass a narrow interface from bootstrap.ts.' },
      ] }],
    },
  },
  {
    // Kysely's frozen-migration pattern: migrations see the database as Kysely<any>, never the live Database type.
    files: ['src-main/db/migrations/**/*.ts', 'src-main/db/migrator.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // CommonJS test fixtures and build hooks (electron-builder loads afterPack hooks with require).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
