import type { PageContext } from '../page-context.js';

export const MEMBER_TYPES = ['PERSONAL', 'PERSONAL_BUSINESS', 'CORPORATE_BUSINESS'] as const;
export const ADDRESS_FIELDS = ['address.country', 'address.postalCode', 'address.line1', 'address.line2'] as const;

/** The form's values by field name (what the page shows again after a refusal). */
export type FormValues = Record<string, string>;

export function formValues(ctx: PageContext, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((name) => [name, ctx.field(name).trim()]));
}

/** The address as the API takes it, or undefined when the member left all of it empty. */
export function addressOf(values: FormValues): { country: string; postalCode: string; line1: string; line2?: string } | undefined {
  const [country, postalCode, line1, line2] = ADDRESS_FIELDS.map((name) => values[name] ?? '');
  if (!country && !postalCode && !line1 && !line2) return undefined;
  return { country: country.toUpperCase(), postalCode, line1, ...(line2 ? { line2 } : {}) };
}

/** Takes the values a form held when the password gate interrupted it (once). */
export function takeDraft(ctx: PageContext, path: string): FormValues | undefined {
  const draft = ctx.session.draft;
  if (!draft || draft.path !== path) return undefined;
  delete ctx.session.draft;
  ctx.changed();
  return { ...draft.values };
}
