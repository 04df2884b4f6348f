import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { documentIdSchema } from '../../shared/api';
import { DocumentWorkspace } from '../components/document-workspace';
import { NotFoundState } from '../components/not-found-state';
import { identityOf, type Identity } from '../lib/identity';
import { useApp } from '../stores/app-context';

export function DocumentPage() {
  const params = useParams<{ id: string }>();
  const { session, locale } = useApp();
  const validId = () => (documentIdSchema.safeParse(params.id).success ? params.id : undefined);

  return (
    <Show
      when={validId()}
      keyed
      fallback={<NotFoundState title={locale.t('document.notFoundTitle')} body={locale.t('document.notFoundBody')} />}
    >
      {/* Keyed: moving to another document builds a new session rather than reusing this one. */}
      {(documentId) => (
        <Show when={session.user()}>
          {(me) => <DocumentWorkspace documentId={documentId} userId={me().id} identity={(): Identity => identityOf(me())} />}
        </Show>
      )}
    </Show>
  );
}
