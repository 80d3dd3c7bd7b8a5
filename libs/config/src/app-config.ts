import path from 'node:path';
// The workflows' input shapes: configuration fills them, so each is written once.
import type { LoginIdChangeLimits } from '#workflows/login-id-change/login-id-change.types';
import type { ReviewDeadlines } from '#workflows/required-info-application/application.types';
import { DEFAULT_FOUR_EYES_FIELDS, FOUR_EYES_FIELDS, type FourEyesField } from '#workflows/required-info-application/application.contract';

export type DatabaseConfig =
  { readonly type: 'sqlite'; readonly file: string; readonly url: string } | { readonly type: 'mysql'; readonly url: string; readonly database: string };

export interface AppConfig {
  readonly database: DatabaseConfig;
  readonly temporal: { readonly address: string; readonly namespace: string; readonly taskQueue: string };
  readonly apiPort: number;
  readonly adminPort: number;
  readonly workerPort: number;
  /** The member portal (apps/portal): its port, the API it calls, and its two secrets. */
  readonly portal: PortalConfig;
  readonly workerStickyQueueTimeoutSeconds: number;
  readonly outboxDir: string;
  readonly smtpUrl: string | undefined;
  readonly documentsDir: string;
  /**
   * The worker's sweep of stored content no committed document names (a delete that failed, a
   * crash): every `intervalSeconds` (0 = off), keys older than `graceSeconds`.
   */
  readonly documentsSweep: { readonly intervalSeconds: number; readonly graceSeconds: number };
  readonly bcryptCost: number;
  readonly passwordPolicy: 'portal' | 'nist';
  readonly reauthWindowSeconds: number;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly lockout: { readonly threshold: number; readonly minutes: number };
  readonly serviceAreas: readonly string[];
  /** Login-ID change limits (product.md §3), passed to each workflow as input. */
  readonly loginIdChange: LoginIdChangeLimits;
  /** Review deadlines of required-information applications (product.md §5), in seconds. */
  readonly reviewDeadlines: ReviewDeadlines;
  /** Requested changes that need a second reviewer's approval (REVIEW_FOUR_EYES_FIELDS; `none` for no four eyes). */
  readonly reviewFourEyesFields: readonly FourEyesField[];
  /** Where members reach the portal's pages; used in links sent by email. */
  readonly publicPortalUrl: string;
  /** Where members reach the API; used in links sent by email. */
  readonly publicApiUrl: string;
  /** Where staff reach the admin app (PUBLIC_ADMIN_URL); used in set-password links sent by email. */
  readonly publicAdminUrl: string;
  /** How long a reviewer's emailed set-password link works (REVIEWER_SET_PASSWORD_LINK_HOURS, default 24). */
  readonly reviewerSetPasswordLinkHours: number;
  /** The Temporal Web UI (TEMPORAL_UI_URL) the member lookup links flows to. */
  readonly temporalUiUrl: string;
  /** Loopback port of the Temporal SDK's Prometheus worker metrics (WORKER_SDK_METRICS_PORT; 0, the default, = off). */
  readonly workerSdkMetricsPort: number;
  /** Requests per minute per client on credential and code endpoints. */
  readonly credentialRateLimitPerMinute: number;
  /** The SMS code that confirms a new mobile phone number (product defaults: 3 min, 5 wrong, 60 s, 5 re-sends). */
  readonly mobilePhoneCode: {
    readonly ttlSeconds: number;
    readonly maxAttempts: number;
    readonly resendAfterSeconds: number;
    /** Re-sends allowed after the first send. */
    readonly maxResends: number;
  };
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Forgot password (product.md §1): link lifetime and requests per login ID per hour. */
  readonly passwordReset: { readonly tokenTtlSeconds: number; readonly requestsPerLoginIdPerHour: number };
  /** No login-ID change this soon after a mobile-number change or another completed change (product.md §3). */
  readonly loginIdCoolingOff: { readonly afterPhoneChangeSeconds: number; readonly afterChangeSeconds: number };
  /** Production parts (api.md "Configuration"): each off by default. */
  readonly production: ProductionPartsConfig;
}

