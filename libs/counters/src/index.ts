export * from './counter-store.js';
export * from './counters.module.js';
export * from './failed-password-counters.js';
