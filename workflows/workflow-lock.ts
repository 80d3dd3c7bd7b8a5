/**
 * A first-come-first-served lock for workflow code, as Temporal's safe-message-handlers sample uses a
 * Mutex: Update handlers that await activities run one at a time instead of interleaving. Plain
 * promise chaining — deterministic, no timers, nothing outside the workflow sandbox.
 */
export class WorkflowLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after every earlier holder has finished (whether it succeeded or threw). */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
