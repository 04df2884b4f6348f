import { Show } from 'solid-js';
import { useApp } from '../stores/app-context';
import type { ConnectionState } from '../stores/connection-state';

/**
 * Whether the server is getting your changes. The status is announced to
 * screen readers; the unsynced count is not, as it changes with each keystroke.
 */
export function ConnectionBadge(props: { state: ConnectionState }) {
  const { locale } = useApp();
  return (
    <div class="connection" data-testid="connection-status" data-status={props.state.status}>
      <span class="connection-dot" aria-hidden="true" />
      <span aria-live="polite">{locale.t(`connection.${props.state.status}`)}</span>
      <Show when={props.state.unsynced > 0}>
        <span class="connection-unsynced" data-testid="unsynced-changes">
          {locale.tn(
            props.state.status === 'offline' ? 'connection.unsyncedSavedLocally' : 'connection.unsynced',
            props.state.unsynced,
          )}
        </span>
      </Show>
    </div>
  );
}
