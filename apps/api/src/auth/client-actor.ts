import type { Request } from 'express';
import type { AuditActor } from '#app/audit';
import type { SessionEntity } from '#app/auth';

/** Where a request comes from, for the audit trail. */
export function clientOf(req: Request): Pick<AuditActor, 'clientIp' | 'userAgent'> {
  return { clientIp: req.ip ?? null, userAgent: req.header('user-agent') ?? null };
}

export function anonymousActor(req: Request): AuditActor {
  return { type: 'ANONYMOUS', id: null, ...clientOf(req) };
}

export function memberActor(req: Request, session: SessionEntity): AuditActor {
  return { type: 'MEMBER', id: session.memberId, ...clientOf(req) };
}
