import { DomainError } from '#app/core';
import { parseIfMatch } from './if-match.js';

function refusal(header: string | undefined): { code: string; details: Record<string, unknown> } | undefined {
  try {
    parseIfMatch(header);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, details: error.details };
  }
}

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"3"', 3],
    [' "12" ', 12],
    ['"999999999"', 999_999_999],
  ])('reads %s as version %d', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([undefined, '', '   ', '*'])('requires a version when the header is %p', (header) => {
    expect(refusal(header)?.code).toBe('PRECONDITION_REQUIRED');
  });

  it.each(['"abc"', '"3", "4"', 'W/3', '"-1"', '3.0', '"2147483648"', '"1000000000"', '"3', 'w/"3"'])('refuses the malformed tag %s', (header) => {
    expect(refusal(header)).toEqual({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'If-Match', rules: ['isVersionTag'] }] } });
  });
});
