import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { fieldsOfOtherProcesses, type AccountFieldProcess } from '#app/members';
import { SchemaViolation } from '#app/web';

/** Where each process lives in this API. */
export const PROCESS_ENDPOINTS: Record<AccountFieldProcess, string> = {
  useRequiredInfoApplication: 'POST /api/v1/me/required-info-applications',
  useLoginIdChange: 'POST /api/v1/me/login-id-change',
  useMobilePhoneChange: 'POST /api/v1/me/mobile-phone-change',
  usePasswordChange: 'PUT /api/v1/me/password',
};

/**
 * PATCH /me/account: fields that another process changes are refused before validation, naming
 * that process (rule) and its endpoint (detail), rather than as merely unknown fields.
 */
@Injectable()
export class OtherProcessFieldsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const errors = fieldsOfOtherProcesses(context.switchToHttp().getRequest<FastifyRequest>().body);
    if (errors.length === 0) return true;
    const endpoints = [...new Set(errors.map((error) => PROCESS_ENDPOINTS[error.rules[0] as AccountFieldProcess]))];
    const fields = errors.map((error) => error.field).join(', ');
    throw new SchemaViolation(`${fields} cannot be changed here; use ${endpoints.join(' or ')}`, { errors });
  }
}
