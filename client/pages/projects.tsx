import { useNavigate } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { CreateProjectInput } from '../../shared/api';
import { ErrorNotice, LoadingLine } from '../components/error-notice';
import { ProjectCard } from '../components/project-card';
import { groupByProgramme } from '../lib/programmes';
import { ProjectForm } from '../components/project-form';
import { projectFormValues } from '../lib/project-form';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import { createProjectsStore } from '../stores/projects';

/** The projects I am in, and starting a new one. */
export function ProjectsPage() {
  const { api, locale } = useApp();
  const navigate = useNavigate();
  const store = createProjectsStore(api);
  const [creating, setCreating] = createSignal(false);
  const create = createAction(async (input: CreateProjectInput) => {
    const project = await store.create(input);
    navigate(`/p/${encodeURIComponent(project.id)}`);
  });
  const list = () => loaded(store.projects);
  const isEmpty = () => list()?.length === 0;

  const newProjectButton = () => (
    <button type="button" class="button primary" data-testid="new-project" aria-expanded={creating()} onClick={() => setCreating(true)}>
      {locale.t('projects.new')}
    </button>
  );

  return (
    <section class="page" aria-labelledby="projects-title" aria-busy={store.projects.loading}>
      <div class="page-head">
        <h1 id="projects-title">{locale.t('projects.title')}</h1>
        <Show when={!isEmpty() && !creating()}>{newProjectButton()}</Show>
      </div>
      <Show when={creating()}>
        <section class="panel" aria-labelledby="new-project-heading">
          <h2 id="new-project-heading">{locale.t('projects.newTitle')}</h2>
          <ProjectForm
            idPrefix="new-project"
            initial={projectFormValues()}
            action={create}
            submitLabel={locale.t('projects.create')}
            onCancel={() => setCreating(false)}
          />
        </section>
      </Show>
      <Switch>
        <Match when={store.projects.state === 'errored'}>
          <ErrorNotice error={store.projects.error} message="projects.loadError" onRetry={store.reload} />
        </Match>
        <Match when={isEmpty()}>
          <Show when={!creating()}>
            <div class="empty-state" data-testid="projects-empty">
              <h2>{locale.t('projects.emptyTitle')}</h2>
              <p>{locale.t('projects.emptyBody')}</p>
              <p class="muted">{locale.t('projects.emptyInvited')}</p>
              <div>{newProjectButton()}</div>
            </div>
          </Show>
        </Match>
        <Match when={list()}>
          {(projects) => (
            <div data-testid="project-list">
              <For each={groupByProgramme(projects(), locale.locale())}>
                {(group, index) => (
                  <section class="programme-group">
                    {/* Projects without a programme get a heading only when others have one above them. */}
                    <Show when={group.programme || index() > 0}>
                      <h2 class="programme-title" data-testid="programme-title">
                        {group.programme || locale.t('projects.withoutProgramme')}
                      </h2>
                    </Show>
                    <ul class="project-list">
                      <For each={group.projects}>{(project) => <ProjectCard project={project} />}</For>
                    </ul>
                  </section>
                )}
              </For>
            </div>
          )}
        </Match>
        <Match when={store.projects.loading}>
          <LoadingLine message="projects.loading" />
        </Match>
      </Switch>
    </section>
  );
}
