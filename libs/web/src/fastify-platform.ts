import type { IncomingMessage } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import bodyParser from 'body-parser';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '#app/config';
import { PORTAL_SECRET_DIGEST, portalSecretDigest } from './client-of.js';
import type { AppShape } from './configure-app.js';
import { JSON_BODY_LIMIT, routeOf } from './http-platform.js';
import { metricsAuthorization, refuseMetrics } from './metrics-auth.js';
import { helmetHeaders } from './precomputed-helmet.js';
import { sendProblem } from './problem.filter.js';
import { requestContext } from './request-context.js';
import { recordRequest, requestIdFor } from './request-logging.js';

/**
 * The member API's HTTP platform: Fastify, for the read path's throughput (quality.md P3; the
 * Express floor bench:account measures is below the target). Routing as Express did it — case
 * and a trailing slash ignored, a path parameter of any length reaching its pipe — and the
 * request id (requestIdFor) as Fastify's own. What the router refuses before any route or hook runs
 * (a malformed URL) is a problem document with the same headers and log line as any other.
 * Loaded only here, so the apps on Express never load Fastify.
 */
export async function fastifyAdapter(config: AppConfig, logger: Logger): Promise<FastifyAdapter> {
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const trust = config.production.trustProxy;
  return new FastifyAdapter({
    // Whose X-Forwarded-For counts (TRUST_PROXY): by default nobody's, so request.ip is the socket's peer.
    // A hop count as Express counts it (Fastify's own number form trusts nobody).
    trustProxy: trust === false ? false : typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : [...trust],
    genReqId: (req: IncomingMessage) => requestIdFor(req.headers['x-request-id']),
    // Longer than any URL Node takes (its header limit is 16 KiB): no parameter is refused for its length.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16_384 },
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      stampResponse(request, reply);
      sendProblem(request, reply, error, logger);
      recordRequest(logger, request, request.id, reply.statusCode, reply.elapsedTime / 1_000);
    },
    // Node's own default, which Fastify turns off: a request must have arrived within 5 minutes.
    requestTimeout: 300_000,
    // Uploads are parsed by multer (DocumentUploadInterceptor), as on Express; a request during
    // shutdown is still answered by the app, not with Fastify's own 503 body.
    multipart: false,
    return503OnClosing: false,
  });
}

/** The Fastify side of configureApp: the same request pipeline as configureExpress, as hooks. */
export function configureFastify(app: INestApplication, shape: AppShape, config: AppConfig): void {
  const instance = app.getHttpAdapter().getInstance() as FastifyInstance;
  if (shape.urlencodedPaths?.length) throw new Error('HTML form posts are served on Express (the admin app, the portal)');
  if (config.production.portalApiSecret) {
    const digest = portalSecretDigest(config.production.portalApiSecret);
    instance.decorateRequest(PORTAL_SECRET_DIGEST, { getter: () => digest });
  }
  const metricsAuthorized = config.production.metricsToken ? metricsAuthorization(config.production.metricsToken) : undefined;

  // Every request: its id, the security headers, the metrics token; the rest of it runs in its
  // request context (entered again once the body is read, which runs outside it), and its log line
  // is written when it has been answered.
  instance.addHook('onRequest', (request, reply, done) => {
    stampResponse(request, reply);
    // What the router matched, not the URL as sent (it decodes `/%6Detrics` to the same route).
    if (metricsAuthorized && routeOf(request) === '/metrics' && !metricsAuthorized(request.headers.authorization)) {
      refuseMetrics(reply);
      return;
    }
    ignoreMalformedContentType(request);
    requestContext.run({ requestId: request.id }, done);
  });
  instance.addHook('preHandler', (request, reply, done) => {
    // A request target Nest does not route (`GET *health`) is sent to the 404 by Nest's own onRequest
    // hook, before the one above runs: it gets its headers here.
    if (!reply.hasHeader('x-request-id')) stampResponse(request, reply);
    requestContext.run({ requestId: request.id }, done);
  });
  instance.addHook('onResponse', (request, reply, done) => {
    recordRequest(shape.logger, request, request.id, reply.statusCode, reply.elapsedTime / 1_000);
    done();
  });

  // Bodies are read as on Express: JSON by body-parser (the same limit, strictness and refusals,
  // which the problem filter maps), any other type left unread — a multipart body for multer.
  const parseJson = bodyParser.json({ limit: JSON_BODY_LIMIT });
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('*', (request, _payload, done) => {
    parseJson(request.raw, undefined as never, (error?: unknown) => done((error as Error | undefined) ?? null, (request.raw as { body?: unknown }).body));
  });
}

const securityHeaders = helmetHeaders().set;

/** What every response carries: the request id and the security headers. */
function stampResponse(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('X-Request-Id', request.id);
  for (const [name, value] of securityHeaders) reply.header(name, value);
}

/** `type/subtype`, as Fastify reads the part of a Content-Type before its parameters. */
const MEDIA_TYPE = /^\s*[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+\s*$/;

/**
 * A Content-Type that is not a media type (`json`, empty) is dropped, as Express's body parsers
 * ignored it: the route runs (a body it needed is then missing) instead of Fastify refusing the
 * request (415) before any parser looks at it.
 */
function ignoreMalformedContentType(request: FastifyRequest): void {
  const header = request.headers['content-type'];
  if (header !== undefined && !MEDIA_TYPE.test(header.split(';', 1)[0])) delete request.headers['content-type'];
}
