import { DomainError, ErrorCode } from '#app/core';
import { commonPasswordCount, isCommonPassword } from './common-passwords.js';
import {
  assertPasswordPolicy,
  describePasswordPolicy,
  isPasswordPolicyProfile,
  normalisePassword,
  PasswordRule,
  passwordViolations,
  type PasswordPolicyContext,
  type PasswordViolation,
} from './password-policy.js';

const portal: PasswordPolicyContext = { profile: 'portal' };
const nist: PasswordPolicyContext = { profile: 'nist' };

const rulesOf = (violations: PasswordViolation[]) => violations.map((v) => v.rule);

// Portal-valid filler: one letter, digit and special up front, then letters ('x' keeps it out of the list).
const portalPassword = (length: number) => `Zq7#${'x'.repeat(length - 4)}`;
// NIST-length filler: no composition rule applies, and it is in no common list.
const nistPassword = (length: number) => `Tide-${'k'.repeat(length - 5)}`;

describe('passwordViolations, portal profile', () => {
  it.each([8, 16])('accepts %i characters', (length) => {
    expect(passwordViolations(portalPassword(length), portal)).toEqual([]);
  });

  it('refuses 7 characters as TOO_SHORT only', () => {
    expect(rulesOf(passwordViolations(portalPassword(7), portal))).toEqual([PasswordRule.TOO_SHORT]);
  });

  it('refuses 17 characters as TOO_LONG only', () => {
    expect(rulesOf(passwordViolations(portalPassword(17), portal))).toEqual([PasswordRule.TOO_LONG]);
  });

  it.each([
    ['a letter', '1234!@#$5678', PasswordRule.MISSING_LETTER],
    ['a digit', 'Abcd!efgh', PasswordRule.MISSING_DIGIT],
    ['a special character', 'Abcd1efgh', PasswordRule.MISSING_SPECIAL],
  ])('refuses a password without %s', (_label, password, rule) => {
    expect(rulesOf(passwordViolations(password, portal))).toEqual([rule]);
  });

  it.each([
    ['an accented letter', 'Zq7#xxxé'],
    ['a Korean syllable', 'Zq7#xxx한'],
    ['an emoji', 'Zq7#xxx😀'],
    ['a full-width letter (not folded to ASCII)', 'Zq7#xxxＡ'],
    ['a control character', 'Zq7#xxx\u0007'],
  ])('refuses %s as NON_ASCII', (_label, password) => {
    expect(rulesOf(passwordViolations(password, portal))).toEqual([PasswordRule.NON_ASCII]);
  });

  it('counts an emoji as one character', () => {
    // 16 code points but 17 UTF-16 units: only NON_ASCII, not TOO_LONG.
    const password = `${portalPassword(15)}😀`;
    expect(password).toHaveLength(17);
    expect(rulesOf(passwordViolations(password, portal))).toEqual([PasswordRule.NON_ASCII]);
  });

  it('refuses a space as CONTAINS_SPACE', () => {
    expect(rulesOf(passwordViolations('Zq7# xxxx', portal))).toEqual([PasswordRule.CONTAINS_SPACE]);
  });

  it('refuses a tab as both NON_ASCII and CONTAINS_SPACE', () => {
    expect(rulesOf(passwordViolations('Zq7#\txxxx', portal))).toEqual([PasswordRule.NON_ASCII, PasswordRule.CONTAINS_SPACE]);
  });

  it('accepts every printable ASCII special character as special', () => {
    const specials = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(specials).toHaveLength(32);
    for (const special of specials) {
      expect(passwordViolations(`Zq7x${special}xyz`, portal)).toEqual([]);
    }
  });

  it('reports every broken rule at once, in a stable order', () => {
    expect(rulesOf(passwordViolations('é ', portal))).toEqual([
      PasswordRule.TOO_SHORT,
      PasswordRule.MISSING_LETTER,
      PasswordRule.MISSING_DIGIT,
      PasswordRule.MISSING_SPECIAL,
      PasswordRule.NON_ASCII,
      PasswordRule.CONTAINS_SPACE,
    ]);
  });

  it('reports composition, blocklist and login ID together', () => {
    expect(rulesOf(passwordViolations('password', { profile: 'portal', loginId: 'Password@example.com' }))).toEqual([
      PasswordRule.MISSING_DIGIT,
      PasswordRule.MISSING_SPECIAL,
      PasswordRule.COMMON_PASSWORD,
      PasswordRule.CONTAINS_LOGIN_ID,
    ]);
  });
});

