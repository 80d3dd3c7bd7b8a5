export * from './audit-event.entity.js';
export * from './audit-masking.js';
export * from './audit-trail.js';
export * from './audit.module.js';
export * from './audit-search.js';
