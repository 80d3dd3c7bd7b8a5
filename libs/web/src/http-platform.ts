import type { IncomingHttpHeaders } from 'node:http';

/**
 * What the shared web code reads of a request, the same on both HTTP platforms this project runs:
 * Fastify (the member API, for its read path: quality.md P3) and Express (the admin app and the
 * portal, whose pages and forms stay on it). Express's `req` and Fastify's `request` both fit.
 */
export interface HttpRequest {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** The client address, following X-Forwarded-For only through the proxies TRUST_PROXY names. */
  readonly ip?: string;
  readonly socket?: { readonly remoteAddress?: string };
  /** The path and query as the client sent them. */
  readonly originalUrl?: string;
}

/** What the shared web code writes on a response: Express's `res` and Fastify's `reply` both fit. */
export interface HttpResponse {
  header(name: string, value: string): unknown;
  status(code: number): HttpResponse;
  type(contentType: string): HttpResponse;
  send(body?: unknown): unknown;
}

/** The largest JSON body any app takes. */
export const JSON_BODY_LIMIT = '100kb';

/** One request header (the first, if the client repeated one Node keeps as a list). */
export function headerOf(req: Pick<HttpRequest, 'headers'>, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The route pattern that matched (`/api/v1/inquiries/:id`), or undefined when none did. */
export function routeOf(req: HttpRequest): string | undefined {
  const fastify = (req as { routeOptions?: { url?: string } }).routeOptions;
  if (fastify) return fastify.url || undefined;
  const express = req as { baseUrl?: string; route?: { path?: unknown } };
  return typeof express.route?.path === 'string' ? `${express.baseUrl ?? ''}${express.route.path}` : undefined;
}

/** The request's path, without its query string. */
export function pathOf(req: HttpRequest): string {
  return (req.originalUrl ?? '').split('?')[0];
}

/** Whether the response has gone out already (a filter then must not answer again). */
export function responseStarted(res: HttpResponse): boolean {
  // Fastify's reply (`sent`, or its Node response's headers gone out when streaming), Express's res.
  const started = res as { sent?: boolean; headersSent?: boolean; raw?: { headersSent?: boolean } };
  return started.sent === true || started.raw?.headersSent === true || started.headersSent === true;
}
