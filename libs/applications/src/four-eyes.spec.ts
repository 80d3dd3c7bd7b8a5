import { DEFAULT_FOUR_EYES_FIELDS } from '#workflows/required-info-application/application.contract';
import { needsFourEyes } from './four-eyes.js';

const personal = { memberType: 'PERSONAL' as const, name: 'Kim Minji', businessName: null, businessRegistrationNumber: null };
const business = { memberType: 'CORPORATE_BUSINESS' as const, name: 'Kim Minji', businessName: 'Example Co.', businessRegistrationNumber: '2208162517' };

describe('needsFourEyes (product default fields)', () => {
  it.each([
    ['a name change of a personal member', personal, { name: 'Lee Minji' }, false],
    ['personal → business', personal, { memberType: 'CORPORATE_BUSINESS' as const, businessName: 'New Co.', businessRegistrationNumber: '1248156788' }, true],
    ['business → personal', business, { memberType: 'PERSONAL' as const }, true],
    ['a new business registration number', business, { businessRegistrationNumber: '1248156788' }, true],
    ['the same business registration number again, with a name change', business, { businessRegistrationNumber: '2208162517', name: 'Lee Minji' }, false],
    ['a new business name', business, { businessName: 'Renamed Co.' }, true],
  ])('%s: %s', (_name, member, requested, expected) => {
    expect(needsFourEyes(member, requested, DEFAULT_FOUR_EYES_FIELDS)).toBe(expected);
  });

  it('follows the configured fields', () => {
    expect(needsFourEyes(personal, { name: 'Lee Minji' }, ['name'])).toBe(true);
    expect(needsFourEyes(business, { businessRegistrationNumber: '1248156788' }, [])).toBe(false);
  });
});
