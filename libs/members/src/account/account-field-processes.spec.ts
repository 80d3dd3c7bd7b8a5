import { fieldsOfOtherProcesses } from './account-field-processes.js';

describe('fieldsOfOtherProcesses', () => {
  it('names the process of every field that the basic-information update does not change', () => {
    expect(
      fieldsOfOtherProcesses({
        language: 'en',
        memberType: 'PERSONAL',
        name: 'x',
        businessName: 'x',
        businessRegistrationNumber: '2208162517',
        loginId: 'a@example.com',
        mobilePhone: '+821012345678',
        password: 'x',
      }),
    ).toEqual([
      { field: 'memberType', rules: ['useRequiredInfoApplication'] },
      { field: 'name', rules: ['useRequiredInfoApplication'] },
      { field: 'businessName', rules: ['useRequiredInfoApplication'] },
      { field: 'businessRegistrationNumber', rules: ['useRequiredInfoApplication'] },
      { field: 'loginId', rules: ['useLoginIdChange'] },
      { field: 'mobilePhone', rules: ['useMobilePhoneChange'] },
      { field: 'password', rules: ['usePasswordChange'] },
    ]);
  });

  it.each([[{ language: 'en', address: { line1: 'x' } }], [null], ['name'], [['name']], [undefined]])('finds none in %p', (body) => {
    expect(fieldsOfOtherProcesses(body)).toEqual([]);
  });

  it('ignores inherited properties', () => {
    expect(fieldsOfOtherProcesses(Object.create({ name: 'x' }))).toEqual([]);
  });
});
