import { createSignal, Show } from 'solid-js';
import { useApp } from '../stores/app-context';

/** A button for something that cannot be undone: the first press asks, the second does it. */
export function ConfirmButton(props: { label: string; question: string; testId: string; onConfirm(): void; class?: string }) {
  const { locale } = useApp();
  const [asking, setAsking] = createSignal(false);
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class={props.class ?? 'button subtle ws-small'} data-testid={props.testId} onClick={() => setAsking(true)}>
          {props.label}
        </button>
      }
    >
      <span class="ws-confirm" role="group" aria-label={props.question}>
        <span>{props.question}</span>
        <button
          type="button"
          class="button danger ws-small"
          data-testid={`${props.testId}-confirm`}
          ref={(element) => queueMicrotask(() => element.focus())}
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          {props.label}
        </button>
        <button type="button" class="button subtle ws-small" onClick={() => setAsking(false)}>
          {locale.t('common.cancel')}
        </button>
      </span>
    </Show>
  );
}