/** SMS provider, document storage, shared counters and the trust settings of the client address. */
export interface ProductionPartsConfig {
  readonly sms:
    | { readonly provider: 'outbox' }
    | {
        readonly provider: 'ncp-sens';
        readonly url: string;
        readonly serviceId: string;
        readonly accessKey: string;
        readonly secretKey: string;
        readonly from: string;
        readonly timeoutMs: number;
      };
  readonly documents:
    | { readonly storage: 'local' }
    | {
        readonly storage: 's3';
        readonly endpoint: string | undefined;
        readonly region: string;
        readonly bucket: string;
        readonly accessKeyId: string;
        readonly secretAccessKey: string;
        readonly forcePathStyle: boolean;
      };
  /** Shared counters; unset = in this process. */
  readonly redisUrl: string | undefined;
  /** Prepended to every counter key (several deployments or test runs sharing one Redis). */
  readonly redisKeyPrefix: string;
  /** Express `trust proxy`: false (the socket's peer), a hop count, or a list of addresses/CIDRs. */
  readonly trustProxy: false | number | readonly string[];
  /**
   * PORTAL_API_SECRET, the portal's credential (≥ 32 characters): the API trusts X-Forwarded-For only
   * with it, and the portal sends it as X-Portal-Secret. One definition for both sides. Unset = never trusted.
   */
  readonly portalApiSecret: string | undefined;
  readonly metricsToken: string | undefined;
  /** The two wider failed-password counters of product.md §1 (the per-pair one is `lockout`). */
  readonly accountFailures: { readonly threshold: number; readonly minutes: number };
  readonly clientFailures: { readonly threshold: number; readonly minutes: number };
}

export interface PortalConfig {
  readonly port: number;
  /** The member API's base URL as the portal reaches it (without /api/v1). */
  readonly apiUrl: string;
  /**
   * Encrypts the portal's session cookie; every replica needs the same one. Unset: a random key per
   * process (sessions end when it restarts), fine for one local instance only.
   */
  readonly cookieSecret: string | undefined;
  // Its API credential is `production.portalApiSecret` (the same PORTAL_API_SECRET the API checks).
}

