export * from './verification-code.entity.js';
export * from './verification-code.service.js';
export * from './verification.module.js';
