import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import type { Thread } from '../../shared/annotations/discussion';
import type { AnchorRange } from '../editor/anchors';
import type { AnchorRanges } from '../editor/annotation-highlights';
import { layoutMargin } from '../lib/annotation-layout';
import type { AnnotationPermissions } from '../lib/annotation-permissions';
import type { OutboxEntry } from '../lib/discussion-outbox';
import { closeOnEscape } from '../lib/escape-key';
import { DEFAULT_THREAD_FILTERS, inTextOrder, matchesFilters, threadOrganisations, type ThreadFilters } from '../lib/thread-filters';
import type { AnnotationDraft, ThreadFocus } from '../stores/annotation-view';
import { useApp } from '../stores/app-context';
import type { DroppedRequest } from '../stores/discussion-outbox';
import type { AnnotationActions } from './annotation-actions';
import { AnnotationComposer, type ComposedAnnotation } from './annotation-composer';
import { AnnotationFilters } from './annotation-filters';
import { DroppedChanges, PendingThread } from './annotation-pending';
import { AnnotationThread, type ThreadPlacement } from './annotation-thread';
import type { MentionCandidate } from './mention-textarea';

/** Room between two cards of the margin, in pixels. */
const CARD_GAP = 8;
const COMPOSER_ID = '\u0000composer';

const threadOf = (entry: OutboxEntry): string | null => ('threadId' in entry.request ? entry.request.threadId : null);

/**
 * The document's threads, filtered. As a margin beside the text on wide
 * screens (`margin`): each card level with its words, none overlapping, the
 * focused one exactly beside them. As a panel over the bottom of the page
 * on narrower ones (`sheet`), in the order of the text. The composer of a
 * new annotation takes its place among them.
 */
