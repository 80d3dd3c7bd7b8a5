import { ParseUUIDPipe, SetMetadata, type INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorCode } from '#app/core';
import { DOMAIN_VALIDATION_STATUS, problemStatus } from '../problem-status.js';
import { RateLimitGuard } from '../rate-limit.guard.js';
import { applyQueryRules, applyValidationRules, validatedClasses } from './validation-constraints.js';

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { in?: string; name?: string; schema?: { type?: string; format?: string } }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string; properties?: object } }> };
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
};

/** What a guard can refuse with, and whether it is the route's authentication (required or optional). */
export interface GuardProblems {
  readonly codes: readonly ErrorCode[];
  readonly authentication?: 'required' | 'optional';
}

/** The guards of this library; each app adds its own (see AppShape.guardProblems). */
export const PLATFORM_GUARD_PROBLEMS: ReadonlyMap<Function, GuardProblems> = new Map<Function, GuardProblems>([
  [RateLimitGuard, { codes: [ErrorCode.TOO_MANY_REQUESTS] }],
]);

const PROBLEMS_KEY = 'openapi:problems';

/**
 * The refusals a handler (or every handler of a controller) can answer with beyond what its guards,
 * pipes and body parser add on their own: the domain's codes. The OpenAPI document lists each with
 * its status and the Problem schema.
 */
export const ApiProblems = (...codes: ErrorCode[]) => SetMetadata(PROBLEMS_KEY, codes);

/** Every code any refusal can carry: one Problem schema for both documents. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details with a stable code. Extensions such as `errors`, `violations` and `retryAfterSeconds` depend on the code.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:problem:VALIDATION_FAILED' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string', enum: Object.values(ErrorCode) },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['field', 'rules'], properties: { field: { type: 'string' }, rules: { type: 'array', items: { type: 'string' } } } },
    },
    retryAfterSeconds: { type: 'integer', minimum: 0 },
  },
  additionalProperties: true,
} as const;

const GUARDS_METADATA = '__guards__';
const PATH_PARAMETER = /\{[^}]+\}/;

function guardsOf(controller: Function, handler: Function): Function[] {
  const own = (target: Function) =>
    ((Reflect.getMetadata(GUARDS_METADATA, target) as unknown[] | undefined) ?? []).filter((guard) => typeof guard === 'function');
  return [...own(controller), ...own(handler)] as Function[];
}

function domainCodesOf(controller: Function, handler: Function): ErrorCode[] {
  return [
    ...((Reflect.getMetadata(PROBLEMS_KEY, controller) as ErrorCode[] | undefined) ?? []),
    ...((Reflect.getMetadata(PROBLEMS_KEY, handler) as ErrorCode[] | undefined) ?? []),
  ];
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** The codes an operation's summary or description names ("Errors: VERSION_CONFLICT, …") are answers it documents. */
function namedCodes(text: string): ErrorCode[] {
  return (text.match(/\b[A-Z][A-Z_]+[A-Z]\b/g) ?? []).filter((word) => KNOWN_CODES.has(word)) as ErrorCode[];
}

interface Handler {
  readonly controller: Function;
  readonly handler: Function;
  readonly name: string;
}

// @nestjs/common's route-argument metadata: `<RouteParamtypes>:<index>` → { data, pipes }.
const ROUTE_ARGS_METADATA = '__routeArguments__';
const BODY_ARGUMENT = 3;
const QUERY_ARGUMENT = 4;
const PARAM_ARGUMENT = 5;

function routeArguments({ controller, name }: Handler): { kind: number; index: number; data?: unknown; pipes: unknown[] }[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;
  return Object.entries(args).map(([key, arg]) => ({ kind: Number(key.split(':')[0]), index: arg.index, data: arg.data, pipes: arg.pipes ?? [] }));
}

/** The DTO class of the handler's whole @Body() (or @Query()), if it has one. */
function argumentDto(found: Handler, kind: number): Function | undefined {
  const body = routeArguments(found).find((arg) => arg.kind === kind && arg.data === undefined);
  if (!body) return undefined;
  const types = (Reflect.getMetadata('design:paramtypes', found.controller.prototype, found.name) ?? []) as unknown[];
  const type = types[body.index];
  return typeof type === 'function' && type !== Object ? type : undefined;
}

/** Path parameters that a ParseUUIDPipe guards are uuids in the document too. */
function uuidParameters(found: Handler): Set<string> {
  const isUuidPipe = (pipe: unknown) => pipe === ParseUUIDPipe || pipe instanceof ParseUUIDPipe;
  return new Set(
    routeArguments(found)
      .filter((arg) => arg.kind === PARAM_ARGUMENT && typeof arg.data === 'string' && arg.pipes.some(isUuidPipe))
      .map((arg) => arg.data as string),
  );
}

/** `<Controller>_<method>` (the document's default operation id) → that controller class and handler. */
function handlersById(app: INestApplication): Map<string, Handler> {
  const byId = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Function | null;
      if (!controller?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name !== 'constructor' && typeof handler === 'function') byId.set(`${controller.name}_${name}`, { controller, handler, name });
      }
    }
  }
  return byId;
}

type BodySchema = { properties?: Record<string, { format?: string; items?: { format?: string } }>; required?: string[] };

