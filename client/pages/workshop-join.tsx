import { useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { guestCodeSchema, type JoinAsGuestInput } from '../../shared/api';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '../../shared/roles';
import { ErrorNotice, LoadingLine } from '../components/error-notice';
import { Field } from '../components/field';
import { NotFoundState } from '../components/not-found-state';
import { formatDay } from '../i18n/format-time';
import { isApiError } from '../lib/api';
import { documentPath, guestJoinPath } from '../lib/paths';
import { rememberGuestProfile } from '../lib/workshop-guest';
import { rememberWorkshops } from '../lib/workshop-hints';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import '../components/workshops.css';

/**
 * Joining a workshop as a guest: with its code (typed here, or in the link),
 * a name, an organisation and its kind of stakeholder. The guest's session
 * reaches that workshop only, and ends with it.
 */
export function WorkshopJoinPage() {
  const params = useParams<{ code?: string }>();
  const code = () => {
    const parsed = guestCodeSchema.safeParse(params.code ?? '');
    return parsed.success ? parsed.data : undefined;
  };
  return (
    <Show when={params.code !== undefined} fallback={<CodeEntry />}>
      <Show when={code()} keyed fallback={<UnknownCode />}>
        {(valid) => <GuestJoin code={valid} />}
      </Show>
    </Show>
  );
}

function UnknownCode() {
  const { locale } = useApp();
  return <NotFoundState title={locale.t('workshops.join.notFoundTitle')} body={locale.t('workshops.join.notFoundBody')} />;
}

/** For a code read out in the room: typed in, then on to the page it opens. */
function CodeEntry() {
  const { locale } = useApp();
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal<string | null>(null);
  let input!: HTMLInputElement;
  return (
    <section class="join-card" aria-labelledby="ws-code-title">
      <h1 id="ws-code-title">{locale.t('workshops.join.codeTitle')}</h1>
      <form
        class="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = guestCodeSchema.safeParse(input.value);
          setProblem(parsed.success ? null : locale.t('workshops.join.codeInvalid'));
          if (parsed.success) navigate(guestJoinPath(parsed.data));
          else input.focus();
        }}
      >
        <Field id="ws-code" label={locale.t('workshops.join.code')} hint={locale.t('workshops.join.codeHint')} error={problem()}>
          {(control) => <input ref={input} class="text-input ws-code-input" autocomplete="off" autocapitalize="characters" maxLength={6} {...control} />}
        </Field>
        <div class="form-actions">
          <button type="submit" class="button primary">
            {locale.t('workshops.join.continue')}
          </button>
        </div>
      </form>
    </section>
  );
}

function GuestJoin(props: { code: string }) {
  const { api, session, locale } = useApp();
  const navigate = useNavigate();
  const [preview, { refetch }] = createResource(() => api.previewGuestInvitation(props.code));
  const [kind, setKind] = createSignal<StakeholderKind | ''>('');
  const [missing, setMissing] = createSignal<ReadonlySet<string>>(new Set());
  let name!: HTMLInputElement;
  let organisation!: HTMLInputElement;

  const join = createAction(async (input: JoinAsGuestInput) => {
    const workshopId = await api.joinAsGuest(props.code, input);
    rememberGuestProfile(workshopId, input);
    rememberWorkshops([workshopId]);
    // The answer set a new session cookie: the app asks again who is here, and opens the room.
    session.reload();
    navigate(documentPath(workshopId), { replace: true });
  });
  const submit = () => {
    const values = { name: name.value.trim(), organisation: organisation.value.trim(), kind: kind() };
    const blank = new Set(Object.entries(values).flatMap(([field, value]) => (value === '' ? [field] : [])));
    setMissing(blank);
    if (values.kind === '' || blank.size > 0) return;
    void join.run({ ...values, kind: values.kind, language: locale.locale() });
  };
  const required = (field: string) => (missing().has(field) ? locale.t('workshops.join.required') : null);

  return (
    <Switch>
      <Match when={isApiError(preview.error, 'not_found') || isApiError(preview.error, 'validation_failed')}>
        <UnknownCode />
      </Match>
      <Match when={loaded(preview)}>
        {(workshop) => (
          <section class="join-card" aria-labelledby="ws-join-title" data-testid="guest-join">
            <p class="eyebrow">{locale.t('workshops.join.eyebrow')}</p>
            <h1 id="ws-join-title" data-testid="guest-join-title">
              {workshop().title}
            </h1>
            <dl class="facts">
              <dt>{locale.t('workshops.join.date')}</dt>
              <dd>
                <time datetime={workshop().date}>{formatDay(workshop().date, 'medium', locale.locale())}</time>
              </dd>
              <dt>{locale.t('workshops.join.project')}</dt>
              <dd data-testid="guest-join-project">{workshop().projectTitle}</dd>
            </dl>
            <Show when={session.user()?.guestOf === null}>
              <p class="notice warning" role="status">
                {locale.t('workshops.join.signedIn', { name: session.user()?.name ?? '' })}
              </p>
            </Show>
            <form
              class="form-stack"
              onSubmit={(event) => {
                event.preventDefault();
                submit();
              }}
            >
              <p>{locale.t('workshops.join.intro')}</p>
              <Field id="guest-name" label={locale.t('workshops.join.name')} error={required('name')}>
                {(control) => <input ref={name} class="text-input" autocomplete="name" maxLength={100} {...control} />}
              </Field>
              <Field id="guest-organisation" label={locale.t('workshops.join.organisation')} error={required('organisation')}>
                {(control) => <input ref={organisation} class="text-input" autocomplete="organization" maxLength={120} {...control} />}
              </Field>
              <Field id="guest-kind" label={locale.t('organisation.kind')} error={required('kind')}>
                {(control) => (
                  <select
                    class="text-input"
                    {...control}
                    onChange={(event) => setKind(STAKEHOLDER_KINDS.find((option) => option === event.currentTarget.value) ?? '')}
                  >
                    <option value="" selected={kind() === ''}>
                      {locale.t('common.choose')}
                    </option>
                    <For each={STAKEHOLDER_KINDS}>
                      {(option) => (
                        <option value={option} selected={option === kind()}>
                          {locale.t(`kind.${option}`)}
                        </option>
                      )}
                    </For>
                  </select>
                )}
              </Field>
              <Show when={join.error()}>{(error) => <ErrorNotice error={error()} message="workshops.join.error" />}</Show>
              <div class="form-actions">
                <button type="submit" class="button primary" data-testid="guest-join-submit" disabled={join.pending()}>
                  {join.pending() ? locale.t('workshops.join.joining') : locale.t('workshops.join.submit')}
                </button>
              </div>
            </form>
          </section>
        )}
      </Match>
      <Match when={preview.state === 'errored'}>
        <ErrorNotice error={preview.error} message="workshops.join.loadError" onRetry={() => void refetch()} />
      </Match>
      <Match when={true}>
        <LoadingLine message="workshops.join.loading" />
      </Match>
    </Switch>
  );
}
