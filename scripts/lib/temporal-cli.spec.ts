import { waitFor, WaitAbandoned } from './temporal-cli.mjs';

describe('waitFor', () => {
  it('takes a throw for "not yet" and polls again', async () => {
    let calls = 0;
    await waitFor(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not listening yet');
        return true;
      },
      { intervalMs: 1 },
    );
    expect(calls).toBe(3);
  });

  it('ends the wait at once when the check abandons it (the process it waits for has exited)', async () => {
    let calls = 0;
    const waiting = waitFor(
      () => {
        calls += 1;
        throw new WaitAbandoned('worker exited');
      },
      { intervalMs: 1, timeoutMs: 60_000 },
    );
    await expect(waiting).rejects.toThrow('worker exited');
    expect(calls).toBe(1);
  });

  it('names what it waited for when time runs out', async () => {
    await expect(waitFor(() => false, { intervalMs: 1, timeoutMs: 5, what: 'the S3 gateway' })).rejects.toThrow(
      'Timed out after 5 ms waiting for the S3 gateway',
    );
  });
});
