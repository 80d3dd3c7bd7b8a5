import { activityKey } from './login-id-change.contract.js';

describe('activityKey.ofUpdate', () => {
  const changeId = '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';
  const check = activityKey.check(changeId, 'EMAIL', 1);

  it('names the Update: the same number in another Update is another key, a retry of the same Update the same one', () => {
    const first = activityKey.ofUpdate(check, '0d9b5c1e-2f4a-4b8c-9d7e-6a5b4c3d2e1f');
    expect(first).toBe(`${check}:0d9b5c1e-2f4a-4b8c-9d7e-6a5b4c3d2e1f`);
    expect(activityKey.ofUpdate(check, '0d9b5c1e-2f4a-4b8c-9d7e-6a5b4c3d2e1f')).toBe(first);
    expect(activityKey.ofUpdate(check, '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d')).not.toBe(first);
  });

  it('keeps a key within the 200 characters of its column however long the Update ID, still telling IDs apart', () => {
    const long = 'u'.repeat(5_000);
    const key = activityKey.ofUpdate(activityKey.send(changeId, 'EMAIL', 99), long);
    expect(key.length).toBeLessThanOrEqual(200);
    expect(key).toBe(activityKey.ofUpdate(activityKey.send(changeId, 'EMAIL', 99), long));
    expect(key).not.toBe(activityKey.ofUpdate(activityKey.send(changeId, 'EMAIL', 99), `${long}v`));
    expect(activityKey.ofUpdate(check, 'x'.repeat(100))).toBe(`${check}:${'x'.repeat(100)}`);
  });
});
