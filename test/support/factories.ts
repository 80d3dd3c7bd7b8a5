import { randomBytes } from 'node:crypto';

let sequence = 0;

/** A unique email for this run, so suites sharing the run's database never collide. */
export function uniqueEmail(prefix = 'member'): string {
  sequence += 1;
  return `${prefix}.${Date.now().toString(36)}${sequence}${randomBytes(2).toString('hex')}@example.com`;
}

export const DEMO_PASSWORD = 'Qz7!mKp2#x';

export interface SignUpBody {
  loginId: string;
  password: string;
  name: string;
  memberType: 'PERSONAL' | 'PERSONAL_BUSINESS' | 'CORPORATE_BUSINESS';
  mobilePhone: string;
  language: 'ko' | 'en' | 'ja';
  serviceArea: string;
  billingEmail: string;
  address?: { country: string; postalCode: string; line1: string; line2?: string };
  businessName?: string;
  businessRegistrationNumber?: string;
  [extra: string]: unknown;
}

/** A valid sign-up body; override what a test is about. */
export function aSignUp(overrides: Partial<SignUpBody> = {}): SignUpBody {
  const loginId = overrides.loginId ?? uniqueEmail();
  return {
    loginId,
    password: DEMO_PASSWORD,
    name: 'Kim Minji',
    memberType: 'PERSONAL',
    mobilePhone: '+821012345678',
    language: 'en',
    serviceArea: 'KR',
    billingEmail: loginId,
    address: { country: 'KR', postalCode: '06236', line1: '152 Teheran-ro', line2: '12F' },
    ...overrides,
  };
}

export function aBusinessSignUp(overrides: Partial<SignUpBody> = {}): SignUpBody {
  return aSignUp({
    memberType: 'CORPORATE_BUSINESS',
    businessName: 'Example Cloud Co., Ltd.',
    businessRegistrationNumber: '220-81-62517',
    ...overrides,
  });
}
