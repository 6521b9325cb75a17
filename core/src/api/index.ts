/**
 * The HTTP contract between the brandlock server and its clients (plugins, CLI): zod schemas for every
 * request and response, the route table, the OpenAPI generator and the typed client.
 */
export * from './roles';
export * from './common';
export * from './health-schemas';
export * from './token-schemas';
export * from './lock-schemas';
export * from './brief-schemas';
export * from './upload-schemas';
export * from './job-schemas';
export * from './moodboard-schemas';
export * from './review-schemas';
export * from './audit-schemas';
export * from './recipe-schemas';
export * from './library-schemas';
export * from './lock-setup-schemas';
export * from './training-schemas';
export * from './routes';
export * from './openapi';
export * from './client-errors';
export * from './sse';
export * from './client';
export * from './web-platform';
