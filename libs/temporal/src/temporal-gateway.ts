import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '#app/config';

/**
 * The app's one Temporal client. Connects on first use, so an app starts (and reports itself
 * unhealthy) while Temporal is down, and reconnects after a failed attempt.
 */
@Injectable()
export class TemporalGateway implements OnApplicationShutdown {
  private connecting?: Promise<Connection>;
  private clientPromise?: Promise<Client>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get taskQueue(): string {
    return this.config.temporal.taskQueue;
  }

  async client(): Promise<Client> {
    this.clientPromise ??= this.connection().then(
      (connection) => new Client({ connection, namespace: this.config.temporal.namespace }),
      (error: unknown) => {
        this.clientPromise = undefined;
        throw error;
      },
    );
    return this.clientPromise;
  }

  /** True when the frontend answers within the deadline. */
  async isReachable(timeoutMs = 2_000): Promise<boolean> {
    try {
      const connection = await this.connection();
      await connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = await this.connecting?.catch(() => undefined);
    await connection?.close();
  }

  private connection(): Promise<Connection> {
    this.connecting ??= Connection.connect({ address: this.config.temporal.address, connectTimeout: 3_000 }).catch(
      (error: unknown) => {
        this.connecting = undefined;
        throw error;
      },
    );
    return this.connecting;
  }
}
