import { createMemo, For, Show } from 'solid-js';
import { roomPresence } from '../lib/workshop-presence';
import { useApp } from '../stores/app-context';
import type { WorkshopRoom } from '../stores/workshop-room';
import { ColorDot } from './color-dot';

/**
 * Who is in the room, so its diversity shows: how many of each kind of
 * stakeholder, then each organisation with its people. Names stay folded
 * away in a large room.
 */
export function WorkshopPresence(props: { room: WorkshopRoom }) {
  const { locale } = useApp();
  const presence = createMemo(() => roomPresence(props.room.board.participants(), locale.locale()));

  return (
    <section class="ws-presence" aria-labelledby="ws-presence-title" data-testid="workshop-presence">
      <h2 id="ws-presence-title" class="side-title">
        {locale.tn('workshops.presence.people', presence().people)}
      </h2>
      <ul class="ws-kind-counts" aria-label={locale.t('workshops.presence.byKind')}>
        <For each={presence().kinds}>
          {(entry) => (
            <li class="chip" data-testid="presence-kind" data-kind={entry.kind ?? 'none'}>
              {entry.kind ? locale.t(`kind.${entry.kind}`) : locale.t('workshops.presence.noKind')}
              <span class="ws-count">{entry.count}</span>
            </li>
          )}
        </For>
      </ul>
      <ul class="ws-organisations" aria-label={locale.t('workshops.presence.byOrganisation')}>
        <For each={presence().organisations}>
          {(group) => (
            <li class="ws-organisation" data-testid="presence-organisation">
              <details>
                <summary>
                  <ColorDot color={group.color} />
                  <span class="ws-organisation-name">{group.organisation ?? locale.t('workshops.presence.noOrganisation')}</span>
                  <span class="ws-count" data-testid="presence-count">
                    {group.people.length}
                  </span>
                </summary>
                <ul class="ws-people">
                  <For each={group.people}>
                    {(person) => (
                      <li>
                        {person.name}
                        <Show when={person.isSelf}> {locale.t('participants.you')}</Show>
                      </li>
                    )}
                  </For>
                </ul>
              </details>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
