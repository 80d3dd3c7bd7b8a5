export * from './commit-login-id-change.service.js';
export * from './login-id-change.client.js';
export * from './login-id-change-codes.service.js';
export * from './login-id-change-notices.service.js';
export * from './login-id-change-revert.entity.js';
export * from './login-id-change.module.js';
export * from './revert-login-id-change.service.js';
export * from './cooling-off.js';
