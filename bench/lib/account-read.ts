import { createHash } from 'node:crypto';
import type { Pool, RowDataPacket } from 'mysql2/promise';

/** What a GET /me/account answers for an Authorization header: a status, and the JSON body and ETag on 200. */
export type AccountRead = (authorization: string | undefined) => Promise<{ status: number; body?: string; etag?: string }>;

/** The API's guard and handler as two lookups with mysql2 and no framework (session by token hash, member by id). */
export function accountRead(pool: Pool): AccountRead {
  return async (authorization) => {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) return { status: 401 };
    const tokenHash = createHash('sha256').update(token, 'utf8').digest('hex');
    const [sessions] = await pool.execute<RowDataPacket[]>('SELECT * FROM member_sessions WHERE token_hash = ? LIMIT 1', [tokenHash]);
    const session = sessions[0];
    const now = Date.now();
    if (!session || session.revoked_at !== null || session.idle_expires_at.getTime() <= now || session.absolute_expires_at.getTime() <= now) {
      return { status: 401 };
    }
    if (session.privileged_until === null || session.privileged_until.getTime() <= now) return { status: 403 };
    const [members] = await pool.execute<RowDataPacket[]>('SELECT * FROM members WHERE id = ? LIMIT 1', [session.member_id]);
    const m = members[0];
    if (!m) return { status: 404 };
    const brn: string | null = m.business_registration_number;
    const body = JSON.stringify({
      id: m.id,
      memberType: m.member_type,
      loginId: m.login_id,
      name: m.name,
      businessName: m.business_name,
      businessRegistrationNumber: brn ? `${'*'.repeat(Math.max(0, brn.length - 4))}${brn.slice(-4)}` : null,
      language: m.language,
      address: m.address_country ? { country: m.address_country, postalCode: m.address_postal_code, line1: m.address_line1, line2: m.address_line2 } : null,
      mobilePhone: m.mobile_phone,
      billingEmail: m.billing_email,
      serviceArea: m.service_area,
      version: m.version,
    });
    return { status: 200, body, etag: `"${m.version}"` };
  };
}
