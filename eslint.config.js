import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'var/**', '.tools/**', 'coverage/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        globalThis: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'off',
    },
  },
  {
    // Domain code never throws HTTP exceptions; apps map DomainError codes once.
    files: ['libs/**/*.ts'],
    ignores: ['libs/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: ['HttpException', 'BadRequestException', 'NotFoundException', 'ForbiddenException', 'UnauthorizedException', 'ConflictException'],
              message: 'Throw DomainError with an ErrorCode instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Workflow code is deterministic and bundled: no Nest, TypeORM or Node I/O.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'typeorm', 'node:*', 'fs', 'path', '#app/*', '../libs/*', '../apps/*'] }],
    },
  },
);
