import { DomainError, ErrorCode, isLanguage, type Language } from '#app/core';
import {
  isTemplateName,
  TEMPLATES,
  type ParamKind,
  type RenderedMessage,
  type TemplateCatalog,
  type TemplateName,
  type TemplateParams,
} from './template-definitions.js';
import { EN_TEMPLATES } from './templates.en.js';
import { JA_TEMPLATES } from './templates.ja.js';
import { KO_TEMPLATES } from './templates.ko.js';

const CATALOGS: Record<Language, TemplateCatalog> = { ko: KO_TEMPLATES, en: EN_TEMPLATES, ja: JA_TEMPLATES };

const PARAM_CHECKS: Record<ParamKind, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string' && value.trim() !== '',
  code: (value) => typeof value === 'string' && /^\d{6}$/.test(value),
  count: (value) => typeof value === 'number' && Number.isInteger(value) && value > 0,
  instant: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)),
  url: (value) => typeof value === 'string' && /^https?:\/\/\S+$/.test(value) && URL.canParse(value),
};

function invalid(message: string, details: Record<string, unknown>): DomainError {
  // Details name the template and parameter only: values may be codes or tokens.
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, details);
}

/**
 * Renders a template in the member's language. Parameters are checked at run time too (activity
 * input arrives as JSON): a bad one is a VALIDATION_FAILED DomainError naming the parameter.
 */
export function renderTemplate<N extends TemplateName>(name: N, language: Language, params: TemplateParams[N]): RenderedMessage {
  if (!isTemplateName(name)) throw invalid('Unknown notification template', { template: String(name) });
  if (!isLanguage(language)) throw invalid('Unknown language', { template: name, language: String(language) });
  if (typeof params !== 'object' || params === null) throw invalid('Template parameters missing', { template: name });
  const kinds: Readonly<Record<string, ParamKind>> = TEMPLATES[name].params;
  for (const [param, kind] of Object.entries(kinds)) {
    if (!PARAM_CHECKS[kind]((params as Record<string, unknown>)[param])) {
      throw invalid(`Template parameter ${param} must be a valid ${kind}`, { template: name, param });
    }
  }
  const unknown = Object.keys(params).find((param) => !Object.hasOwn(kinds, param));
  if (unknown !== undefined) throw invalid(`Unknown template parameter ${unknown}`, { template: name, param: unknown });
  return CATALOGS[language][name](params);
}
