export * from './inquiry-category.js';
export * from './inquiry.entity.js';
export * from './inquiries.service.js';
export * from './support.module.js';