describe('passwordViolations, nist profile', () => {
  it.each([15, 64])('accepts %i characters', (length) => {
    expect(passwordViolations(nistPassword(length), nist)).toEqual([]);
  });

  it('refuses 14 characters as TOO_SHORT only', () => {
    expect(rulesOf(passwordViolations(nistPassword(14), nist))).toEqual([PasswordRule.TOO_SHORT]);
  });

  it('refuses 65 characters as TOO_LONG only', () => {
    expect(rulesOf(passwordViolations(nistPassword(65), nist))).toEqual([PasswordRule.TOO_LONG]);
  });

  it('has no composition rule and accepts spaces and any Unicode', () => {
    expect(passwordViolations('correct horse battery staple', nist)).toEqual([]);
    expect(passwordViolations('비밀번호는 길수록 좋습니다 정말로', nist)).toEqual([]);
    expect(passwordViolations('élan vital, déjà vu ☕', nist)).toEqual([]);
  });

  it('counts code points, not UTF-16 units', () => {
    // 14 emoji are 28 UTF-16 units but 14 characters; 64 emoji are 128 units but 64 characters.
    expect(rulesOf(passwordViolations('😀'.repeat(14), nist))).toEqual([PasswordRule.TOO_SHORT]);
    expect(passwordViolations('😀'.repeat(15), nist)).toEqual([]);
    expect(passwordViolations('😀'.repeat(64), nist)).toEqual([]);
    expect(rulesOf(passwordViolations('😀'.repeat(65), nist))).toEqual([PasswordRule.TOO_LONG]);
  });

  it('checks the NFKC form, so full-width look-alikes of a common password are refused', () => {
    const fullWidth = 'ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ';
    expect(normalisePassword(fullWidth, 'nist')).toBe('passwordpassword');
    expect(rulesOf(passwordViolations(fullWidth, nist))).toEqual([PasswordRule.COMMON_PASSWORD]);
  });

  it('counts length after NFKC (a ligature counts as the letters it stands for)', () => {
    // 14 code points as typed (too short), 16 once "ﬃ" becomes "ffi".
    const typed = 'tide-kkkkkkkﬃx';
    expect([...typed]).toHaveLength(14);
    expect(passwordViolations(typed, nist)).toEqual([]);
  });

  it('reports TOO_SHORT together with COMMON_PASSWORD and CONTAINS_LOGIN_ID', () => {
    expect(rulesOf(passwordViolations('dragon', { profile: 'nist', loginId: 'dragon@example.com' }))).toEqual([
      PasswordRule.TOO_SHORT,
      PasswordRule.COMMON_PASSWORD,
      PasswordRule.CONTAINS_LOGIN_ID,
    ]);
  });
});

