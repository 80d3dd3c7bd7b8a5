import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { COUNTER_STORE, CounterStore } from './counter-store.js';
import { FailedPasswordCounters } from './failed-password-counters.js';

/** The process's CounterStore (Redis when REDIS_URL is set) and the failed-password rule. Global: import once per app. */
@Global()
@Module({
  providers: [
    {
      provide: COUNTER_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CounterStore(config.production.redisUrl, config.production.redisKeyPrefix),
    },
    FailedPasswordCounters,
  ],
  exports: [COUNTER_STORE, FailedPasswordCounters],
})
export class CountersModule implements OnApplicationShutdown {
  constructor(@Inject(COUNTER_STORE) private readonly store: CounterStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
