import { DomainError } from './domain-error.js';
import { decodePageCursor, encodePageCursor, pageLimitOf } from './page-cursor.js';

function code(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('page cursor', () => {
  it('round-trips a position', () => {
    const at = new Date('2026-03-05T14:07:00.123Z');
    expect(decodePageCursor(encodePageCursor({ at, id: 'abc' }))).toEqual({ at, id: 'abc' });
  });

  it('refuses anything that is not a cursor with VALIDATION_FAILED', () => {
    for (const bad of [
      '',
      '!!',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["x","y"]').toString('base64url'),
      Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'x'.repeat(37)])).toString('base64url'),
    ]) {
      expect(code(() => decodePageCursor(bad))).toBe('VALIDATION_FAILED');
    }
  });

  it('takes limits from 1 to 100, 20 by default', () => {
    expect(pageLimitOf(undefined)).toBe(20);
    expect(pageLimitOf('1')).toBe(1);
    expect(pageLimitOf('100')).toBe(100);
    for (const bad of ['0', '101', '-1', '1.5', 'ten', '1e2']) expect(code(() => pageLimitOf(bad))).toBe('VALIDATION_FAILED');
  });
});
