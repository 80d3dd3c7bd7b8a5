import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KeyedVerificationCodeService } from './keyed-verification-code.service.js';
import { VerificationCheckEntity } from './verification-check.entity.js';
import { VerificationCodeEntity } from './verification-code.entity.js';
import { VerificationCodeService } from './verification-code.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([VerificationCodeEntity, VerificationCheckEntity])],
  providers: [VerificationCodeService, KeyedVerificationCodeService],
  exports: [VerificationCodeService, KeyedVerificationCodeService],
})
export class VerificationModule {}
