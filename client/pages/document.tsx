import { useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { documentIdSchema } from '../../shared/api';
import { DocumentWorkspace } from '../components/document-workspace';
import { NotFoundState } from '../components/not-found-state';
import { WorkshopRoom } from '../components/workshop-room';
import { identityOf, type Identity } from '../lib/identity';
import { isKnownWorkshop } from '../lib/workshop-hints';
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
          {(me) => {
            // A workshop opens as its room. Whether a document is one, this device may know already (a guest's
            // always does); otherwise the text opens, as it does without waiting for the server, until it says.
            const [workshop, setWorkshop] = createSignal(me().guestOf === documentId || isKnownWorkshop(documentId));
            return (
              <Show
                when={workshop()}
                fallback={
                  <DocumentWorkspace
                    documentId={documentId}
                    userId={me().id}
                    identity={(): Identity => identityOf(me())}
                    onWorkshop={() => setWorkshop(true)}
                  />
                }
              >
                <WorkshopRoom workshopId={documentId} me={me()} />
              </Show>
            );
          }}
        </Show>
      )}
    </Show>
  );
}