const isFile = (property: { format?: string; items?: { format?: string } }) => property.format === 'binary' || property.items?.format === 'binary';

/**
 * A body schema shared by JSON and multipart (@ApiBody with two @ApiConsumes) lists the file parts
 * too; only multipart/form-data can carry them, and a JSON body naming them is refused as an unknown
 * field. Every other media type gets its own copy without them.
 */
function withoutFileParts(content: Record<string, { schema?: BodySchema }>): void {
  for (const [type, media] of Object.entries(content)) {
    const properties = media.schema?.properties;
    if (type === 'multipart/form-data' || !properties || !Object.values(properties).some(isFile)) continue;
    const kept = Object.fromEntries(Object.entries(properties).filter(([, property]) => !isFile(property)));
    const required = media.schema?.required?.filter((name) => name in kept);
    media.schema = { ...media.schema, properties: kept, ...(required ? { required } : {}) };
  }
}

function problemResponse(codes: readonly ErrorCode[]) {
  const sorted = [...new Set(codes)].sort();
  return {
    description: sorted.join(', '),
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { code: { type: 'string', enum: sorted } } }] },
      },
    },
  };
}

/**
 * Completes the generated document so it says what the code does: every operation lists the
 * problem+json responses its guards, validation, body limits and domain can produce (grouped by
 * status, each with its codes), and declares the authentication its guards enforce — required,
 * optional, or none. New endpoints are covered by their guards and decorators alone.
 */
export function completeOpenApi(
  app: INestApplication,
  document: OpenAPIObject,
  known: { guardProblems?: ReadonlyMap<Function, GuardProblems>; operationProblems?: Readonly<Record<string, readonly ErrorCode[]>> } = {},
): OpenAPIObject {
  const registry = new Map([...PLATFORM_GUARD_PROBLEMS, ...(known.guardProblems ?? [])]);
  const handlers = handlersById(app);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA as never } };
  const schemas = document.components.schemas as Record<string, { properties?: object }>;
  for (const [name, dto] of validatedClasses()) if (schemas[name]) applyValidationRules(schemas[name] as never, dto);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      if (!operation?.responses) continue;
      const found = operation.operationId ? handlers.get(operation.operationId) : undefined;
      const codes: ErrorCode[] = [ErrorCode.SERVICE_UNAVAILABLE];
      // The domain's refusals: its VALIDATION_FAILED is a rule the schema cannot state (422).
      const domain: ErrorCode[] = [];
      const content = operation.requestBody?.content ?? {};
      withoutFileParts(content as never);
      // Input the schema forbids is 400; input it allows can still break a domain rule it cannot state (422).
      if (operation.requestBody || operation.parameters?.some((parameter) => parameter.in !== 'header')) codes.push(ErrorCode.VALIDATION_FAILED);
      if (operation.requestBody || operation.parameters?.some((parameter) => parameter.in === 'query')) domain.push(ErrorCode.VALIDATION_FAILED);
      if (content['application/json']) codes.push(ErrorCode.PAYLOAD_TOO_LARGE);
      if (content['multipart/form-data']) codes.push(ErrorCode.DOCUMENT_TOO_LARGE, ErrorCode.UNSUPPORTED_DOCUMENT_TYPE);
      if (PATH_PARAMETER.test(path)) codes.push(ErrorCode.NOT_FOUND);
      let authentication: GuardProblems['authentication'];
      if (found) {
        const dto = argumentDto(found, BODY_ARGUMENT);
        const queryDto = argumentDto(found, QUERY_ARGUMENT);
        if (queryDto && operation.parameters) applyQueryRules(operation.parameters as never, queryDto);
        for (const media of Object.values(content)) {
          if (dto && media.schema?.properties && !media.schema.$ref) applyValidationRules(media.schema as never, dto);
        }
        const uuids = uuidParameters(found);
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in === 'path' && parameter.name && uuids.has(parameter.name)) parameter.schema = { type: 'string', format: 'uuid' };
        }
        for (const guard of guardsOf(found.controller, found.handler)) {
          const problems = registry.get(guard);
          if (!problems) continue;
          codes.push(...problems.codes);
          authentication = authentication === 'required' ? 'required' : (problems.authentication ?? authentication);
        }
        domain.push(...domainCodesOf(found.controller, found.handler));
      }
      if (operation.operationId) domain.push(...(known.operationProblems?.[operation.operationId] ?? []));
      domain.push(...namedCodes(`${operation.summary ?? ''} ${operation.description ?? ''}`));
      if (authentication === 'required') operation.security = [{ bearer: [] }];
      else if (authentication === 'optional') operation.security = [{}, { bearer: [] }];
      else if (found) operation.security = [];
      const byStatus = new Map<number, ErrorCode[]>();
      const add = (status: number, code: ErrorCode) => byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      for (const code of codes) add(problemStatus(code), code);
      for (const code of domain) add(code === ErrorCode.VALIDATION_FAILED ? DOMAIN_VALIDATION_STATUS : problemStatus(code), code);
      for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
        const declared = operation.responses[String(status)];
        if (!declared) operation.responses[String(status)] = problemResponse(statusCodes);
        else if (!declared.content) declared.content = problemResponse(statusCodes).content;
      }
    }
  }
  return document;
}
