import path from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({
      type: 'sqlite',
      file: path.resolve('var/data/app.sqlite'),
      url: 'sqlite:var/data/app.sqlite',
    });
    expect(config.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'account-changes' });
    expect(config.apiPort).toBe(3000);
    expect(config.adminPort).toBe(3001);
    expect(config.bcryptCost).toBe(12);
    expect(config.outboxDir).toBe(path.resolve('var/outbox'));
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mobilePhoneCode).toEqual({ ttlSeconds: 180, maxAttempts: 5, resendAfterSeconds: 60, maxResends: 5 });
    expect(config.documentsSweep).toEqual({ intervalSeconds: 3_600, graceSeconds: 3_600 });
  });

  it('reads the document sweep: an interval (0 = off) and a grace of at least a minute', () => {
    expect(loadConfig({ DOCUMENTS_SWEEP_INTERVAL_SECONDS: '0', DOCUMENTS_SWEEP_GRACE_SECONDS: '60' }).documentsSweep).toEqual({
      intervalSeconds: 0,
      graceSeconds: 60,
    });
  });

  it('reads a shortened mobile-phone code policy (tests use seconds)', () => {
    const config = loadConfig({
      MOBILE_CODE_TTL_SECONDS: '1',
      MOBILE_CODE_MAX_ATTEMPTS: '3',
      MOBILE_CODE_RESEND_AFTER_SECONDS: '0',
      MOBILE_CODE_MAX_RESENDS: '2',
    });
    expect(config.mobilePhoneCode).toEqual({ ttlSeconds: 1, maxAttempts: 3, resendAfterSeconds: 0, maxResends: 2 });
  });

  it('reads a MySQL URL and its database name', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://root:@127.0.0.1:3306/member_changes' });
    expect(config.database).toMatchObject({ type: 'mysql', database: 'member_changes' });
  });

  it.each([
    ['DATABASE_URL', 'postgres://x/y'],
    ['DATABASE_URL', 'mysql://127.0.0.1:3306/'],
    ['DATABASE_URL', 'sqlite:'],
    ['API_PORT', 'abc'],
    ['API_PORT', '70000'],
    ['BCRYPT_COST', '3'],
    ['BCRYPT_COST', '12.5'],
    ['TEMPORAL_ADDRESS', 'no-port'],
    ['SMTP_URL', 'http://mail'],
    ['PASSWORD_POLICY', 'weak'],
    ['SERVICE_AREAS', 'kr, jp'],
    ['LOG_LEVEL', 'loud'],
    ['MOBILE_CODE_TTL_SECONDS', '0'],
    ['MOBILE_CODE_TTL_SECONDS', '3m'],
    ['MOBILE_CODE_MAX_ATTEMPTS', '0'],
    ['MOBILE_CODE_RESEND_AFTER_SECONDS', '-1'],
    ['MOBILE_CODE_MAX_RESENDS', '21'],
    ['REVIEW_FOUR_EYES_FIELDS', 'businessName,birthday'],
    ['DOCUMENTS_SWEEP_GRACE_SECONDS', '59'],
    ['DOCUMENTS_SWEEP_INTERVAL_SECONDS', '1h'],
  ])('refuses %s=%s naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('reads the four-eyes fields: the product default, a list, or none', () => {
    expect(loadConfig({}).reviewFourEyesFields).toEqual(['memberTypeBusiness', 'businessName', 'businessRegistrationNumber']);
    expect(loadConfig({ REVIEW_FOUR_EYES_FIELDS: 'name, businessRegistrationNumber' }).reviewFourEyesFields).toEqual(['name', 'businessRegistrationNumber']);
    expect(loadConfig({ REVIEW_FOUR_EYES_FIELDS: 'none' }).reviewFourEyesFields).toEqual([]);
  });

  it('never echoes a secret value in its message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:s3cret@/db' })).toThrow(/^(?!.*s3cret)/);
  });
});
