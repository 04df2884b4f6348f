import { signUpInputSchema, type SignUpInput } from '../../shared/api';
import type { Language, StakeholderKind } from '../../shared/roles';
import { invalidPaths } from './form-problems';

export interface SignUpFormValues {
  name: string;
  email: string;
  password: string;
  language: Language;
  /** Join an organisation already on Ensemble, or create yours. */
  organisationMode: 'existing' | 'new';
  organisationId: string;
  newOrganisation: { name: string; kind: StakeholderKind | ''; country: string; color: string };
}

export type SignUpField =
  | 'name'
  | 'email'
  | 'password'
  | 'organisation'
  | 'organisationName'
  | 'organisationKind'
  | 'organisationCountry'
  | 'organisationColor';

export type SignUpFormResult = { ok: true; input: SignUpInput } | { ok: false; problems: Set<SignUpField> };

const FIELD_OF_PATH: Readonly<Record<string, SignUpField>> = {
  name: 'name',
  email: 'email',
  password: 'password',
  organisationId: 'organisation',
  'newOrganisation.name': 'organisationName',
  'newOrganisation.kind': 'organisationKind',
  'newOrganisation.country': 'organisationCountry',
  'newOrganisation.color': 'organisationColor',
};

/**
 * The sign-up request for a filled-in form, or which fields are wrong. An
 * organisation is required unless an invitation will give one on accepting
 * (`organisationOptional`); then an untouched organisation part is left out.
 */
export function signUpInputFrom(values: SignUpFormValues, options: { organisationOptional: boolean }): SignUpFormResult {
  const { organisationMode, organisationId, newOrganisation } = values;
  const newOrganisationTouched = newOrganisation.name.trim() !== '' || newOrganisation.country !== '' || newOrganisation.kind !== '';
  const input: SignUpInput = {
    name: values.name,
    email: values.email,
    password: values.password,
    language: values.language,
  };
  if (organisationMode === 'existing' && organisationId !== '') input.organisationId = organisationId;
  if (organisationMode === 'new' && (newOrganisationTouched || !options.organisationOptional)) {
    // An unset kind fails the schema like any other bad value.
    input.newOrganisation = { ...newOrganisation, kind: newOrganisation.kind as StakeholderKind };
  }

  const problems = new Set<SignUpField>();
  for (const path of invalidPaths(signUpInputSchema, input)) {
    const field = FIELD_OF_PATH[path];
    if (field) problems.add(field);
  }
  if (!options.organisationOptional && organisationMode === 'existing' && organisationId === '') problems.add('organisation');
  return problems.size === 0 ? { ok: true, input } : { ok: false, problems };
}
