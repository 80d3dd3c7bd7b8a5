import { ConfigError } from '#app/config';
import { faultPlanFromEnv, withFaultPoints } from './fault-injection.js';

describe('fault injection switch', () => {
  it('is off unless WORKER_FAULT_POINT is set', () => {
    expect(faultPlanFromEnv({})).toBeUndefined();
  });

  it('reads the activity, the phase and the action', () => {
    expect(faultPlanFromEnv({ WORKER_FAULT_POINT: 'checkCode:after', WORKER_FAULT_ACTION: 'stop' })).toEqual({
      activity: 'checkCode',
      phase: 'after',
      action: 'stop',
    });
    expect(faultPlanFromEnv({ WORKER_FAULT_POINT: 'sendEmailCode:before' })?.action).toBe('kill');
    expect(faultPlanFromEnv({ WORKER_FAULT_POINT: 'notifyLoginIdChanged:sent' })?.phase).toBe('sent');
  });

  it('is refused in production and when malformed', () => {
    expect(() => faultPlanFromEnv({ WORKER_FAULT_POINT: 'checkCode:after', NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => faultPlanFromEnv({ WORKER_FAULT_POINT: 'checkCode:during' })).toThrow(/WORKER_FAULT_POINT/);
    expect(() => faultPlanFromEnv({ WORKER_FAULT_POINT: 'checkCode:after', WORKER_FAULT_ACTION: 'pause' })).toThrow(/WORKER_FAULT_ACTION/);
  });

  it('refuses a point that names no registered activity, and leaves the others untouched', async () => {
    const checkCode = async () => 'ok';
    expect(() => withFaultPoints({ checkCode }, { activity: 'nope', phase: 'before', action: 'kill' })).toThrow(/nope/);
    const wrapped = withFaultPoints({ checkCode }, undefined);
    expect(wrapped.checkCode).toBe(checkCode);
    await expect(wrapped.checkCode()).resolves.toBe('ok');
  });

  it('arms a sent point on the transports, and leaves a message sent outside the planned activity alone', async () => {
    const notifyLoginIdChanged = async () => undefined;
    const plan = { activity: 'notifyLoginIdChanged', phase: 'sent', action: 'kill' } as const;
    expect(() => withFaultPoints({ notifyLoginIdChanged }, plan)).toThrow(/transports/);
    const transports = { email: { sendEmail: async () => 'sent' as const }, sms: { sendSms: async () => 'duplicate' as const } };
    withFaultPoints({ notifyLoginIdChanged }, plan, transports);
    await expect(transports.email.sendEmail()).resolves.toBe('sent');
    await expect(transports.sms.sendSms()).resolves.toBe('duplicate');
  });
});
