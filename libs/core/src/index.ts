export * from './error-code.js';
export * from './domain-error.js';
export * from './language.js';
export * from './secret-hash.js';
export * from './page-cursor.js';
