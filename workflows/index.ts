// The workflow bundle's entry point: every workflow the worker registers.
export { pingWorkflow } from './ping.workflow.js';
export { loginIdChangeWorkflow } from './login-id-change/login-id-change.workflow.js';
