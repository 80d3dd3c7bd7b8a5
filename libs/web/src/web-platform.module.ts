import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.js';

/** GET /health and GET /metrics, for every app. */
@Module({ controllers: [HealthController, MetricsController] })
export class WebPlatformModule {}