export function AnnotationsPanel(props: {
  mode: 'margin' | 'sheet';
  threads: readonly Thread[];
  ranges: AnchorRanges;
  draft: AnnotationDraft | null;
  draftRange: AnchorRange | null;
  focus: ThreadFocus | null;
  waiting: readonly OutboxEntry[];
  dropped: readonly DroppedRequest[];
  synced: boolean;
  permissions: AnnotationPermissions;
  members: readonly MentionCandidate[];
  actions: AnnotationActions;
  /** The top of a position of the text, in the viewport; null when it cannot be said. */
  topOf(pos: number): number | null;
  /** Changes whenever the text may have moved (an edit, a resize). */
  textMoved: number;
  onFocus(threadId: string): void;
  onBlur(): void;
  onCompose(value: ComposedAnnotation): Promise<unknown>;
  onCancelCompose(): void;
  onDismissDropped(entryId: string): void;
  onClose(): void;
}) {
  const { locale } = useApp();
  const [filters, setFilters] = createSignal<ThreadFilters>(DEFAULT_THREAD_FILTERS);
  const placement = (threadId: string): ThreadPlacement =>
    !props.ranges.has(threadId) ? 'unknown' : props.ranges.get(threadId) ? 'placed' : 'detached';
  const focused = () => props.focus?.threadId ?? null;
  // A thread shown stays shown when it is closed, by me or anyone, until the filters change: nothing vanishes under one's eyes.
  let seen = new Set<string>();
  let seenWith = filters();
  const shown = createMemo(() => {
    const current = filters();
    if (current !== seenWith) [seen, seenWith] = [new Set(), current];
    const anyStatus = { ...current, status: 'all' as const };
    const visible = props.threads.filter((thread) => matchesFilters(thread, current) || (seen.has(thread.id) && matchesFilters(thread, anyStatus)));
    for (const thread of visible) seen.add(thread.id);
    return inTextOrder(visible, (id) => props.ranges.get(id)?.from ?? null);
  });
  const openCount = () => props.threads.filter((thread) => thread.status === 'open').length;
  const organisations = createMemo(() => threadOrganisations(props.threads, locale.locale()));
  const waitingFor = (threadId: string) => props.waiting.filter((entry) => threadOf(entry) === threadId);
  const waitingCreates = () => props.waiting.filter((entry) => entry.request.type === 'create-thread');
  const droppedFor = (threadId: string) => props.dropped.filter((item) => threadOf(item.entry) === threadId);
  // Refusals about a thread shown here go in it; the others (a new annotation, a thread filtered out) on top.
  const droppedElsewhere = () => {
    const ids = new Set(shown().map((thread) => thread.id));
    return props.dropped.filter((item) => !ids.has(threadOf(item.entry) ?? ''));
  };

  // ---- The margin: cards level with their words ----
  const cards = new Map<string, HTMLElement>();
  const [tops, setTops] = createSignal<ReadonlyMap<string, number>>(new Map());
  let list!: HTMLDivElement;
  let frame = 0;
  const layout = () => {
    frame = 0;
    if (props.mode !== 'margin' || !list) return;
    const base = list.getBoundingClientRect().top;
    const at = (range: AnchorRange | null | undefined) => {
      const top = range ? props.topOf(range.from) : null;
      return top === null ? null : top - base;
    };
    const items = shown().map((thread) => ({ id: thread.id, anchorTop: at(props.ranges.get(thread.id)), height: cards.get(thread.id)?.offsetHeight ?? 0 }));
    if (props.draft) items.push({ id: COMPOSER_ID, anchorTop: at(props.draftRange), height: cards.get(COMPOSER_ID)?.offsetHeight ?? 0 });
    setTops(layoutMargin(items, props.draft ? COMPOSER_ID : focused(), CARD_GAP));
  };
  const scheduleLayout = () => {
    if (frame === 0) frame = requestAnimationFrame(layout);
  };
  const resizes = new ResizeObserver(scheduleLayout);
  const track = (id: string) => (element: HTMLElement) => {
    cards.set(id, element);
    resizes.observe(element);
    onCleanup(() => {
      resizes.unobserve(element);
      if (cards.get(id) === element) cards.delete(id);
    });
  };
  createEffect(on([shown, () => props.ranges, () => props.textMoved, () => props.mode, () => props.draftRange, focused], scheduleLayout));
  onCleanup(() => {
    resizes.disconnect();
    if (frame !== 0) cancelAnimationFrame(frame);
  });
  const marginHeight = () => {
    let bottom = 0;
    for (const [id, top] of tops()) bottom = Math.max(bottom, top + (cards.get(id)?.offsetHeight ?? 0));
    return bottom;
  };
  const placeAt = (id: string) => (props.mode === 'margin' ? { top: `${tops().get(id) ?? 0}px` } : undefined);

  const isHidden = (id: string | null) => !!id && props.threads.some((thread) => thread.id === id) && !shown().some((thread) => thread.id === id);
  // A focused thread the filters now hide (just resolved, say) lets go of the focus, and of its highlight.
  createEffect(
    on(filters, () => {
      if (isHidden(focused())) props.onBlur();
    }),
  );
  // A thread focused while the filters hide it (followed from a notification, say) is shown: the filters open to every thread.
  createEffect(
    on(focused, (id) => {
      if (isHidden(id)) setFilters({ ...DEFAULT_THREAD_FILTERS, status: 'all' });
    }),
  );

  // The focused thread comes into view here, once the margin has moved it.
  createEffect(
    on(
      () => props.focus,
      (focus) => {
        if (!focus) return;
        requestAnimationFrame(() => requestAnimationFrame(() => cards.get(focus.threadId)?.scrollIntoView({ block: 'nearest' })));
      },
    ),
  );

  const composer = () => (
    <Show when={props.draft}>
      {(draft) => (
        <div ref={track(COMPOSER_ID)} class="annotation-card-slot" style={placeAt(COMPOSER_ID)}>
          <AnnotationComposer quote={draft().quote} members={props.members} onSubmit={props.onCompose} onCancel={props.onCancelCompose} />
        </div>
      )}
    </Show>
  );

  return (
    <aside
      class={`annotations-panel ${props.mode}`}
      data-testid="threads-panel"
      aria-labelledby="threads-panel-title"
      onKeyDown={closeOnEscape(
        () => props.onClose(),
        () => props.mode === 'sheet',
      )}
    >
      <div class="annotations-panel-head">
        <h2 id="threads-panel-title" class="annotations-panel-title">
          {locale.t('annotations.title')} <span class="annotations-count">{locale.tn('annotations.openCount', openCount())}</span>
        </h2>
        <Show when={props.mode === 'sheet'}>
          <button type="button" class="button subtle annotations-close" data-testid="threads-close" onClick={() => props.onClose()}>
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">{locale.t('annotations.close')}</span>
          </button>
        </Show>
      </div>
      <AnnotationFilters filters={filters()} organisations={organisations()} onChange={setFilters} />
      <DroppedChanges dropped={droppedElsewhere()} onDismiss={props.onDismissDropped} />
      <Show when={props.mode === 'sheet'}>{composer()}</Show>
      <For each={waitingCreates()}>{(entry) => <PendingThread entry={entry} />}</For>
      <Show when={shown().length === 0 && !props.draft}>
        <p class="annotations-empty muted">
          {!props.synced && props.threads.length === 0
            ? locale.t('annotations.loading')
            : props.threads.length > 0
              ? locale.t('annotations.noMatch')
              : locale.t(props.permissions.canComment ? 'annotations.emptyCanComment' : 'annotations.empty')}
        </p>
      </Show>
      <div ref={list} class="annotations-list" style={props.mode === 'margin' ? { height: `${marginHeight()}px` } : undefined}>
        <Show when={props.mode === 'margin'}>{composer()}</Show>
        <For each={shown()}>
          {(thread) => (
            <AnnotationThread
              ref={track(thread.id)}
              style={placeAt(thread.id)}
              thread={thread}
              placement={placement(thread.id)}
              expanded={focused() === thread.id}
              pending={waitingFor(thread.id)}
              dropped={droppedFor(thread.id)}
              onDismissDropped={props.onDismissDropped}
              permissions={props.permissions}
              members={props.members}
              actions={props.actions}
              onFocus={() => props.onFocus(thread.id)}
              onClose={props.onBlur}
            />
          )}
        </For>
      </div>
    </aside>
  );
}
