export * from './auth.module.js';
export * from './auth.service.js';
export * from './password-check.service.js';
export * from './session.entity.js';
export * from './sessions.service.js';
export * from './password-change/change-password.service.js';
