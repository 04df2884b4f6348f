import { describe, expect, it } from 'vitest';
import { signUpInputFrom, type SignUpFormValues } from './sign-up-form';

const base: SignUpFormValues = {
  name: 'Awa Diop',
  email: 'awa@example.org',
  password: 'a long passphrase',
  language: 'fr',
  organisationMode: 'existing',
  organisationId: 'org1',
  newOrganisation: { name: '', kind: '', country: '', color: '#0f766e' },
};

const problemsOf = (values: SignUpFormValues, organisationOptional = false) => {
  const result = signUpInputFrom(values, { organisationOptional });
  return result.ok ? [] : [...result.problems].sort();
};

describe('signUpInputFrom', () => {
  it('joins an existing organisation', () => {
    expect(signUpInputFrom(base, { organisationOptional: false })).toEqual({
      ok: true,
      input: { name: 'Awa Diop', email: 'awa@example.org', password: 'a long passphrase', language: 'fr', organisationId: 'org1' },
    });
  });

  it('creates a new organisation', () => {
    const values: SignUpFormValues = {
      ...base,
      organisationMode: 'new',
      newOrganisation: { name: 'FONGS', kind: 'farmers_organisation', country: 'SN', color: '#0f766e' },
    };
    const result = signUpInputFrom(values, { organisationOptional: false });
    expect(result.ok && result.input.newOrganisation).toEqual(values.newOrganisation);
    expect(result.ok && result.input.organisationId).toBeUndefined();
  });

  it('marks each wrong field', () => {
    expect(problemsOf({ ...base, name: ' ', email: 'awa', password: 'short' })).toEqual(['email', 'name', 'password']);
  });

  it('requires an organisation, chosen or new and complete', () => {
    expect(problemsOf({ ...base, organisationId: '' })).toEqual(['organisation']);
    expect(problemsOf({ ...base, organisationMode: 'new' })).toEqual([
      'organisationCountry',
      'organisationKind',
      'organisationName',
    ]);
  });

  it('lets someone invited on behalf of an organisation skip it', () => {
    expect(problemsOf({ ...base, organisationId: '' }, true)).toEqual([]);
    expect(problemsOf({ ...base, organisationMode: 'new' }, true)).toEqual([]);
    // Started is checked, though.
    expect(problemsOf({ ...base, organisationMode: 'new', newOrganisation: { ...base.newOrganisation, name: 'X' } }, true)).toEqual([
      'organisationCountry',
      'organisationKind',
    ]);
  });
});
