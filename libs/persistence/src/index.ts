export * from './data-source-options.js';
export * from './unique-violation.js';
export * from './persistence.module.js';
export { MIGRATIONS } from './migrations/index.js';
export * from './sqlite-serialisation.js';
export * from './plain-row-reader.js';
