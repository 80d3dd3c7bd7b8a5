import { IsEmail, IsIn, IsISO31661Alpha2, IsOptional, IsString, Length, Matches } from 'class-validator';
import { applyValidationRules } from './validation-constraints.js';

class ExampleDto {
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\p{Cc}]+$/u)
  name!: string;

  @IsEmail()
  email!: string;

  @IsIn(['ko', 'en'])
  language!: string;

  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Matches(/^x$/i)
  caseless!: string;
}

describe('applyValidationRules: the schema states what the validation pipe refuses', () => {
  const schema = () => ({
    type: 'object',
    properties: {
      name: { type: 'string' },
      email: { type: 'string' },
      language: { type: 'string' },
      country: { type: 'string' },
      caseless: { type: 'string' },
    },
  });

  it('writes lengths, patterns (control characters spelled out), formats and enums, and forbids unknown fields', () => {
    const doc = schema();
    applyValidationRules(doc, ExampleDto);
    expect(doc).toMatchObject({
      additionalProperties: false,
      properties: {
        name: { minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]+$' },
        email: { format: 'email' },
        language: { enum: ['ko', 'en'] },
      },
    });
    expect((doc.properties.country as { enum?: string[] }).enum).toEqual(expect.arrayContaining(['KR', 'JP', 'DE']));
    expect((doc.properties.country as { enum?: string[] }).enum).not.toContain('XX');
  });

  it('leaves out a pattern whose flags JSON Schema cannot carry', () => {
    const doc = schema();
    applyValidationRules(doc, ExampleDto);
    expect(doc.properties.caseless).not.toHaveProperty('pattern');
  });
});
