import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoginIdReservationEntity } from './login-id-reservations/login-id-reservation.entity.js';
import { LoginIdReservations } from './login-id-reservations/login-id-reservations.js';
import { MemberEntity } from './member.entity.js';
import { MembersRepository } from './members.repository.js';
import { PasswordHasher } from './password/password-hasher.js';
import { SignUpService } from './sign-up/sign-up.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([MemberEntity, LoginIdReservationEntity])],
  providers: [MembersRepository, PasswordHasher, SignUpService, LoginIdReservations],
  exports: [MembersRepository, PasswordHasher, SignUpService, LoginIdReservations],
})
export class MembersModule {}
