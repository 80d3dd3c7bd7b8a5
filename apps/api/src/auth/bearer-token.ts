import type { FastifyRequest } from 'fastify';

// RFC 6750 §2.1: `Authorization: Bearer <token>`, the scheme case-insensitive (as passport-http-bearer read it).
const BEARER = /^Bearer ([^ ]+)$/i;

/** The bearer token of the request's Authorization header, or undefined when there is none or it is not a bearer one. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const authorization = req.headers.authorization;
  return authorization ? BEARER.exec(authorization)?.[1] : undefined;
}
