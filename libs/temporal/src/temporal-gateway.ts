import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { temporalErrorToDomain, type TemporalErrorWording } from './temporal-errors.js';

// The apps answer from a workflow's own result, but never wait long: past this they say 503.
const CALL_DEADLINE_MS = 20_000;

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

  /**
   * Runs one call against Temporal for an HTTP request: 503 when Temporal is unreachable or slow,
   * and the workflow's refusals mapped to the apps' error codes.
   */
  async call<T>(fn: (client: Client) => Promise<T>, wording: TemporalErrorWording): Promise<T> {
    let client: Client;
    try {
      client = await this.client();
    } catch {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The workflow service is unavailable; retry shortly');
    }
    try {
      return await client.connection.withDeadline(Date.now() + CALL_DEADLINE_MS, () => fn(client));
    } catch (error) {
      throw temporalErrorToDomain(error, wording);
    }
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
    this.connecting ??= Connection.connect({ address: this.config.temporal.address, connectTimeout: 3_000 }).catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }
}
