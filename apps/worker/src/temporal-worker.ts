import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type LogMetadata } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { AppConfig } from '#app/config';
import type { NotificationTransports } from '#app/notifications';
import type { ActivityRegistry } from './activities/activity-registry.js';
import { faultPlanFromEnv, withFaultPoints } from './faults/fault-injection.js';
import { testWorkflowsFromEnv, workflowCode } from './workflow-code.js';

/** Routes the SDK's own log lines into the worker's JSON log. */
export function installTemporalRuntime(logger: Logger, sdkMetricsPort = 0): void {
  const sdkLogger = new DefaultLogger('INFO', ({ level, message, meta }: { level: LogLevel; message: string; meta?: LogMetadata }) => {
    const method = level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error');
    logger[method]({ sdk: 'temporal', ...(meta ?? {}) }, message);
  });
  // The SDK's own worker metrics (task slots, poll latency, …) on a Prometheus port of their own,
  // bound to loopback only: WORKER_SDK_METRICS_PORT, off when 0.
  const telemetryOptions = sdkMetricsPort > 0 ? { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}` } } } : undefined;
  Runtime.install({ logger: sdkLogger, ...(telemetryOptions ? { telemetryOptions } : {}) });
}

/** Connects to Temporal, retrying while the server is still starting. */
async function connect(address: string, logger: Logger): Promise<NativeConnection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect({ address });
    } catch (error) {
      if (attempt >= 60) throw error;
      logger.warn({ attempt, address }, 'Temporal not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

export async function createTemporalWorker(config: AppConfig, registry: ActivityRegistry, transports: NotificationTransports, logger: Logger): Promise<Worker> {
  const connection = await connect(config.temporal.address, logger);
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    // Production bundle; the test stack and benches add ping and the bench workflows (WORKER_TEST_WORKFLOWS=1).
    ...workflowCode(testWorkflowsFromEnv()),
    // Test-only crash points (WORKER_FAULT_POINT); refused in production.
    activities: withFaultPoints(registry.activities(), faultPlanFromEnv(), transports),
    // After a crash, a flow's next task waits this long on the dead worker's sticky queue.
    stickyQueueScheduleToStartTimeout: config.workerStickyQueueTimeoutSeconds * 1_000,
  });
}
