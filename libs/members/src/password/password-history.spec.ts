import { isRecentlyUsed, PASSWORD_HISTORY_SIZE, rememberHash } from './password-history.js';

// A fake, deterministic "hash" and its check, standing in for bcrypt; it records the hashes it was given.
const h = (plain: string) => `h(${plain})`;
const fakeCompare = () => {
  const comparedHashes: string[] = [];
  const compare = async (plain: string, hash: string) => {
    comparedHashes.push(hash);
    return h(plain) === hash;
  };
  return Object.assign(compare, { comparedHashes });
};

describe('password history', () => {
  it('keeps three passwords, the current one included', () => {
    expect(PASSWORD_HISTORY_SIZE).toBe(3);
  });

  it('after P1 -> P2 -> P3 -> P4, allows P1 again and refuses P2, P3 and P4', async () => {
    let history: string[] = [];
    for (const password of ['P1', 'P2', 'P3', 'P4']) {
      await expect(isRecentlyUsed(password, history, fakeCompare())).resolves.toBe(false);
      history = rememberHash(history, h(password));
    }
    expect(history).toEqual([h('P4'), h('P3'), h('P2')]);

    await expect(isRecentlyUsed('P1', history, fakeCompare())).resolves.toBe(false);
    await expect(isRecentlyUsed('P2', history, fakeCompare())).resolves.toBe(true);
    await expect(isRecentlyUsed('P3', history, fakeCompare())).resolves.toBe(true);
    // The current password counts as one of the three.
    await expect(isRecentlyUsed('P4', history, fakeCompare())).resolves.toBe(true);
  });

  it('refuses going back to the password set just before the current one', async () => {
    const history = rememberHash(rememberHash([], h('P1')), h('P2'));
    await expect(isRecentlyUsed('P1', history, fakeCompare())).resolves.toBe(true);
  });

  it('compares at most three hashes, even when given more', async () => {
    const compare = fakeCompare();
    const history = [h('P5'), h('P4'), h('P3'), h('P2'), h('P1')];

    await expect(isRecentlyUsed('P1', history, compare)).resolves.toBe(false);
    expect(compare.comparedHashes).toEqual([h('P5'), h('P4'), h('P3')]);
  });

  it('compares the current hash first and stops at the first match', async () => {
    const compare = fakeCompare();
    await expect(isRecentlyUsed('P3', [h('P3'), h('P2'), h('P1')], compare)).resolves.toBe(true);
    expect(compare.comparedHashes).toEqual([h('P3')]);

    const second = fakeCompare();
    await expect(isRecentlyUsed('P2', [h('P3'), h('P2'), h('P1')], second)).resolves.toBe(true);
    expect(second.comparedHashes).toEqual([h('P3'), h('P2')]);
  });

  it('never compares when there is no history', async () => {
    const compare = fakeCompare();
    await expect(isRecentlyUsed('P1', [], compare)).resolves.toBe(false);
    expect(compare.comparedHashes).toEqual([]);
  });

  it('passes a failing comparison on to the caller', async () => {
    const failing = async (): Promise<boolean> => {
      throw new Error('hash library failed');
    };
    await expect(isRecentlyUsed('P1', [h('P1')], failing)).rejects.toThrow('hash library failed');
  });

  it('honours a different history depth', async () => {
    const compare = fakeCompare();
    await expect(isRecentlyUsed('P1', [h('P3'), h('P2'), h('P1')], compare, 2)).resolves.toBe(false);
    expect(compare.comparedHashes).toEqual([h('P3'), h('P2')]);
  });
});

describe('rememberHash', () => {
  it('puts the new hash first and keeps the three newest', () => {
    expect(rememberHash([], 'a')).toEqual(['a']);
    expect(rememberHash(['b', 'a'], 'c')).toEqual(['c', 'b', 'a']);
    expect(rememberHash(['c', 'b', 'a'], 'd')).toEqual(['d', 'c', 'b']);
  });

  it('trims an over-long stored history', () => {
    expect(rememberHash(['e', 'd', 'c', 'b', 'a'], 'f')).toEqual(['f', 'e', 'd']);
  });

  it('honours keep and leaves the input untouched', () => {
    const previous = ['b', 'a'];
    expect(rememberHash(previous, 'c', 2)).toEqual(['c', 'b']);
    expect(rememberHash(previous, 'c', 5)).toEqual(['c', 'b', 'a']);
    expect(previous).toEqual(['b', 'a']);
  });
});
