import { For, Show } from 'solid-js';
import { formatCountdown } from '../lib/workshop-clock';
import { useApp } from '../stores/app-context';
import type { WorkshopRoom } from '../stores/workshop-room';

/**
 * Where the workshop stands: the current step, its method's instructions
 * and its countdown, which reads the same on every screen; then the whole
 * agenda with the current step marked.
 */
export function WorkshopAgenda(props: { room: WorkshopRoom }) {
  const { locale } = useApp();
  const state = () => props.room.state();
  const current = () => state()?.steps[state()?.step ?? 0];

  return (
    <section class="ws-now" aria-labelledby="ws-now-title" data-testid="workshop-now">
      <Show when={current()}>
        {(step) => (
          <>
            <div class="ws-now-head">
              <div>
                <p class="eyebrow" data-testid="workshop-step-number">
                  {locale.t('workshops.room.stepOf', { number: (state()?.step ?? 0) + 1, total: state()?.steps.length ?? 0 })}
                </p>
                <h2 id="ws-now-title" data-testid="workshop-step" data-method={step().method}>
                  {locale.t(`workshops.method.${step().method}`)}
                </h2>
              </div>
              <WorkshopTimer room={props.room} />
            </div>
            <p class="ws-instructions" data-testid="workshop-instructions">
              {locale.t(`workshops.instructions.${step().method}`)}
            </p>
          </>
        )}
      </Show>
      <details class="ws-agenda">
        <summary>{locale.t('workshops.room.agenda')}</summary>
        <ol class="ws-agenda-list" data-testid="workshop-agenda">
          <For each={state()?.steps ?? []}>
            {(step, index) => (
              <li
                class="ws-agenda-item"
                aria-current={index() === state()?.step ? 'step' : undefined}
                data-done={index() < (state()?.step ?? 0) ? 'true' : undefined}
              >
                <span>{locale.t(`workshops.method.${step.method}`)}</span>
                <span class="muted">{locale.t('workshops.room.minutes', { minutes: step.minutes })}</span>
              </li>
            )}
          </For>
        </ol>
      </details>
    </section>
  );
}

/** The step's countdown; says it is over (politely, once) when it reaches zero. */
function WorkshopTimer(props: { room: WorkshopRoom }) {
  const { locale } = useApp();
  const status = () => props.room.state()?.timer.status ?? 'idle';
  const over = () => status() === 'running' && props.room.remaining() === 0;
  return (
    <div class="ws-timer" data-testid="workshop-timer" data-status={over() ? 'over' : status()}>
      <span class="ws-timer-digits" role="timer" aria-label={locale.t('workshops.timer.label')} data-testid="workshop-timer-digits">
        {formatCountdown(props.room.remaining())}
      </span>
      <span class="ws-timer-status" aria-live="polite">
        {locale.t(over() ? 'workshops.timer.over' : `workshops.timer.${status()}`)}
      </span>
    </div>
  );
}
