import { WorkflowLock } from './workflow-lock.js';

describe('WorkflowLock', () => {
  it('runs holders one at a time, in arrival order, past a holder that threw', async () => {
    const lock = new WorkflowLock();
    const events: string[] = [];
    let releaseFirst!: () => void;
    const first = lock.run(async () => {
      events.push('first:start');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      events.push('first:end');
      throw new Error('refused');
    });
    const second = lock.run(async () => {
      events.push('second');
      return 2;
    });
    await Promise.resolve();
    expect(events).toEqual(['first:start']);
    releaseFirst();
    await expect(first).rejects.toThrow('refused');
    await expect(second).resolves.toBe(2);
    expect(events).toEqual(['first:start', 'first:end', 'second']);
  });
});
