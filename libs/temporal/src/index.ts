export * from './temporal-gateway.js';
export * from './temporal.module.js';
export * from './temporal-errors.js';
