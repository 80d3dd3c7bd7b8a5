// The production workflow bundle's entry point: every workflow the product's worker registers.
// Test and bench workflows (ping, five-updates) live in ./test-workflows.ts, bundled separately.
export { loginIdChangeWorkflow } from './login-id-change/login-id-change.workflow.js';
export { requiredInfoApplicationWorkflow } from './required-info-application/required-info-application.workflow.js';
