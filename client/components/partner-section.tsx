import { createSignal, For, Show } from 'solid-js';
import type { Organisation, Project } from '../../shared/api';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import type { OrganisationsStore } from '../stores/organisations';
import type { ProjectStore } from '../stores/project';
import { ErrorNotice } from './error-notice';
import { OrganisationBadge } from './organisation-badge';
import { OrganisationOptions } from './organisation-options';

/** The organisations taking part in the project; facilitators and owners add and remove them. */
export function PartnerSection(props: { store: ProjectStore; project: Project; organisations: OrganisationsStore }) {
  const { locale } = useApp();
  const canManage = () => props.store.can('partners.manage');
  const remove = createAction((organisation: Organisation) => props.store.removePartner(organisation.id));

  return (
    <section class="panel" aria-labelledby="partners-title">
      <h2 id="partners-title">{locale.t('project.partners')}</h2>
      <p class="muted section-intro">{locale.t('project.partnersIntro')}</p>
      <Show when={props.project.partners.length > 0} fallback={<p class="muted">{locale.t('project.noPartners')}</p>}>
        <ul class="badge-list" data-testid="partner-list">
          <For each={props.project.partners}>
            {(partner) => (
              <li>
                <OrganisationBadge name={partner.name} color={partner.color} kind={partner.kind} testId="partner-badge">
                  <Show when={canManage()}>
                    <button
                      type="button"
                      class="badge-remove"
                      data-testid="partner-remove"
                      aria-label={locale.t('project.removePartner', { name: partner.name })}
                      disabled={remove.pending()}
                      onClick={() => void remove.run(partner)}
                    >
                      ×
                    </button>
                  </Show>
                </OrganisationBadge>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={remove.error()}>{(error) => <ErrorNotice error={error()} message="project.removePartnerError" />}</Show>
      <Show when={canManage()}>
        <AddPartnerForm store={props.store} project={props.project} organisations={props.organisations} />
      </Show>
    </section>
  );
}

function AddPartnerForm(props: { store: ProjectStore; project: Project; organisations: OrganisationsStore }) {
  const { locale } = useApp();
  const organisations = props.organisations;
  const [choice, setChoice] = createSignal('');
  const add = createAction(async (organisationId: string) => {
    await props.store.addPartner(organisationId);
    setChoice('');
  });
  const candidates = () =>
    (loaded(organisations.organisations) ?? []).filter(
      (organisation) => !props.project.partners.some((partner) => partner.id === organisation.id),
    );

  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice() !== '') void add.run(choice());
      }}
    >
      <label class="field-label" for="add-partner">
        {locale.t('project.addPartner')}
      </label>
      <div class="inline-form-row">
        <select
          id="add-partner"
          class="text-input"
          data-testid="add-partner"
          value={choice()}
          onChange={(event) => setChoice(event.currentTarget.value)}
        >
          <option value="">
            {organisations.organisations.loading ? locale.t('common.loading') : locale.t('common.choose')}
          </option>
          <OrganisationOptions organisations={candidates()} selected={choice()} />
        </select>
        <button type="submit" class="button" data-testid="add-partner-submit" disabled={choice() === '' || add.pending()}>
          {locale.t('common.add')}
        </button>
      </div>
      <Show when={organisations.organisations.state === 'errored'}>
        <ErrorNotice error={organisations.organisations.error} message="project.organisationsError" onRetry={organisations.reload} />
      </Show>
      <Show when={add.error()}>{(error) => <ErrorNotice error={error()} message="project.addPartnerError" />}</Show>
    </form>
  );
}
