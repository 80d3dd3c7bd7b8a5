import { Global, Module } from '@nestjs/common';
import { TemporalGateway } from './temporal-gateway.js';

@Global()
@Module({ providers: [TemporalGateway], exports: [TemporalGateway] })
export class TemporalModule {}
