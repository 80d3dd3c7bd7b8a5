export * from './verification-check.entity.js';
export * from './verification-code.entity.js';
export * from './verification-code.service.js';
export * from './verification.module.js';
export * from './keyed-verification-code.service.js';
