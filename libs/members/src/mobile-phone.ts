import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Parses a mobile phone number to E.164. Numbers without a country code are read as Korean
 * (the portal's home market). Returns undefined when it is not a valid mobile number.
 */
export function toE164Mobile(input: string, defaultCountry: 'KR' = 'KR'): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) return undefined;
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return undefined;
  return parsed.number;
}
