import { maskForAudit } from './audit-masking.js';

describe('maskForAudit', () => {
  it('drops secrets and masks personal data, keeping the shape', () => {
    const masked = maskForAudit({
      loginId: 'jane.doe@example.com',
      passwordHash: '$2b$12$abc',
      newPassword: 'S3cret!pass',
      token: 'abc',
      code: '123456',
      mobilePhone: '+821012345678',
      language: 'en',
      businessRegistrationNumber: '2208162517',
      address: { country: 'KR', postalCode: '06236', line1: '123 Teheran-ro' },
    });
    expect(masked).toEqual({
      loginId: 'j***@example.com',
      mobilePhone: '+8210****78',
      language: 'en',
      businessRegistrationNumber: '******2517',
      address: { country: 'KR', postalCode: '*6236', line1: '**********n-ro' },
    });
    expect(JSON.stringify(masked)).not.toMatch(/S3cret|\$2b\$|123456|jane\.doe/);
  });
});
