// The workflow bundle's entry point: every workflow the worker registers.
export { pingWorkflow } from './ping.workflow.js';
export { loginIdChangeWorkflow } from './login-id-change/login-id-change.workflow.js';
export { requiredInfoApplicationWorkflow } from './required-info-application/required-info-application.workflow.js';
export { fiveUpdatesWorkflow } from './bench/five-updates.workflow.js';
