import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '#app/audit';
import type { SessionEntity } from '#app/auth';
import { clientOf } from '#app/web';

export function anonymousActor(req: FastifyRequest): AuditActor {
  return { type: 'ANONYMOUS', id: null, ...clientOf(req) };
}

export function memberActor(req: FastifyRequest, session: SessionEntity): AuditActor {
  return { type: 'MEMBER', id: session.memberId, ...clientOf(req) };
}
