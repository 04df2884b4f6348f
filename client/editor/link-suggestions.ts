import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { NODE_DOCUMENT_LINK, type DocumentKind } from '../../shared/knowledge/kinds';
import { defaultTitle } from '../../shared/knowledge/template-text';
import { translate, type Locale } from '../i18n/translate';
import { findLinkQuery, INLINE_NODE_CHAR } from './link-query';

/** A document one can link to, as the search returns it. */
export interface LinkCandidate {
  id: string;
  title: string;
  kind: DocumentKind;
}

export interface LinkSuggestionsOptions {
  /** The documents whose title matches what was typed after `[[` (the empty query included), best first. */
  searchDocuments: (query: string) => Promise<LinkCandidate[]>;
  language: () => Locale;
}

/** The `[[query` before the caret, in document positions. */
interface LinkMatch {
  from: number;
  to: number;
  query: string;
}

interface SuggestionState {
  match: LinkMatch | null;
  /** Where the `[[` whose list was closed with Escape starts: it stays closed while one types on. */
  dismissed: number | null;
}

const suggestionsKey = new PluginKey<SuggestionState>('linkSuggestions');
const DISMISS = 'dismiss';
const SEARCH_DELAY_MS = 150;
const MAX_CANDIDATES = 8;
/** Space kept between the list and the caret's line, and the screen's edges. */
const GAP_PX = 4;
const MARGIN_PX = 8;

function matchAt(state: EditorState): LinkMatch | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  const block = $from.parent;
  if (!block.isTextblock || block.type.spec.code || $from.marks().some((mark) => mark.type.spec.code)) return null;
  let text = '';
  block.forEach((child, offset) => {
    if (offset >= $from.parentOffset) return;
    text += child.isText ? (child.text ?? '').slice(0, $from.parentOffset - offset) : INLINE_NODE_CHAR;
  });
  const found = findLinkQuery(text);
  return found ? { from: $from.start() + found.start, to: $from.pos, query: found.query } : null;
}

function openMatch(state: EditorState): LinkMatch | null {
  const current = suggestionsKey.getState(state);
  return current?.match && current.match.from !== current.dismissed ? current.match : null;
}

let popupCount = 0;

/**
 * The list of documents that opens when one types `[[`: arrow keys and
 * Enter (or Tab) pick, Escape closes, and a tap or click works too. Picking
 * replaces `[[query` with a link. The editor stays focused throughout and
 * points at the highlighted option with aria-activedescendant, as a combobox
 * does. The list is plain DOM on the page, placed under the `[[` (above it
 * when there is no room below) and never wider than the screen.
 */
