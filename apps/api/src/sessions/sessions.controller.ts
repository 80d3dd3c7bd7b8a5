import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SessionsService, type SessionEntity } from '#app/auth';
import { memberActor } from '../auth/client-actor.js';
import { CurrentSession, MemberAuthGuard } from '../auth/guards.js';

class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() current!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) clientIp!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
}

@ApiTags('sessions')
@ApiBearerAuth()
@UseGuards(MemberAuthGuard)
@Controller('me/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOperation({ summary: 'The live sessions of the signed-in member, the current one marked' })
  @ApiOkResponse({ type: [SessionDto] })
  async list(@CurrentSession() current: SessionEntity): Promise<SessionDto[]> {
    const sessions = await this.sessions.listLive(current.memberId);
    return sessions.map((session) => ({
      id: session.id,
      current: session.id === current.id,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      expiresAt: (session.idleExpiresAt < session.absoluteExpiresAt ? session.idleExpiresAt : session.absoluteExpiresAt).toISOString(),
      clientIp: session.clientIp,
      userAgent: session.userAgent,
    }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your sessions (NOT_FOUND for any other)' })
  async revoke(@CurrentSession() current: SessionEntity, @Param('id', new ParseUUIDPipe()) id: string, @Req() req: FastifyRequest): Promise<void> {
    await this.sessions.revoke(current.memberId, id, memberActor(req, current));
  }
}
