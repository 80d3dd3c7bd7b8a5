import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { SessionsService, type SessionEntity } from '#app/auth';

/** Passport bearer strategy: the token names a live server-side session. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  validate(token: string): Promise<SessionEntity> {
    return this.sessions.authenticate(token);
  }
}
