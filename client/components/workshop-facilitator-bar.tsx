import { createSignal, Show } from 'solid-js';
import type { FacilitationInput } from '../../shared/api';
import { workshopExportUrl } from '../lib/api';
import { useApp } from '../stores/app-context';
import type { WorkshopRoom } from '../stores/workshop-room';
import { ConfirmButton } from './workshop-confirm-button';
import { WorkshopGuestAccess } from './workshop-guest-access';
import { WorkshopSynthesisDialog } from './workshop-synthesis-dialog';

/**
 * What only the facilitator does, in one bar: move through the agenda, run
 * the timer, reveal authors and votes, lock and end the board, write the
 * synthesis, let guests in, export. The server refuses all of it to others.
 */
export function WorkshopFacilitatorBar(props: { room: WorkshopRoom }) {
  const { locale } = useApp();
  const [busy, setBusy] = createSignal(false);
  const [synthesising, setSynthesising] = createSignal(false);
  const state = () => props.room.state();
  const live = () => state()?.ended === false;
  const act = async (input: FacilitationInput) => {
    setBusy(true);
    await props.room.attempt(() => props.room.store.facilitate(input));
    setBusy(false);
  };
  const button = (testId: string, label: string, input: () => FacilitationInput, disabled: () => boolean = () => false) => (
    <button type="button" class="button ws-small" data-testid={testId} disabled={busy() || disabled()} onClick={() => void act(input())}>
      {label}
    </button>
  );
  const step = () => state()?.step ?? 0;
  const timer = () => state()?.timer.status ?? 'idle';

  return (
    <section class="ws-facilitator" aria-labelledby="ws-facilitator-title" data-testid="facilitator-bar">
      <h2 id="ws-facilitator-title" class="side-title">
        {locale.t('workshops.facilitate.title')}
      </h2>
      <Show when={live()}>
        <div class="ws-tools" role="group" aria-label={locale.t('workshops.facilitate.agenda')}>
          {button('step-previous', locale.t('workshops.facilitate.previous'), () => ({ action: 'step', step: step() - 1 }), () => step() === 0)}
          {button(
            'step-next',
            locale.t('workshops.facilitate.next'),
            () => ({ action: 'step', step: step() + 1 }),
            () => step() >= (state()?.steps.length ?? 1) - 1,
          )}
        </div>
        <div class="ws-tools" role="group" aria-label={locale.t('workshops.facilitate.timer')}>
          <Show when={timer() === 'idle'}>{button('timer-start', locale.t('workshops.facilitate.start'), () => ({ action: 'timer', command: 'start' }))}</Show>
          <Show when={timer() === 'running'}>{button('timer-pause', locale.t('workshops.facilitate.pause'), () => ({ action: 'timer', command: 'pause' }))}</Show>
          <Show when={timer() === 'paused'}>{button('timer-resume', locale.t('workshops.facilitate.resume'), () => ({ action: 'timer', command: 'resume' }))}</Show>
          {button('timer-plus-1', locale.t('workshops.facilitate.extend', { minutes: 1 }), () => ({ action: 'extend', minutes: 1 }))}
          {button('timer-plus-5', locale.t('workshops.facilitate.extend', { minutes: 5 }), () => ({ action: 'extend', minutes: 5 }))}
          {button('timer-reset', locale.t('workshops.facilitate.reset'), () => ({ action: 'timer', command: 'reset' }), () => timer() === 'idle')}
        </div>
        <div class="ws-tools" role="group" aria-label={locale.t('workshops.facilitate.board')}>
          {button(
            'reveal-authors',
            locale.t(state()?.authorsRevealed ? 'workshops.facilitate.authorsRevealed' : 'workshops.facilitate.revealAuthors'),
            () => ({ action: 'reveal', what: 'authors' }),
            () => state()?.authorsRevealed === true,
          )}
          {button(
            'reveal-votes',
            locale.t(state()?.votesRevealed ? 'workshops.facilitate.votesRevealed' : 'workshops.facilitate.revealVotes'),
            () => ({ action: 'reveal', what: 'votes' }),
            () => state()?.votesRevealed === true,
          )}
          {button(
            'lock-board',
            locale.t(state()?.locked ? 'workshops.facilitate.unlock' : 'workshops.facilitate.lock'),
            () => ({ action: 'lock', locked: !state()?.locked }),
          )}
          <ConfirmButton
            class="button danger ws-small"
            label={locale.t('workshops.facilitate.end')}
            question={locale.t('workshops.facilitate.endConfirm')}
            testId="end-workshop"
            onConfirm={() => void act({ action: 'end' })}
          />
        </div>
      </Show>
      <div class="ws-tools" role="group" aria-label={locale.t('workshops.facilitate.record')}>
        <button type="button" class="button primary ws-small" data-testid="open-synthesis" onClick={() => setSynthesising(true)}>
          {locale.t('workshops.synthesis.open')}
        </button>
        <a class="button ws-small" data-testid="export-board" href={workshopExportUrl(props.room.workshopId)} download="">
          {locale.t('workshops.facilitate.export')}
        </a>
      </div>
      <Show when={live() ? props.room.detail().workshop.guestCode : null}>
        {(code) => <WorkshopGuestAccess code={code()} />}
      </Show>
      <Show when={synthesising()}>
        <WorkshopSynthesisDialog room={props.room} onClose={() => setSynthesising(false)} />
      </Show>
    </section>
  );
}
