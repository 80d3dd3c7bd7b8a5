// Activity *types* only: workflows import this file, the worker implements it.

export interface PingActivities {
  /** Answers with the worker's identity. */
  recordPing(nonce: string): Promise<string>;
}
