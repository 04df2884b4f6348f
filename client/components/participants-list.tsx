import { For, Show } from 'solid-js';
import type { Participant } from '../lib/participants';
import { useApp } from '../stores/app-context';
import { ColorDot } from './color-dot';
import { KindBadge } from './organisation-badge';

export function ParticipantsList(props: { participants: readonly Participant[] }) {
  const { locale } = useApp();
  return (
    <section class="participants" aria-labelledby="participants-title">
      <h2 id="participants-title" class="side-title">
        {locale.t('participants.label')}
      </h2>
      <ul class="participant-list" data-testid="participants">
        <For each={props.participants}>
          {(participant) => (
            <li class="participant" data-testid="participant" data-self={participant.isSelf ? 'true' : undefined}>
              <ColorDot color={participant.color} />
              <span class="participant-text">
                <span class="participant-name">
                  {participant.name}
                  <Show when={participant.isSelf}>
                    {' '}
                    <span class="participant-you">{locale.t('participants.you')}</span>
                  </Show>
                </span>
                <Show when={participant.organisation || participant.kind}>
                  <span class="participant-organisation">
                    <Show when={participant.organisation}>
                      <span class="participant-organisation-name">{participant.organisation}</span>
                    </Show>
                    <Show when={participant.kind}>{(kind) => <KindBadge kind={kind()} />}</Show>
                  </span>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
