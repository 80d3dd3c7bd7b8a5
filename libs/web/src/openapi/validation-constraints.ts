import { getMetadataStorage, isISO31661Alpha2 } from 'class-validator';

type Schema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  $ref?: string;
  allOf?: Schema[];
};

interface ValidationRule {
  readonly propertyName: string;
  readonly name?: string;
  readonly type: string;
  readonly constraints?: unknown[];
  readonly each?: boolean;
}

// JSON Schema patterns are ECMA regexes without flags; generators (schemathesis) read them as
// Python regexes. `\p{Cc}` (control characters) is the one Unicode property the DTOs use.
const CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f';

// Every code isISO31661Alpha2 accepts, found by asking it (class-validator does not export its list).
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const COUNTRY_CODES = [...LETTERS].flatMap((first) => [...LETTERS].map((second) => first + second)).filter((code) => isISO31661Alpha2(code));

function patternOf(regex: unknown): string | undefined {
  if (!(regex instanceof RegExp)) return undefined;
  if (regex.flags.replace('u', '') !== '') return undefined;
  const source = regex.source.replaceAll('\\p{Cc}', CONTROL_CHARACTERS);
  return /\\[pP]\{/.test(source) ? undefined : source;
}

/** What class-validator checks on one property, written into its JSON schema (the schema must say what the pipe refuses). */
function applyRule(schema: Schema, rule: ValidationRule): void {
  const [first, second] = rule.constraints ?? [];
  const target = rule.each && schema.items ? schema.items : schema;
  switch (rule.name) {
    case 'isLength':
      if (typeof first === 'number') target.minLength = Math.max(target.minLength ?? 0, first);
      if (typeof second === 'number') target.maxLength = Math.min(target.maxLength ?? Infinity, second);
      break;
    case 'minLength':
      if (typeof first === 'number') target.minLength = Math.max(target.minLength ?? 0, first);
      break;
    case 'maxLength':
      if (typeof first === 'number') target.maxLength = Math.min(target.maxLength ?? Infinity, first);
      break;
    case 'isNotEmpty':
      if (target.type === 'string' || target.type === undefined) target.minLength = Math.max(target.minLength ?? 0, 1);
      break;
    case 'matches': {
      const pattern = patternOf(first);
      if (pattern && !target.pattern) target.pattern = pattern;
      break;
    }
    case 'isEmail':
      target.format ??= 'email';
      break;
    case 'isUuid':
    case 'isUUID':
      target.format = 'uuid';
      break;
    case 'isIn':
      if (Array.isArray(first) && !target.enum) target.enum = [...first];
      break;
    case 'isISO31661Alpha2':
      if (!target.enum) target.enum = [...COUNTRY_CODES];
      break;
    case 'isBase64':
      if (!target.pattern) target.pattern = (first as { urlSafe?: boolean } | undefined)?.urlSafe ? '^[A-Za-z0-9_-]*={0,2}$' : '^[A-Za-z0-9+/]*={0,2}$';
      break;
    case 'isInt':
      target.type = 'integer';
      break;
    case 'isBoolean':
      target.type = 'boolean';
      break;
    case 'min':
      if (typeof first === 'number') target.minimum = first;
      break;
    case 'max':
      if (typeof first === 'number') target.maximum = first;
      break;
    case 'arrayMinSize':
      if (typeof first === 'number') schema.minItems = first;
      break;
    case 'arrayMaxSize':
      if (typeof first === 'number') schema.maxItems = first;
      break;
  }
}

function rulesOf(target: Function): ValidationRule[] {
  const storage = getMetadataStorage() as unknown as { getTargetValidationMetadatas(t: Function, s: string, a: boolean, b: boolean): ValidationRule[] };
  return storage.getTargetValidationMetadatas(target, '', true, false);
}

/**
 * Writes a DTO's class-validator rules into its schema: lengths, patterns, formats, enums, bounds,
 * and — as the global pipe forbids unknown fields — `additionalProperties: false`.
 */
export function applyValidationRules(schema: Schema, dto: Function): void {
  if (!schema.properties) return;
  schema.additionalProperties = false;
  for (const rule of rulesOf(dto)) {
    const property = schema.properties[rule.propertyName];
    if (!property || property.$ref || property.allOf) continue;
    applyRule(property, rule);
  }
}

/** The same rules for a @Query() DTO, whose properties the document lists as separate query parameters. */
export function applyQueryRules(parameters: { in?: string; name?: string; schema?: Schema }[], dto: Function): void {
  for (const rule of rulesOf(dto)) {
    const parameter = parameters.find((candidate) => candidate.in === 'query' && candidate.name === rule.propertyName);
    if (parameter?.schema && !parameter.schema.$ref) applyRule(parameter.schema, rule);
  }
}

/** Every class class-validator knows, by name (the name @nestjs/swagger gives its schema). */
export function validatedClasses(): Map<string, Function> {
  const byName = new Map<string, Function>();
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, unknown[]> };
  for (const target of storage.validationMetadatas.keys()) if (typeof target === 'function') byName.set(target.name, target);
  return byName;
}
