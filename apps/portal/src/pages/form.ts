import type { Translate } from '../i18n/translate.js';
import { html, type SafeHtml } from './html.js';
import type { Refusal } from './refusal.js';

export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly refusal: Refusal;
  readonly type?: 'text' | 'email' | 'password' | 'tel' | 'file';
  /** Never given for passwords and codes: those are typed again after a refusal. */
  readonly value?: string | null;
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly inputmode?: 'numeric' | 'email' | 'tel';
  readonly multiple?: boolean;
  readonly accept?: string;
  readonly maxlength?: number;
  /** A choice list instead of a text field. */
  readonly options?: ReadonlyArray<{ value: string; label: string }>;
  readonly textarea?: boolean;
  /** Shown under the field, e.g. the value saved meanwhile by someone else. */
  readonly note?: string;
}

function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A labelled field with its refusal (in words, next to it) and its hint, wired for screen readers. */
export function field(options: FieldOptions): SafeHtml {
  const { name, label, refusal } = options;
  const id = fieldId(name);
  const errors = refusal.fields[name] ?? [];
  const described = [errors.length ? `${id}-error` : null, options.hint ? `${id}-hint` : null, options.note ? `${id}-note` : null].filter(Boolean).join(' ');
  const common = html`id="${id}" name="${name}"${options.required ? html` required` : null}${described ? html` aria-describedby="${described}"` : null}${errors.length ? html` aria-invalid="true"` : null}`;
  let control: SafeHtml;
  if (options.options) {
    control = html`<select ${common}>${options.options.map((option) => html`<option value="${option.value}"${option.value === (options.value ?? '') ? html` selected` : null}>${option.label}</option>`)}</select>`;
  } else if (options.textarea) {
    control = html`<textarea ${common} rows="6"${options.maxlength ? html` maxlength="${options.maxlength}"` : null}>${options.value ?? ''}</textarea>`;
  } else {
    const type = options.type ?? 'text';
    control = html`<input ${common} type="${type}"${type !== 'file' && type !== 'password' ? html` value="${options.value ?? ''}"` : null}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : null}${options.inputmode ? html` inputmode="${options.inputmode}"` : null}${options.multiple ? html` multiple` : null}${options.accept ? html` accept="${options.accept}"` : null}${options.maxlength ? html` maxlength="${options.maxlength}"` : null}>`;
  }
  return html`<div class="field${errors.length ? ' invalid' : ''}">
    <label for="${id}">${label}</label>
    ${control}
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : null}
    ${options.note ? html`<p class="note" id="${id}-note">${options.note}</p>` : null}
    ${errors.map((message, i) => html`<p class="field-error" ${i === 0 ? html`id="${id}-error"` : null} role="alert">${message}</p>`)}
  </div>`;
}

/** The refusals that belong to no field, above the form; a hint when only fields were refused. */
export function formAlert(refusal: Refusal, t: Translate): SafeHtml | null {
  if (refusal.general.length > 0) return html`<div class="alert" role="alert">${refusal.general.map((message) => html`<p>${message}</p>`)}</div>`;
  if (Object.keys(refusal.fields).length > 0) return html`<div class="alert" role="alert"><p>${t('common.formProblems')}</p></div>`;
  return null;
}
