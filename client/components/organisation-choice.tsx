import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { Organisation } from '../../shared/api';
import { STAKEHOLDER_KINDS } from '../../shared/roles';
import type { MessageKey } from '../i18n/en';
import { ORGANISATION_NAME_MAX_LENGTH } from '../lib/identity';
import { countryName } from '../lib/countries';
import type { SignUpField, SignUpFormValues } from '../lib/sign-up-form';
import { useApp } from '../stores/app-context';
import { CountryOptions } from './country-select';
import { Field } from './field';
import { OrganisationBadge } from './organisation-badge';

/**
 * The organisation part of signing up: pick one already on Ensemble (the
 * list narrows as you type), or describe yours to create it.
 */
export function OrganisationChoice(props: {
  organisations: readonly Organisation[];
  values: SignUpFormValues;
  setValues: SetStoreFunction<SignUpFormValues>;
  problems: ReadonlySet<SignUpField>;
}) {
  const { locale } = useApp();
  const [query, setQuery] = createSignal('');
  const errorFor = (field: SignUpField, key: MessageKey) => (props.problems.has(field) ? locale.t(key) : null);

  const matches = createMemo(() => {
    const words = query().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return props.organisations.filter((organisation) => {
      if (organisation.id === props.values.organisationId) return true;
      const text = `${organisation.name} ${countryName(organisation.country, locale.locale())}`.toLocaleLowerCase();
      return words.every((word) => text.includes(word));
    });
  });
  const selected = () => props.organisations.find((organisation) => organisation.id === props.values.organisationId);

  return (
    <fieldset class="fieldset">
      <legend class="field-label">{locale.t('signup.organisation')}</legend>
      <div class="segmented">
        <label class="segmented-option">
          <input
            type="radio"
            name="organisation-mode"
            data-testid="signup-organisation-existing"
            checked={props.values.organisationMode === 'existing'}
            disabled={props.organisations.length === 0}
            onChange={() => props.setValues('organisationMode', 'existing')}
          />
          <span>{locale.t('signup.organisationExisting')}</span>
        </label>
        <label class="segmented-option">
          <input
            type="radio"
            name="organisation-mode"
            data-testid="signup-organisation-new"
            checked={props.values.organisationMode === 'new'}
            onChange={() => props.setValues('organisationMode', 'new')}
          />
          <span>{locale.t('signup.organisationNew')}</span>
        </label>
      </div>

      <Switch>
        <Match when={props.values.organisationMode === 'existing'}>
          <Field id="signup-organisation-search" label={locale.t('signup.organisationSearch')}>
            {(control) => (
              <input
                {...control}
                class="text-input"
                type="search"
                value={query()}
                onInput={(event) => setQuery(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id="signup-organisation-select"
            label={locale.t('signup.organisationPick')}
            error={errorFor('organisation', 'signup.organisationRequired')}
          >
            {(control) => (
              <select
                {...control}
                class="text-input"
                value={props.values.organisationId}
                onChange={(event) => props.setValues('organisationId', event.currentTarget.value)}
              >
                <option value="">
                  {matches().length === 0 ? locale.t('signup.organisationNoMatch') : locale.t('common.choose')}
                </option>
                <For each={matches()}>
                  {(organisation) => (
                    <option value={organisation.id} selected={organisation.id === props.values.organisationId}>
                      {organisation.name}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Show when={selected()}>
            {(organisation) => (
              <p class="organisation-preview">
                <OrganisationBadge name={organisation().name} color={organisation().color} kind={organisation().kind} />
                <span class="muted">{countryName(organisation().country, locale.locale())}</span>
              </p>
            )}
          </Show>
        </Match>
        <Match when={props.values.organisationMode === 'new'}>
          <Field
            id="signup-organisation-name"
            label={locale.t('organisation.name')}
            error={errorFor('organisationName', 'organisation.nameRequired')}
          >
            {(control) => (
              <input
                {...control}
                class="text-input"
                maxLength={ORGANISATION_NAME_MAX_LENGTH}
                autocomplete="organization"
                value={props.values.newOrganisation.name}
                onInput={(event) => props.setValues('newOrganisation', 'name', event.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id="signup-organisation-kind"
            label={locale.t('organisation.kind')}
            error={errorFor('organisationKind', 'organisation.kindRequired')}
          >
            {(control) => (
              <select
                {...control}
                class="text-input"
                value={props.values.newOrganisation.kind}
                onChange={(event) =>
                  props.setValues('newOrganisation', 'kind', event.currentTarget.value as SignUpFormValues['newOrganisation']['kind'])
                }
              >
                <option value="">{locale.t('common.choose')}</option>
                <For each={STAKEHOLDER_KINDS}>
                  {(kind) => (
                    <option value={kind} selected={kind === props.values.newOrganisation.kind}>
                      {locale.t(`kind.${kind}`)}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Field
            id="signup-organisation-country"
            label={locale.t('organisation.country')}
            error={errorFor('organisationCountry', 'organisation.countryRequired')}
          >
            {(control) => (
              <select
                {...control}
                class="text-input"
                value={props.values.newOrganisation.country}
                onChange={(event) => props.setValues('newOrganisation', 'country', event.currentTarget.value)}
              >
                <CountryOptions placeholder={locale.t('common.choose')} selected={props.values.newOrganisation.country} />
              </select>
            )}
          </Field>
          <Field
            id="signup-organisation-color"
            label={locale.t('organisation.color')}
            hint={locale.t('organisation.colorHint')}
          >
            {(control) => (
              <input
                {...control}
                class="color-input"
                type="color"
                value={props.values.newOrganisation.color}
                onInput={(event) => props.setValues('newOrganisation', 'color', event.currentTarget.value)}
              />
            )}
          </Field>
        </Match>
      </Switch>
    </fieldset>
  );
}
