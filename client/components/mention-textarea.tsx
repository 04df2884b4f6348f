import { createEffect, createMemo, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import {
  findMentionQuery,
  matchMembers,
  mentionedIds,
  MENTION_TRIGGER,
  type MentionCandidate,
  type MentionQuery,
} from '../lib/mentions';
import { useApp } from '../stores/app-context';
import './mention-textarea.css';

export type { MentionCandidate } from '../lib/mentions';

/**
 * A message box where `@` followed by a name opens the list of members to
 * mention: arrow keys and Enter (or Tab) pick, Escape closes, a tap or click
 * works too. Picking writes `@Full Name `; `onChange` gets the text and the
 * ids of the members whose `@Full Name` it holds, so deleting a mention
 * drops its id. Ctrl+Enter (Cmd+Enter) submits. The textarea keeps the focus
 * and points at the highlighted option with aria-activedescendant. The list
 * sits in the flow under the box, so no scrolling panel can clip it.
 */
export function MentionTextarea(props: {
  label: string;
  value: string;
  onChange(value: string, mentionIds: string[]): void;
  members: readonly MentionCandidate[];
  placeholder?: string;
  testId?: string;
  onSubmit?(): void;
}): JSX.Element {
  const { locale } = useApp();
  const id = `mention-${createUniqueId()}`;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  let textarea!: HTMLTextAreaElement;
  let list: HTMLUListElement | undefined;

  const [query, setQuery] = createSignal<MentionQuery | null>(null);
  // Where the `@` whose list was closed with Escape is: it stays closed while one types on.
  const [dismissedAt, setDismissedAt] = createSignal<number | null>(null);
  const [active, setActive] = createSignal(0);
  const matches = createMemo(() => {
    const current = query();
    return current === null || current.start === dismissedAt() ? [] : matchMembers(props.members, current.query);
  });
  const open = () => matches().length > 0;

  const readCaret = () => {
    const caret = textarea.selectionStart;
    const found =
      document.activeElement === textarea && caret === textarea.selectionEnd
        ? findMentionQuery(textarea.value.slice(0, caret))
        : null;
    const previous = query();
    if (found?.start !== previous?.start || found?.query !== previous?.query) {
      setActive(0);
      setQuery(found);
    }
    if (found === null || found.start !== dismissedAt()) setDismissedAt(null);
  };

  const change = (value: string) => props.onChange(value, mentionedIds(value, props.members));

  const pick = (member: MentionCandidate) => {
    const current = query();
    if (current === null) return;
    const text = textarea.value;
    const before = text.slice(0, current.start);
    const after = text.slice(textarea.selectionStart);
    // Reuses a space already after the caret instead of doubling it.
    const mention = `${MENTION_TRIGGER}${member.name}${after.startsWith(' ') ? '' : ' '}`;
    const next = before + mention + after;
    const caret = before.length + mention.length + (after.startsWith(' ') ? 1 : 0);
    textarea.value = next;
    textarea.setSelectionRange(caret, caret);
    setQuery(null);
    change(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      if (!props.onSubmit) return;
      event.preventDefault();
      setQuery(null);
      props.onSubmit();
      return;
    }
    if (!open()) return;
    const count = matches().length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
        break;
      case 'Enter':
      case 'Tab': {
        const member = matches()[active()];
        if (!member || event.shiftKey) return;
        event.preventDefault();
        pick(member);
        break;
      }
      case 'Escape':
        // Closes the list only, not a dialog or form around the box.
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(query()?.start ?? null);
        break;
    }
  };

  createEffect(() => {
    if (open()) list?.querySelector(`#${optionId(active())}`)?.scrollIntoView({ block: 'nearest' });
  });

  return (
    <div class="mention-field field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <textarea
        ref={textarea}
        id={id}
        class="text-input textarea mention-input"
        value={props.value}
        placeholder={props.placeholder}
        data-testid={props.testId}
        aria-autocomplete="list"
        aria-controls={open() ? listId : undefined}
        aria-activedescendant={open() ? optionId(active()) : undefined}
        onInput={(event) => {
          change(event.currentTarget.value);
          readCaret();
        }}
        onKeyDown={onKeyDown}
        onKeyUp={readCaret}
        onClick={readCaret}
        onFocus={readCaret}
        onBlur={() => setQuery(null)}
      />
      <Show when={open()}>
        <ul
          ref={list}
          id={listId}
          class="mention-list"
          role="listbox"
          aria-label={locale.t('inbox.mention.list')}
          data-testid="mention-list"
          // Keeps the focus (and the caret) in the textarea when an option is clicked or tapped.
          onMouseDown={(event) => event.preventDefault()}
        >
          <For each={matches()}>
            {(member, index) => (
              <li
                id={optionId(index())}
                class="mention-option suggestion-option"
                role="option"
                aria-selected={index() === active()}
                data-testid="mention-option"
                onClick={() => pick(member)}
              >
                <span class="mention-option-name">{member.name}</span>
                <Show when={member.organisationName}>
                  <span class="mention-option-organisation">{member.organisationName}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="visually-hidden" role="status">
        {open() ? locale.tn('inbox.mention.matches', matches().length) : ''}
      </p>
    </div>
  );
}
