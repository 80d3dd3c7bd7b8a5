// Korean business registration number (사업자등록번호): 10 digits, the last a check digit
// computed by the National Tax Service's weighted sum.
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/** Strips the usual dashes: 123-45-67890 → 1234567890. */
export function normaliseBusinessRegistrationNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function isValidBusinessRegistrationNumber(input: string): boolean {
  const digits = normaliseBusinessRegistrationNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  let sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * d[i], 0);
  sum += Math.floor((d[8] * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

/** Shows only the last four digits: 123-45-67890 → ******7890. */
export function maskBusinessRegistrationNumber(value: string | null): string | null {
  if (!value) return null;
  return `${'*'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
}
