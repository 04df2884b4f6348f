import { createSignal } from 'solid-js';
import { guestJoinPath } from '../lib/paths';
import { useApp } from '../stores/app-context';

/** The code guests join with, and the link that carries it, to read out, write on a board or send. */
export function WorkshopGuestAccess(props: { code: string }) {
  const { locale } = useApp();
  const [copied, setCopied] = createSignal<'yes' | 'failed' | null>(null);
  const link = () => `${window.location.origin}${guestJoinPath(props.code)}`;
  let input!: HTMLInputElement;

  const copy = async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(link());
      setCopied('yes');
    } catch {
      // Over plain http, or without permission: the link stays selected to copy by hand.
      setCopied('failed');
    }
  };

  return (
    <details class="ws-guest-access" data-testid="guest-access">
      <summary>{locale.t('workshops.guests.title')}</summary>
      <p>
        {locale.t('workshops.guests.code')}{' '}
        <strong class="ws-guest-code" data-testid="guest-code">
          {props.code}
        </strong>
      </p>
      <label class="field-label" for="ws-guest-link">
        {locale.t('workshops.guests.link')}
      </label>
      <div class="inline-form-row">
        <input
          ref={input}
          id="ws-guest-link"
          class="text-input"
          data-testid="guest-link"
          readOnly
          value={link()}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="button ws-small" data-testid="guest-copy" onClick={() => void copy()}>
          {copied() === 'yes' ? locale.t('invitations.copied') : locale.t('invitations.copy')}
        </button>
      </div>
      <p class="field-hint" role="status">
        {copied() === 'failed' ? locale.t('invitations.copyFailed') : locale.t('workshops.guests.hint')}
      </p>
    </details>
  );
}
