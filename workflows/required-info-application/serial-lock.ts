/**
 * A workflow mutex (as in Temporal's safe-message-handlers sample): actions on one application run
 * one after another in arrival order instead of being refused as busy. Deterministic: it is only a
 * promise chain, so replay orders them the same way.
 */
export class SerialLock {
  private tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
