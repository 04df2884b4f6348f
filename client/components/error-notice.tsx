import { Show } from 'solid-js';
import type { MessageKey } from '../i18n/en';
import { errorMessageKey } from '../i18n/error-message';
import { useApp } from '../stores/app-context';

/**
 * A failure, said in words: what could not be done (`message`, which takes
 * `{reason}`) and why. With `onRetry`, a button to try again.
 */
export function ErrorNotice(props: { error: unknown; message: MessageKey; onRetry?: () => void; testId?: string }) {
  const { locale } = useApp();
  return (
    <div class="notice error" role="alert" data-testid={props.testId}>
      <p>{locale.t(props.message, { reason: locale.t(errorMessageKey(props.error)) })}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="button" onClick={() => retry()()}>
            {locale.t('common.retry')}
          </button>
        )}
      </Show>
    </div>
  );
}

/** A short "Loading…" line, announced politely. */
export function LoadingLine(props: { message: MessageKey }) {
  const { locale } = useApp();
  return (
    <p class="muted loading-line" role="status">
      {locale.t(props.message)}
    </p>
  );
}
