import type { Editor } from '@tiptap/core';
import { createMemo, For, Show, type Accessor, type JSX } from 'solid-js';
import { FORMATTING_ACTIONS, type FormattingActionId } from '../editor/formatting-actions';
import { ariaShortcut, formatShortcut, isApplePlatform } from '../editor/shortcut';
import { useApp } from '../stores/app-context';

const ICONS: Readonly<Record<FormattingActionId, () => JSX.Element>> = {
  bold: () => <span class="glyph glyph-bold">B</span>,
  italic: () => <span class="glyph glyph-italic">I</span>,
  heading: () => <span class="glyph">H2</span>,
  bulletList: () => (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1.2" class="filled" />
      <circle cx="4.5" cy="12" r="1.2" class="filled" />
      <circle cx="4.5" cy="18" r="1.2" class="filled" />
    </svg>
  ),
  orderedList: () => (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M10 6h10M10 12h10M10 18h10M4 4.5l1.5-1v5M3.5 13.5c0-1 .7-1.6 1.5-1.6s1.5.6 1.5 1.4c0 1.2-3 2.2-3 3.7h3" />
    </svg>
  ),
  undo: () => (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </svg>
  ),
  redo: () => (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </svg>
  ),
};

/**
 * Formatting buttons. They keep the focus in the text (no blur on press),
 * so on phones the keyboard stays open while formatting.
 */
export function Toolbar(props: { editor: Editor; revision: Accessor<number> }) {
  const { locale } = useApp();
  const isMac = isApplePlatform(navigator.userAgent);
  const states = createMemo(() => {
    props.revision();
    return new Map(
      FORMATTING_ACTIONS.map((action) => [
        action.id,
        { enabled: action.canRun(props.editor), active: action.isActive?.(props.editor) },
      ]),
    );
  });

  return (
    <div class="toolbar" role="toolbar" aria-label={locale.t('toolbar.label')}>
      <For each={FORMATTING_ACTIONS}>
        {(action, index) => {
          const label = () => locale.t(action.label);
          const state = () => states().get(action.id);
          return (
            <>
              <Show when={index() > 0 && FORMATTING_ACTIONS[index() - 1]?.group !== action.group}>
                <span class="toolbar-separator" aria-hidden="true" />
              </Show>
              <button
                type="button"
                class="toolbar-button"
                data-testid={`toolbar-${action.id}`}
                aria-label={label()}
                title={locale.t('toolbar.shortcut', { action: label(), keys: formatShortcut(action.shortcut, isMac) })}
                aria-keyshortcuts={ariaShortcut(action.shortcut, isMac)}
                aria-pressed={state()?.active}
                disabled={!state()?.enabled}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => action.run(props.editor)}
              >
                {ICONS[action.id]()}
              </button>
            </>
          );
        }}
      </For>
    </div>
  );
}
