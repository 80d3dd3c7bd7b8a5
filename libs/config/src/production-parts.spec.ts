import { ConfigError, loadConfig } from './app-config.js';

describe('production parts configuration', () => {
  it('keeps every part off by default', () => {
    expect(loadConfig({}).production).toMatchObject({
      sms: { provider: 'outbox' },
      documents: { storage: 'local' },
      redisUrl: undefined,
      trustProxy: false,
      portalApiSecret: undefined,
      metricsToken: undefined,
      accountFailures: { threshold: 100, minutes: 60 },
      clientFailures: { threshold: 100, minutes: 1440 },
    });
  });

  it('names the missing variable of a part switched on, never a value', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'ncp-sens', NCP_SENS_SERVICE_ID: 's', NCP_ACCESS_KEY: 'a', SMS_FROM: '0212345678' })).toThrow(
      new ConfigError('NCP_SECRET_KEY', 'is required when SMS_PROVIDER=ncp-sens'),
    );
    expect(() => loadConfig({ DOCUMENTS_STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow('S3_SECRET_ACCESS_KEY');
    expect(() => loadConfig({ REDIS_URL: 'http://redis' })).toThrow('REDIS_URL');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 16 characters');
  });

  it('reads PORTAL_API_SECRET once, at least 32 characters, for the API and the portal alike', () => {
    expect(() => loadConfig({ PORTAL_API_SECRET: 'sixteen-chars-ok-not' })).toThrow('PORTAL_API_SECRET must be at least 32 characters');
    const secret = 'a-portal-api-secret-of-32-chars!';
    expect(loadConfig({ PORTAL_API_SECRET: secret }).production.portalApiSecret).toBe(secret);
  });

  it('reads TRUST_PROXY as none, a hop count or a list of addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: 'none' }).production.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).production.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).production.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow('TRUST_PROXY');
  });

  it('reads the SENS and S3 settings', () => {
    const config = loadConfig({
      SMS_PROVIDER: 'ncp-sens',
      NCP_SENS_SERVICE_ID: 'ncp:sms:kr:1:svc',
      NCP_ACCESS_KEY: 'access',
      NCP_SECRET_KEY: 'secret',
      SMS_FROM: '0212345678',
      DOCUMENTS_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:8333/',
      S3_BUCKET: 'docs',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
      S3_FORCE_PATH_STYLE: 'true',
    }).production;
    expect(config.sms).toMatchObject({ provider: 'ncp-sens', url: 'https://sens.apigw.ntruss.com', timeoutMs: 5_000 });
    expect(config.documents).toMatchObject({ storage: 's3', endpoint: 'http://127.0.0.1:8333', region: 'us-east-1', forcePathStyle: true });
  });
});
