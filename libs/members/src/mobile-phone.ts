import { createRequire } from 'node:module';

// The full metadata is several MB of heap: loaded on the first number parsed, not by every process
// that imports this library (quality.md P6).
const require = createRequire(import.meta.url);
let parse: (typeof import('libphonenumber-js/max'))['parsePhoneNumberFromString'] | undefined;

/**
 * Parses a mobile phone number to E.164. Numbers without a country code are read as Korean
 * (the portal's home market). Returns undefined when it is not a valid mobile number.
 */
export function toE164Mobile(input: string, defaultCountry: 'KR' = 'KR'): string | undefined {
  parse ??= (require('libphonenumber-js/max') as typeof import('libphonenumber-js/max')).parsePhoneNumberFromString;
  const parsed = parse(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) return undefined;
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return undefined;
  return parsed.number;
}
