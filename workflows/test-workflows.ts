// Entry point of the worker's test bundle (WORKER_TEST_WORKFLOWS=1, refused in production): the
// product's workflows plus the stack probe (ping), the bench reference (five-updates) and the bench floor (five-durable-updates).
export * from './index.js';
export { pingWorkflow } from './ping.workflow.js';
export { fiveUpdatesWorkflow } from './bench/five-updates.workflow.js';
export { fiveDurableLocalUpdatesWorkflow, fiveDurableUpdatesWorkflow } from './bench/five-durable-updates.workflow.js';