function portalSecret(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (value.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
  return value;
}

/** Raised at start when a variable is invalid; the message names the variable, never its secret value. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_SERVICE_AREAS = ['KR', 'JP', 'SG', 'US-WEST', 'DE'];

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const value = text(env, name, fallback);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function parseDatabaseUrl(raw: string, variable = 'DATABASE_URL'): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError(variable, 'needs a file after sqlite:');
    return { type: 'sqlite', file: file === ':memory:' ? file : path.resolve(file), url: raw };
  }
  if (raw.startsWith('mysql://')) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(variable, 'is not a valid mysql:// URL');
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!url.hostname || !/^[A-Za-z0-9_]+$/.test(database)) {
      throw new ConfigError(variable, 'needs a host and a database name (letters, digits, _)');
    }
    return { type: 'mysql', url: raw, database };
  }
  throw new ConfigError(variable, 'must start with mysql:// or sqlite:');
}

function serviceAreas(env: Env): string[] {
  const raw = env.SERVICE_AREAS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SERVICE_AREAS;
  const areas = raw.split(',').map((area) => area.trim());
  if (areas.some((area) => !/^[A-Z0-9-]{2,32}$/.test(area))) {
    throw new ConfigError('SERVICE_AREAS', 'must be a comma-separated list of codes (A-Z, 0-9, -)');
  }
  return areas;
}

function fourEyesFields(env: Env): FourEyesField[] {
  const raw = env.REVIEW_FOUR_EYES_FIELDS;
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_FOUR_EYES_FIELDS];
  if (raw.trim() === 'none') return [];
  const fields = raw.split(',').map((field) => field.trim());
  if (fields.some((field) => !(FOUR_EYES_FIELDS as readonly string[]).includes(field))) {
    throw new ConfigError('REVIEW_FOUR_EYES_FIELDS', `must be none or a comma-separated list of ${FOUR_EYES_FIELDS.join(', ')}`);
  }
  return fields as FourEyesField[];
}

function temporalAddress(env: Env): string {
  const value = text(env, 'TEMPORAL_ADDRESS', '127.0.0.1:7233');
  if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(value)) throw new ConfigError('TEMPORAL_ADDRESS', 'must be host:port');
  return value;
}

function smtpUrl(env: Env): string | undefined {
  const value = env.SMTP_URL?.trim();
  if (!value) return undefined;
  if (!/^smtps?:\/\/[^\s]+$/.test(value)) throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL');
  return value;
}

function publicUrl(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(value)) throw new ConfigError(name, 'must be an http(s) URL');
  return value.replace(/\/+$/, '');
}

function required(env: Env, name: string, because: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `is required when ${because}`);
  return value;
}

function secret(env: Env, name: string, minLength: number): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (value.length < minLength) throw new ConfigError(name, `must be at least ${minLength} characters`);
  return value;
}

function smsConfig(env: Env): ProductionPartsConfig['sms'] {
  const provider = oneOf(env, 'SMS_PROVIDER', 'outbox', ['outbox', 'ncp-sens'] as const);
  if (provider === 'outbox') return { provider };
  const because = 'SMS_PROVIDER=ncp-sens';
  const from = required(env, 'SMS_FROM', because);
  if (!/^\d{4,16}$/.test(from)) throw new ConfigError('SMS_FROM', 'must be the registered sender number, digits only');
  return {
    provider,
    url: publicUrl(env, 'NCP_SENS_URL', 'https://sens.apigw.ntruss.com'),
    serviceId: required(env, 'NCP_SENS_SERVICE_ID', because),
    accessKey: required(env, 'NCP_ACCESS_KEY', because),
    secretKey: required(env, 'NCP_SECRET_KEY', because),
    from,
    timeoutMs: integer(env, 'NCP_SENS_TIMEOUT_MS', 5_000, 100, 60_000),
  };
}

function documentsConfig(env: Env): ProductionPartsConfig['documents'] {
  const storage = oneOf(env, 'DOCUMENTS_STORAGE', 'local', ['local', 's3'] as const);
  if (storage === 'local') return { storage };
  const because = 'DOCUMENTS_STORAGE=s3';
  const endpoint = env.S3_ENDPOINT?.trim() ? publicUrl(env, 'S3_ENDPOINT', '') : undefined;
  return {
    storage,
    endpoint,
    region: text(env, 'S3_REGION', 'us-east-1'),
    bucket: required(env, 'S3_BUCKET', because),
    accessKeyId: required(env, 'S3_ACCESS_KEY_ID', because),
    secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY', because),
    forcePathStyle: oneOf(env, 'S3_FORCE_PATH_STYLE', 'false', ['true', 'false'] as const) === 'true',
  };
}

function redisUrl(env: Env): string | undefined {
  const value = env.REDIS_URL?.trim();
  if (!value) return undefined;
  if (!/^rediss?:\/\/[^\s]+$/.test(value)) throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  return value;
}

function redisKeyPrefix(env: Env): string {
  const value = text(env, 'REDIS_KEY_PREFIX', '');
  if (!/^[A-Za-z0-9:_-]{0,64}$/.test(value)) throw new ConfigError('REDIS_KEY_PREFIX', 'must be up to 64 letters, digits, :, _ or -');
  return value;
}

const TRUST_ENTRY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

function trustProxy(env: Env): ProductionPartsConfig['trustProxy'] {
  const value = env.TRUST_PROXY?.trim();
  if (!value || value === 'none' || value === 'false') return false;
  if (/^\d+$/.test(value)) return integer(env, 'TRUST_PROXY', 0, 0, 10) || false;
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => !TRUST_ENTRY.test(entry))) {
    throw new ConfigError('TRUST_PROXY', 'must be none, a hop count, or a comma-separated list of addresses/CIDRs');
  }
  return entries;
}

function productionParts(env: Env): ProductionPartsConfig {
  return {
    sms: smsConfig(env),
    documents: documentsConfig(env),
    redisUrl: redisUrl(env),
    redisKeyPrefix: redisKeyPrefix(env),
    trustProxy: trustProxy(env),
    portalApiSecret: secret(env, 'PORTAL_API_SECRET', 32),
    metricsToken: secret(env, 'METRICS_TOKEN', 16),
    accountFailures: {
      threshold: integer(env, 'LOCKOUT_ACCOUNT_THRESHOLD', 100, 1, 100_000),
      minutes: integer(env, 'LOCKOUT_ACCOUNT_MINUTES', 60, 1, 10_080),
    },
    clientFailures: {
      threshold: integer(env, 'LOCKOUT_CLIENT_THRESHOLD', 100, 1, 100_000),
      minutes: integer(env, 'LOCKOUT_CLIENT_MINUTES', 1_440, 1, 10_080),
    },
  };
}

/** Reads and validates the environment once. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  return {
    database: parseDatabaseUrl(text(env, 'DATABASE_URL', 'sqlite:var/data/app.sqlite')),
    temporal: {
      address: temporalAddress(env),
      namespace: text(env, 'TEMPORAL_NAMESPACE', 'default'),
      taskQueue: text(env, 'TEMPORAL_TASK_QUEUE', 'account-changes'),
    },
    apiPort: integer(env, 'API_PORT', 3000, 0, 65535),
    adminPort: integer(env, 'ADMIN_PORT', 3001, 0, 65535),
    workerPort: integer(env, 'WORKER_PORT', 3002, 0, 65535),
    portal: {
      port: integer(env, 'PORTAL_PORT', 3003, 0, 65535),
      apiUrl: publicUrl(env, 'PORTAL_API_URL', 'http://127.0.0.1:3000'),
      cookieSecret: portalSecret(env, 'PORTAL_COOKIE_SECRET'),
    },
    workerStickyQueueTimeoutSeconds: integer(env, 'WORKER_STICKY_QUEUE_TIMEOUT_SECONDS', 10, 1, 600),
    outboxDir: path.resolve(text(env, 'OUTBOX_DIR', 'var/outbox')),
    smtpUrl: smtpUrl(env),
    documentsDir: path.resolve(text(env, 'DOCUMENTS_DIR', 'var/documents')),
    documentsSweep: {
      intervalSeconds: integer(env, 'DOCUMENTS_SWEEP_INTERVAL_SECONDS', 3_600, 0, 7 * 86_400),
      // At least a minute: an upload's transaction must always finish well within it.
      graceSeconds: integer(env, 'DOCUMENTS_SWEEP_GRACE_SECONDS', 3_600, 60, 30 * 86_400),
    },
    bcryptCost: integer(env, 'BCRYPT_COST', 12, 4, 15),
    passwordPolicy: oneOf(env, 'PASSWORD_POLICY', 'portal', ['portal', 'nist'] as const),
    reauthWindowSeconds: integer(env, 'REAUTH_WINDOW_SECONDS', 600, 10, 86400),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 1440),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 720),
    lockout: {
      threshold: integer(env, 'LOCKOUT_THRESHOLD', 5, 1, 100),
      minutes: integer(env, 'LOCKOUT_MINUTES', 15, 1, 1440),
    },
    serviceAreas: serviceAreas(env),
    credentialRateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 100_000),
    loginIdChange: {
      smsCodeTtlSeconds: integer(env, 'LOGIN_ID_SMS_CODE_TTL_SECONDS', 180, 1, 86_400),
      emailCodeTtlSeconds: integer(env, 'LOGIN_ID_EMAIL_CODE_TTL_SECONDS', 1_800, 1, 86_400),
      wholeChangeSeconds: integer(env, 'LOGIN_ID_CHANGE_TTL_SECONDS', 3_600, 1, 7 * 86_400),
      maxWrongCodes: integer(env, 'LOGIN_ID_MAX_WRONG_CODES', 5, 1, 100),
      resendAfterSeconds: integer(env, 'LOGIN_ID_CODE_RESEND_AFTER_SECONDS', 60, 0, 3_600),
      maxResends: integer(env, 'LOGIN_ID_CODE_MAX_RESENDS', 5, 0, 100),
      activityTimeoutSeconds: integer(env, 'LOGIN_ID_ACTIVITY_TIMEOUT_SECONDS', 10, 1, 600),
    },
    publicApiUrl: publicUrl(env, 'PUBLIC_API_URL', 'http://127.0.0.1:3000'),
    publicPortalUrl: publicUrl(env, 'PUBLIC_PORTAL_URL', 'http://127.0.0.1:3003'),
    publicAdminUrl: publicUrl(env, 'PUBLIC_ADMIN_URL', 'http://127.0.0.1:3001'),
    reviewerSetPasswordLinkHours: integer(env, 'REVIEWER_SET_PASSWORD_LINK_HOURS', 24, 1, 168),
    temporalUiUrl: publicUrl(env, 'TEMPORAL_UI_URL', 'http://127.0.0.1:8233'),
    workerSdkMetricsPort: integer(env, 'WORKER_SDK_METRICS_PORT', 0, 0, 65535),
    reviewDeadlines: {
      unclaimedSeconds: integer(env, 'REVIEW_UNCLAIMED_DEADLINE_SECONDS', 2 * 86_400, 1, 365 * 86_400),
      inReviewSeconds: integer(env, 'REVIEW_IN_REVIEW_DEADLINE_SECONDS', 3 * 86_400, 1, 365 * 86_400),
      infoRequestSeconds: integer(env, 'REVIEW_INFO_REQUEST_DEADLINE_SECONDS', 14 * 86_400, 1, 365 * 86_400),
    },
    reviewFourEyesFields: fourEyesFields(env),
    mobilePhoneCode: {
      ttlSeconds: integer(env, 'MOBILE_CODE_TTL_SECONDS', 180, 1, 3_600),
      maxAttempts: integer(env, 'MOBILE_CODE_MAX_ATTEMPTS', 5, 1, 20),
      resendAfterSeconds: integer(env, 'MOBILE_CODE_RESEND_AFTER_SECONDS', 60, 0, 3_600),
      maxResends: integer(env, 'MOBILE_CODE_MAX_RESENDS', 5, 0, 20),
    },
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['debug', 'info', 'warn', 'error', 'silent'] as const),
    passwordReset: {
      tokenTtlSeconds: integer(env, 'PASSWORD_RESET_TOKEN_TTL_SECONDS', 1_800, 60, 86_400),
      requestsPerLoginIdPerHour: integer(env, 'PASSWORD_RESET_REQUESTS_PER_LOGIN_ID_PER_HOUR', 5, 1, 1_000),
    },
    loginIdCoolingOff: {
      afterPhoneChangeSeconds: integer(env, 'LOGIN_ID_COOLING_OFF_AFTER_PHONE_CHANGE_SECONDS', 86_400, 0, 30 * 86_400),
      afterChangeSeconds: integer(env, 'LOGIN_ID_COOLING_OFF_AFTER_CHANGE_SECONDS', 604_800, 0, 30 * 86_400),
    },
    production: productionParts(env),
  };
}
