import { useNavigate, useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { idSchema } from '../../shared/api';
import { Breadcrumbs } from '../components/breadcrumbs';
import { ContributionMap } from '../components/contribution-map';
import { ErrorNotice, LoadingLine } from '../components/error-notice';
import { InvitationSection } from '../components/invitation-section';
import { KnowledgeBase } from '../components/knowledge-base';
import { MemberSection } from '../components/member-section';
import { NotFoundState } from '../components/not-found-state';
import { PartnerSection } from '../components/partner-section';
import { ProjectHeader } from '../components/project-header';
import { ProjectTransfer } from '../components/project-transfer';
import { WorkshopSection } from '../components/workshop-section';
import { useApp } from '../stores/app-context';
import { createDocumentsStore } from '../stores/documents';
import { createInvitationsStore } from '../stores/invitations';
import { loaded } from '../stores/loaded';
import { createMembersStore } from '../stores/members';
import { createOrganisationsStore } from '../stores/organisations';
import { createProjectStore } from '../stores/project';
import { createWorkshopsStore } from '../stores/workshops';

export function ProjectPage() {
  const params = useParams<{ projectId: string }>();
  const { locale } = useApp();
  const validId = () => (idSchema.safeParse(params.projectId).success ? params.projectId : undefined);
  return (
    <Show
      when={validId()}
      keyed
      fallback={<NotFoundState title={locale.t('project.notFoundTitle')} body={locale.t('project.notFoundBody')} />}
    >
      {(projectId) => <ProjectView projectId={projectId} />}
    </Show>
  );
}

/** One project: its details, knowledge base, partners, members and (for facilitators) invitations. */
function ProjectView(props: { projectId: string }) {
  const { api, session, locale } = useApp();
  const navigate = useNavigate();
  const store = createProjectStore(api, props.projectId);
  const documents = createDocumentsStore(api, props.projectId);
  const workshops = createWorkshopsStore(api, props.projectId);
  const members = createMembersStore(api, props.projectId);
  const invitations = createInvitationsStore(api, props.projectId, () => store.can('invitations.manage'));
  const organisations = createOrganisationsStore(api);

  return (
    <Switch>
      <Match when={store.notFound()}>
        <NotFoundState title={locale.t('project.notFoundTitle')} body={locale.t('project.notFoundBody')} />
      </Match>
      <Match when={loaded(store.project)}>
        {(project) => (
          <div class="page project-page">
            <Breadcrumbs items={[{ label: locale.t('nav.projects'), href: '/' }, { label: project().title }]} />
            <ProjectHeader store={store} project={project()} />
            <KnowledgeBase store={documents} canCreate={store.can('document.create')} />
            <WorkshopSection store={workshops} canCreate={store.can('workshop.facilitate')} />
            <section class="panel" aria-labelledby="project-contributions-title">
              <h2 id="project-contributions-title">{locale.t('attribution.contributions')}</h2>
              <ContributionMap source={{ kind: 'project', id: props.projectId }} testId="project-contribution-map" />
            </section>
            <ProjectTransfer projectId={props.projectId} canImport={store.can('document.create')} />
            <PartnerSection store={store} project={project()} organisations={organisations} />
            <MemberSection
              store={members}
              myRole={project().myRole}
              myUserId={session.user()?.id ?? ''}
              onMyRoleChanged={store.reload}
              onLeft={() => navigate('/', { replace: true })}
            />
            <Show when={store.can('invitations.manage')}>
              <InvitationSection
                store={invitations}
                myRole={project().myRole}
                partners={project().partners}
                organisations={loaded(organisations.organisations) ?? []}
              />
            </Show>
          </div>
        )}
      </Match>
      <Match when={store.project.state === 'errored'}>
        <ErrorNotice error={store.project.error} message="project.loadError" onRetry={store.reload} />
      </Match>
      <Match when={true}>
        <LoadingLine message="project.loading" />
      </Match>
    </Switch>
  );
}
