import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberEntity } from './member.entity.js';
import { MembersRepository } from './members.repository.js';
import { PasswordHasher } from './password/password-hasher.js';
import { SignUpService } from './sign-up/sign-up.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([MemberEntity])],
  providers: [MembersRepository, PasswordHasher, SignUpService],
  exports: [MembersRepository, PasswordHasher, SignUpService],
})
export class MembersModule {}
