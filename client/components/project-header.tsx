import { createSignal, For, Show } from 'solid-js';
import type { CreateProjectInput, Project } from '../../shared/api';
import { countryName } from '../lib/countries';
import { projectFormValues } from '../lib/project-form';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { ProjectStore } from '../stores/project';
import { ProjectForm } from './project-form';
import { RoleBadge, StatusBadge } from './status-badges';

/** The project's own details; facilitators and owners edit them in place. */
export function ProjectHeader(props: { store: ProjectStore; project: Project }) {
  const { locale } = useApp();
  const [editing, setEditing] = createSignal(false);
  const save = createAction(async (input: CreateProjectInput) => {
    await props.store.update(input);
    setEditing(false);
  });
  const formatDate = (date: string) =>
    new Intl.DateTimeFormat(locale.locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const period = () => {
    const { startsOn, endsOn } = props.project;
    if (startsOn && endsOn) return locale.t('project.period', { start: formatDate(startsOn), end: formatDate(endsOn) });
    if (startsOn) return locale.t('project.startsOn', { date: formatDate(startsOn) });
    if (endsOn) return locale.t('project.endsOn', { date: formatDate(endsOn) });
    return null;
  };

  return (
    <Show
      when={!editing()}
      fallback={
        <section class="panel" aria-labelledby="edit-project-heading">
          <h1 id="edit-project-heading">{locale.t('project.editTitle')}</h1>
          <ProjectForm
            idPrefix="edit-project"
            initial={projectFormValues(props.project)}
            action={save}
            submitLabel={locale.t('common.save')}
            onCancel={() => setEditing(false)}
          />
        </section>
      }
    >
      <header class="project-header">
        <div class="page-head">
          <h1 data-testid="project-title">{props.project.title}</h1>
          <Show when={props.store.can('project.update')}>
            <button type="button" class="button" data-testid="edit-project" onClick={() => setEditing(true)}>
              {locale.t('project.edit')}
            </button>
          </Show>
        </div>
        <div class="project-card-meta">
          <StatusBadge status={props.project.status} />
          <RoleBadge role={props.project.myRole} />
          <Show when={period()}>{(text) => <span class="muted">{text()}</span>}</Show>
        </div>
        <Show when={props.project.summary}>
          <p class="project-summary" data-testid="project-summary">
            {props.project.summary}
          </p>
        </Show>
        <dl class="facts">
          <Show when={props.project.programme}>
            <dt>{locale.t('projectForm.programme')}</dt>
            <dd data-testid="project-programme">{props.project.programme}</dd>
          </Show>
          <Show when={props.project.countries.length > 0}>
            <dt>{locale.t('projectForm.countries')}</dt>
            <dd>{props.project.countries.map((code) => countryName(code, locale.locale())).join(', ')}</dd>
          </Show>
          <Show when={props.project.themes.length > 0}>
            <dt>{locale.t('projectForm.themes')}</dt>
            <dd>
              <ul class="chip-list">
                <For each={props.project.themes}>{(theme) => <li class="chip">{theme}</li>}</For>
              </ul>
            </dd>
          </Show>
        </dl>
      </header>
    </Show>
  );
}
