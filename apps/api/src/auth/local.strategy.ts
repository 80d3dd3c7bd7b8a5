import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { AuthService } from '#app/auth';
import type { MemberEntity } from '#app/members';
import { anonymousActor } from './client-actor.js';

/** Passport local strategy: login ID + password, with lockout and constant-looking failures. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'loginId', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(req: FastifyRequest, loginId: string, password: string): Promise<MemberEntity> {
    return this.auth.verifyCredentials(loginId, password, anonymousActor(req));
  }
}
