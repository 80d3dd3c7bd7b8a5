import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VerificationCodeEntity } from './verification-code.entity.js';
import { VerificationCodeService } from './verification-code.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([VerificationCodeEntity])],
  providers: [VerificationCodeService],
  exports: [VerificationCodeService],
})
export class VerificationModule {}
