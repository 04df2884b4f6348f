import { A } from '@solidjs/router';
import { createEffect, Match, Show, Switch } from 'solid-js';
import type { Me } from '../../shared/api';
import { formatDay } from '../i18n/format-time';
import { rememberWorkshops } from '../lib/workshop-hints';
import { workshopIdentity } from '../lib/workshop-guest';
import { useApp } from '../stores/app-context';
import { createWorkshopStore } from '../stores/workshop';
import { createWorkshopBoard } from '../stores/workshop-board';
import { createWorkshopRoom, type WorkshopRoom as Room } from '../stores/workshop-room';
import { ConnectionBadge } from './connection-badge';
import { ErrorNotice, LoadingLine } from './error-notice';
import { NotFoundState } from './not-found-state';
import { SignedOutNotice } from './signed-out-notice';
import { WorkshopAgenda } from './workshop-agenda';
import { WorkshopBoardView } from './workshop-board-view';
import { WorkshopFacilitatorBar } from './workshop-facilitator-bar';
import { WorkshopPresence } from './workshop-presence';
import './workshops.css';

/**
 * A workshop, live: what my role is is asked of the server (GET
 * /workshops/:id), the board and who is here come on the board's socket.
 */
export function WorkshopRoom(props: { workshopId: string; me: Me }) {
  const { api, locale } = useApp();
  const store = createWorkshopStore(api, props.workshopId);
  const board = createWorkshopBoard(props.workshopId, () => workshopIdentity(props.me, props.workshopId));
  const gone = () => store.notFound() || board.connection().stoppedBy === 'not_found' || board.connection().stoppedBy === 'forbidden';
  createEffect(() => {
    if (store.latest()) rememberWorkshops([props.workshopId]);
  });

  return (
    <Switch>
      <Match when={gone()}>
        <NotFoundState title={locale.t('workshops.room.notFoundTitle')} body={locale.t('workshops.room.notFoundBody')} />
      </Match>
      <Match when={store.latest()}>
        {(detail) => {
          // Made once, here: written inside the JSX, it would be made again at each read of the prop.
          const room = createWorkshopRoom(props.workshopId, store, board, detail);
          return <RoomView room={room} guest={props.me.guestOf !== null} />;
        }}
      </Match>
      <Match when={store.detail.state === 'errored'}>
        <ErrorNotice error={store.detail.error} message="workshops.room.loadError" onRetry={store.reload} />
      </Match>
      <Match when={true}>
        <LoadingLine message="workshops.room.loading" />
      </Match>
    </Switch>
  );
}

function RoomView(props: { room: Room; guest: boolean }) {
  const { locale } = useApp();
  const state = () => props.room.state();
  const workshop = () => props.room.detail().workshop;

  return (
    <div class="ws-room" data-testid="workshop-room" data-role={props.room.role()}>
      <header class="ws-head">
        <div class="ws-head-text">
          <Show when={!props.guest}>
            <A href={`/p/${encodeURIComponent(workshop().projectId)}`} class="ws-back" data-testid="workshop-project-link">
              {locale.t('workshops.room.backToProject')}
            </A>
          </Show>
          <p class="eyebrow">
            {locale.t(`workshops.format.${state()?.format ?? workshop().format}`)} ·{' '}
            <time datetime={state()?.date ?? workshop().date}>{formatDay(state()?.date ?? workshop().date, 'medium', locale.locale())}</time>
          </p>
          <h1 data-testid="workshop-title">{state()?.title ?? workshop().title}</h1>
          <Show when={state()?.objective}>
            <p class="ws-objective" data-testid="workshop-objective">
              {state()?.objective}
            </p>
          </Show>
        </div>
        <div class="ws-head-side">
          <ConnectionBadge state={props.room.board.connection()} />
          <span class="role-badge" data-testid="workshop-role">
            {locale.t(`workshops.role.${props.room.role()}`)}
          </span>
        </div>
      </header>
      <Switch>
        {/* The server closed the board's socket for good: a guest's access ends with the workshop, a member's session elsewhere. */}
        <Match when={props.room.board.connection().stoppedBy === 'unauthenticated'}>
          <Show when={props.guest} fallback={<SignedOutNotice />}>
            <p class="notice info" role="status" data-testid="guest-access-ended">
              {locale.t('workshops.room.guestEnded')}
            </p>
          </Show>
        </Match>
        <Match when={state()?.ended}>
          <p class="notice info" role="status" data-testid="workshop-ended">
            {locale.t('workshops.room.ended')}
          </p>
        </Match>
        <Match when={state()?.locked}>
          <p class="notice warning" role="status" data-testid="workshop-locked">
            {locale.t('workshops.room.locked')}
          </p>
        </Match>
      </Switch>
      <Show when={props.room.isFacilitator()}>
        <WorkshopFacilitatorBar room={props.room} />
      </Show>
      <Show when={state()} fallback={<LoadingLine message="workshops.room.boardLoading" />}>
        <div class="ws-top">
          <WorkshopAgenda room={props.room} />
          <WorkshopPresence room={props.room} />
        </div>
        <WorkshopBoardView room={props.room} />
        {/* After the board, and sticking to the bottom of the screen: seen beside the note that failed, even on a phone. */}
        <Show when={props.room.problem()}>
          {(problem) => (
            <div class="ws-problem" data-testid="workshop-problem">
              <ErrorNotice error={problem()} message="workshops.room.actionError" />
              <button type="button" class="button ws-small" onClick={() => props.room.dismissProblem()}>
                {locale.t('workshops.room.dismiss')}
              </button>
            </div>
          )}
        </Show>
      </Show>
    </div>
  );
}
