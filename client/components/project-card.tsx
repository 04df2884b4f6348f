import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Project } from '../../shared/api';
import { countryName } from '../lib/countries';
import { useApp } from '../stores/app-context';
import { OrganisationBadge } from './organisation-badge';
import { RoleBadge, StatusBadge } from './status-badges';

/** A project in the list: its title, where and how far it is, my role, and the partners. */
export function ProjectCard(props: { project: Project }) {
  const { locale } = useApp();
  const countries = () => props.project.countries.map((code) => countryName(code, locale.locale())).join(', ');
  return (
    <li class="project-card">
      <A href={`/p/${encodeURIComponent(props.project.id)}`} class="project-card-link stretched-link" data-testid="project-link">
        {props.project.title}
      </A>
      <div class="project-card-meta">
        <StatusBadge status={props.project.status} />
        <RoleBadge role={props.project.myRole} />
        <Show when={countries()}>
          <span class="muted">{countries()}</span>
        </Show>
      </div>
      <Show when={props.project.summary}>
        <p class="project-card-summary">{props.project.summary}</p>
      </Show>
      <Show when={props.project.partners.length > 0}>
        <ul class="badge-list" aria-label={locale.t('project.partners')}>
          <For each={props.project.partners}>
            {(partner) => (
              <li>
                <OrganisationBadge name={partner.name} color={partner.color} kind={partner.kind} testId="partner-badge" />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </li>
  );
}
