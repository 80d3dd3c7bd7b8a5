export * from './configure-app.js';
export * from './json-logger.js';
export * from './metrics.js';
export * from './problem.filter.js';
export * from './problem-status.js';
export * from './request-context.js';
export * from './validation.js';
export * from './web-platform.module.js';