class LinkSuggestionsPopup {
  readonly #view: EditorView;
  readonly #options: LinkSuggestionsOptions;
  readonly #root = document.createElement('div');
  readonly #list = document.createElement('ul');
  readonly #status = document.createElement('p');
  readonly #id = `link-suggestions-${++popupCount}`;
  #open = false;
  #query: string | null = null;
  #candidates: LinkCandidate[] = [];
  #active = 0;
  #phase: 'searching' | 'done' | 'failed' = 'searching';
  #renderedLanguage: Locale | null = null;
  #searchId = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(view: EditorView, options: LinkSuggestionsOptions) {
    this.#view = view;
    this.#options = options;
    this.#root.className = 'link-suggestions';
    this.#root.dataset.testid = 'link-suggestions';
    this.#list.id = this.#id;
    this.#list.setAttribute('role', 'listbox');
    this.#status.className = 'link-suggestions-status';
    this.#status.setAttribute('role', 'status');
    this.#root.append(this.#list, this.#status);
    // Keeps the editor focused (and its selection) when an option is clicked or tapped.
    this.#root.addEventListener('mousedown', (event) => event.preventDefault());
  }

  update(): void {
    const match = openMatch(this.#view.state);
    if (!match || !this.#view.editable || !this.#view.hasFocus()) {
      this.#close();
      return;
    }
    if (!this.#open) this.#show();
    if (match.query !== this.#query) this.#search(match.query);
    // Co-authors' edits update the editor too: rebuilding the options then could swallow a tap in progress.
    if (this.#options.language() !== this.#renderedLanguage) this.#render();
    this.#place();
  }

  /** Handles the keys the open list takes; false lets the editor have the key. */
  handleKeyDown(event: KeyboardEvent): boolean {
    if (!this.#open || event.isComposing) return false;
    const count = this.#candidates.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return false;
        this.#active = (this.#active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
        this.#showActive();
        return true;
      case 'Enter':
      case 'Tab': {
        const candidate = this.#candidates[this.#active];
        if (!candidate || event.shiftKey) return false;
        this.#pick(candidate);
        return true;
      }
      case 'Escape':
        this.#view.dispatch(this.#view.state.tr.setMeta(suggestionsKey, DISMISS));
        return true;
      default:
        return false;
    }
  }

  destroy(): void {
    this.#close();
  }

  #show(): void {
    this.#open = true;
    document.body.append(this.#root);
    window.addEventListener('scroll', this.#onViewportChange, true);
    window.addEventListener('resize', this.#onViewportChange);
    window.visualViewport?.addEventListener('resize', this.#onViewportChange);
    const editable = this.#view.dom;
    editable.setAttribute('aria-controls', this.#id);
    editable.setAttribute('aria-autocomplete', 'list');
  }

  #close(): void {
    clearTimeout(this.#timer);
    this.#searchId++;
    this.#query = null;
    this.#candidates = [];
    this.#active = 0;
    this.#renderedLanguage = null;
    if (!this.#open) return;
    this.#open = false;
    this.#root.remove();
    window.removeEventListener('scroll', this.#onViewportChange, true);
    window.removeEventListener('resize', this.#onViewportChange);
    window.visualViewport?.removeEventListener('resize', this.#onViewportChange);
    const editable = this.#view.dom;
    for (const name of ['aria-controls', 'aria-autocomplete', 'aria-activedescendant']) editable.removeAttribute(name);
  }

  readonly #onViewportChange = () => this.#place();

  #search(query: string): void {
    this.#query = query;
    this.#phase = 'searching';
    this.#render();
    clearTimeout(this.#timer);
    const searchId = ++this.#searchId;
    this.#timer = setTimeout(() => {
      this.#options.searchDocuments(query.trim()).then(
        (candidates) => {
          if (searchId !== this.#searchId) return;
          this.#candidates = candidates.slice(0, MAX_CANDIDATES);
          this.#active = 0;
          this.#phase = 'done';
          this.#render();
          this.#place();
        },
        () => {
          if (searchId !== this.#searchId) return;
          this.#candidates = [];
          this.#phase = 'failed';
          this.#render();
        },
      );
    }, SEARCH_DELAY_MS);
  }

  #render(): void {
    const language = this.#options.language();
    this.#renderedLanguage = language;
    this.#list.setAttribute('aria-label', translate(language, 'editor.linkList'));
    this.#list.replaceChildren(...this.#candidates.map((candidate, index) => this.#option(candidate, index, language)));
    this.#list.hidden = this.#candidates.length === 0;
    const status =
      this.#phase === 'failed'
        ? translate(language, 'editor.linkSearchFailed')
        : this.#candidates.length > 0
          ? ''
          : translate(language, this.#phase === 'searching' ? 'editor.linkSearching' : 'editor.linkNoMatch');
    this.#status.textContent = status;
    this.#status.hidden = status === '';
    this.#showActive();
  }

  #showActive(): void {
    const editable = this.#view.dom;
    const options = [...this.#list.children] as HTMLElement[];
    options.forEach((option, index) => option.setAttribute('aria-selected', String(index === this.#active)));
    const active = options[this.#active];
    if (!active) {
      editable.removeAttribute('aria-activedescendant');
      return;
    }
    editable.setAttribute('aria-activedescendant', active.id);
    // Scrolls the list only: scrollIntoView would scroll the page under the caret too.
    const list = this.#list;
    if (active.offsetTop < list.scrollTop) list.scrollTop = active.offsetTop;
    else if (active.offsetTop + active.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = active.offsetTop + active.offsetHeight - list.clientHeight;
  }

  #optionId(index: number): string {
    return `${this.#id}-${index}`;
  }

  #option(candidate: LinkCandidate, index: number, language: Locale): HTMLLIElement {
    const option = document.createElement('li');
    option.id = this.#optionId(index);
    option.setAttribute('role', 'option');
    option.className = 'suggestion-option';
    const title = document.createElement('span');
    title.className = 'link-suggestions-title';
    title.textContent = candidate.title || translate(language, 'document.untitled');
    option.append(title);
    const kind = defaultTitle(candidate.kind, language);
    if (kind) {
      const tag = document.createElement('span');
      tag.className = 'link-suggestions-kind';
      tag.textContent = kind;
      option.append(tag);
    }
    option.addEventListener('click', () => this.#pick(candidate));
    return option;
  }

  #pick(candidate: LinkCandidate): void {
    const { state } = this.#view;
    const match = openMatch(state);
    const type = state.schema.nodes[NODE_DOCUMENT_LINK];
    if (!match || !type) return;
    const link = type.create({ documentId: candidate.id, label: candidate.title });
    const next = state.doc.resolve(match.to).nodeAfter;
    const spaceFollows = next?.isText === true && /^\s/.test(next.text ?? '');
    const tr = state.tr.replaceWith(match.from, match.to, spaceFollows ? link : [link, state.schema.text(' ')]);
    tr.setSelection(TextSelection.create(tr.doc, match.from + link.nodeSize + 1));
    this.#view.dispatch(tr.scrollIntoView());
    this.#view.focus();
  }

  #place(): void {
    const match = openMatch(this.#view.state);
    if (!this.#open || !match) return;
    const caret = this.#view.coordsAtPos(match.from);
    const viewport = window.visualViewport;
    const visibleTop = viewport?.offsetTop ?? 0;
    const visibleBottom = visibleTop + (viewport?.height ?? window.innerHeight);
    const width = this.#root.offsetWidth;
    const height = this.#root.offsetHeight;
    const pageWidth = document.documentElement.clientWidth;
    const left = Math.max(MARGIN_PX, Math.min(caret.left, pageWidth - width - MARGIN_PX));
    const below = caret.bottom + GAP_PX;
    const above = caret.top - GAP_PX - height;
    const top = below + height <= visibleBottom - MARGIN_PX || above < visibleTop + MARGIN_PX ? below : above;
    this.#root.style.left = `${left}px`;
    this.#root.style.top = `${top}px`;
  }
}

/** The `[[` trigger and its list; `documentLink` must be in the schema. */
export function linkSuggestionsPlugin(options: LinkSuggestionsOptions): Plugin<SuggestionState> {
  let popup: LinkSuggestionsPopup | null = null;
  return new Plugin<SuggestionState>({
    key: suggestionsKey,
    state: {
      init: (_config, state) => ({ match: matchAt(state), dismissed: null }),
      apply: (tr, previous, _oldState, state) => {
        const dismissing = tr.getMeta(suggestionsKey) === DISMISS;
        if (!tr.docChanged && !tr.selectionSet && !dismissing) return previous;
        const match = matchAt(state);
        if (!match) return { match: null, dismissed: null };
        const dismissed = dismissing ? match.from : previous.dismissed === null ? null : tr.mapping.map(previous.dismissed);
        return { match, dismissed: dismissed === match.from ? dismissed : null };
      },
    },
    view: (view) => {
      popup = new LinkSuggestionsPopup(view, options);
      return {
        update: () => popup?.update(),
        destroy: () => {
          popup?.destroy();
          popup = null;
        },
      };
    },
    props: {
      handleKeyDown: (_view, event) => popup?.handleKeyDown(event) ?? false,
    },
  });
}
