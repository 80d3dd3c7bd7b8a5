import { Module } from '@nestjs/common';
import { CountersModule } from '#app/counters';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.js';

/** GET /health and GET /metrics, for every app; brings the process's shared counters (CountersModule, global). */
@Module({ imports: [CountersModule], controllers: [HealthController, MetricsController] })
export class WebPlatformModule {}
