import type { Request } from 'express';
import type { AuditActor } from '#app/audit';

/** Where a request comes from (IP behind the loopback proxy, user agent), for sessions and the audit trail. */
export function clientOf(req: Request): Pick<AuditActor, 'clientIp' | 'userAgent'> {
  return { clientIp: req.ip ?? null, userAgent: req.header('user-agent') ?? null };
}