describe('common-password blocklist', () => {
  it('holds at least 10,000 entries', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it('refuses "password" under both profiles', () => {
    expect(rulesOf(passwordViolations('password', portal))).toContain(PasswordRule.COMMON_PASSWORD);
    expect(rulesOf(passwordViolations('password', nist))).toContain(PasswordRule.COMMON_PASSWORD);
  });

  it('refuses a listed password that satisfies every portal composition rule, ignoring case', () => {
    expect(isCommonPassword('p@ssw0rd')).toBe(true);
    expect(rulesOf(passwordViolations('P@ssw0rd', portal))).toEqual([PasswordRule.COMMON_PASSWORD]);
    expect(rulesOf(passwordViolations('PA$$W0RD', portal))).toEqual([PasswordRule.COMMON_PASSWORD]);
  });

  it('refuses a listed password that satisfies the nist length, ignoring case', () => {
    expect(rulesOf(passwordViolations('PasswordPassword', nist))).toEqual([PasswordRule.COMMON_PASSWORD]);
    expect(rulesOf(passwordViolations('1qaz2wsx3edc4rfv', nist))).toEqual([PasswordRule.COMMON_PASSWORD]);
  });

  it('matches whole passwords only', () => {
    expect(passwordViolations('P@ssw0rd-Tide42', portal)).toEqual([]);
  });
});

describe('login ID rule', () => {
  it.each([
    ['exact case', 'jsmith@example.com', 'Ab1!jsmith'],
    ['different case', 'JSmith@Example.com', 'Ab1!jSMITH'],
    ['surrounding space in the login ID', '  jsmith@example.com ', 'xxjsmith#9'],
  ])('refuses a password containing the local part (%s)', (_label, loginId, password) => {
    expect(rulesOf(passwordViolations(password, { profile: 'portal', loginId }))).toEqual([PasswordRule.CONTAINS_LOGIN_ID]);
  });

  it('applies under the nist profile too', () => {
    const loginId = 'jsmith@example.com';
    expect(rulesOf(passwordViolations('my name is JSmith, hi', { profile: 'nist', loginId }))).toEqual([PasswordRule.CONTAINS_LOGIN_ID]);
  });

  it('does not look at the domain', () => {
    expect(passwordViolations('example#Co1', { profile: 'portal', loginId: 'jsmith@example.com' })).toEqual([]);
  });

  it('ignores local parts shorter than 3 characters', () => {
    expect(passwordViolations('Jo7#xxxx', { profile: 'portal', loginId: 'jo@example.com' })).toEqual([]);
    expect(rulesOf(passwordViolations('Joe7#xxx', { profile: 'portal', loginId: 'joe@example.com' }))).toEqual([PasswordRule.CONTAINS_LOGIN_ID]);
  });

  it('uses the whole value when the login ID has no @', () => {
    expect(rulesOf(passwordViolations('Zq7#jsmith', { profile: 'portal', loginId: 'jsmith' }))).toEqual([PasswordRule.CONTAINS_LOGIN_ID]);
  });
});

describe('violation messages', () => {
  const samples: Array<[string, PasswordPolicyContext]> = [
    ['short1', portal],
    ['nodigitsHere!', portal],
    ['P@ssw0rd', portal],
    ['Zq7#xxx😀 jsmith', { profile: 'portal', loginId: 'jsmith@example.com' }],
    ['passwordpassword', nist],
    ['jsmith-secret', { profile: 'nist', loginId: 'JSmith@example.com' }],
    ['x'.repeat(70), nist],
  ];

  it.each(samples)('never contain the password %j', (password, context) => {
    const violations = passwordViolations(password, context);
    expect(violations.length).toBeGreaterThan(0);
    for (const { message } of violations) {
      expect(message).not.toContain(password);
      expect(message.toLowerCase()).not.toContain(password.toLowerCase());
      expect(message).toMatch(/^The password .+\.$/);
    }
  });

  it('depend on the rule and profile only, not on the password', () => {
    const first = passwordViolations('abc', portal);
    const second = passwordViolations('xyz', portal);
    expect(first).toEqual(second);
  });

  it('state the profile limits', () => {
    const messageOf = (password: string, context: PasswordPolicyContext, rule: PasswordRule) =>
      passwordViolations(password, context).find((v) => v.rule === rule)?.message;
    expect(messageOf('a', portal, PasswordRule.TOO_SHORT)).toContain('8');
    expect(messageOf('a'.repeat(20), portal, PasswordRule.TOO_LONG)).toContain('16');
    expect(messageOf('a', nist, PasswordRule.TOO_SHORT)).toContain('15');
    expect(messageOf('a'.repeat(70), nist, PasswordRule.TOO_LONG)).toContain('64');
  });
});

describe('assertPasswordPolicy', () => {
  it('returns quietly for a valid password', () => {
    expect(() => assertPasswordPolicy('Tide-Pool-7!', { profile: 'portal' })).not.toThrow();
    expect(() => assertPasswordPolicy('a long passphrase with spaces', { profile: 'nist' })).not.toThrow();
  });

  it('throws PASSWORD_POLICY_VIOLATION listing every violation', () => {
    let thrown: unknown;
    try {
      assertPasswordPolicy('password', { profile: 'portal', loginId: 'password@example.com' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.code).toBe(ErrorCode.PASSWORD_POLICY_VIOLATION);
    expect(error.message).toBe('The password does not meet the policy');
    expect(error.details).toEqual({ violations: passwordViolations('password', { profile: 'portal', loginId: 'password@example.com' }) });
    expect(rulesOf((error.details as { violations: PasswordViolation[] }).violations)).toEqual([
      PasswordRule.MISSING_DIGIT,
      PasswordRule.MISSING_SPECIAL,
      PasswordRule.COMMON_PASSWORD,
      PasswordRule.CONTAINS_LOGIN_ID,
    ]);
    expect(JSON.stringify(error.details)).not.toContain('"password"');
  });
});

describe('describePasswordPolicy', () => {
  it('describes the portal profile by default', () => {
    const description = describePasswordPolicy();
    expect(description).toBe(describePasswordPolicy('portal'));
    expect(description).toContain('8 to 16 characters');
    expect(description).toContain('English letters, digits and special characters');
  });

  it('describes the nist profile', () => {
    const description = describePasswordPolicy('nist');
    expect(description).toContain('15 to 64 characters');
    expect(description).toContain('commonly used password');
  });
});

describe('isPasswordPolicyProfile', () => {
  it.each([
    ['portal', true],
    ['nist', true],
    ['NIST', false],
    ['', false],
    [undefined, false],
  ])('%j is a profile: %s', (value, expected) => {
    expect(isPasswordPolicyProfile(value)).toBe(expected);
  });
});
