import { Extension, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { fragmentClientRuns, tint, type AuthoredRun, type ClientRun } from '../lib/authorship';
import { bindingOf } from './anchors';

export interface AuthorshipOptions {
  /** Whether the text is coloured; read again on `refreshAuthorship`. */
  enabled: () => boolean;
  /** The runs, cut and given their authors (whose colour, null, leaves the text as it is); read on every recomputation. */
  authorsOf: () => (runs: readonly ClientRun[]) => readonly AuthoredRun[];
  /** Hears who wrote what after every recomputation while enabled. */
  onRuns?: (runs: readonly ClientRun[]) => void;
}

export const authorshipKey = new PluginKey<DecorationSet>('authorship');

/** Light enough that the text, the highlights of the discussion and the selection still read. */
const ALPHA = 0.28;
/** Typing is not recoloured on every key: the colours follow once it pauses. */
const SETTLE_MS = 400;
const REFRESH = 'refresh';

/** Asks the authorship colours to be computed again, with the options as they are now. */
export function refreshAuthorship(editor: Editor): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(authorshipKey, REFRESH).setMeta('addToHistory', false));
}

/**
 * Who wrote each character, from the Yjs items under the text; null while
 * the Y.Doc and the editor disagree (a local edit Yjs has not heard of yet).
 */
function currentRuns(state: EditorState): ClientRun[] | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const { runs, size } = fragmentClientRuns(binding.type, (name) => state.schema.nodes[name]?.isLeaf ?? false);
  return size === state.doc.content.size ? runs : null;
}

/** The runs drawn in their authors' colours; runs of no colour (the template's) are left as they are. */
export function authorshipDecorations(doc: ProseMirrorNode, runs: readonly AuthoredRun[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const run of runs) {
    const color = run.author.color;
    if (!color) continue;
    decorations.push(
      Decoration.inline(run.from, run.to, {
        class: 'authorship-run',
        style: `background-color: ${tint(color, ALPHA)}; box-shadow: inset 0 -2px 0 ${color}`,
        'data-author-client': String(run.clientId),
        'data-author': run.author.key,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Colours the text by who wrote it. Every Yjs item keeps the client id it
 * was written under; the attribution names the person (and organisation)
 * behind each id. Changes from Yjs (a co-author, undo, the first load) are
 * recoloured at once; a local edit is only mapped along until typing pauses,
 * since Yjs hears of it after this plugin.
 */
export const Authorship = Extension.create<AuthorshipOptions>({
  name: 'authorship',

  addOptions() {
    return { enabled: () => false, authorsOf: () => () => [] };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const compute = (state: EditorState, before: DecorationSet): DecorationSet => {
      if (!options.enabled()) return DecorationSet.empty;
      const runs = currentRuns(state);
      if (!runs) return before;
      options.onRuns?.(runs);
      return authorshipDecorations(state.doc, options.authorsOf()(runs));
    };
    return [
      new Plugin<DecorationSet>({
        key: authorshipKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, value, _old, state) {
            const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
            const mapped = tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
            return fromYjs || tr.getMeta(authorshipKey) === REFRESH ? compute(state, mapped) : mapped;
          },
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const settle = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
              if (view.isDestroyed) return;
              // Redrawing the text under an input method's composition would break it.
              if (view.composing) return settle();
              view.dispatch(view.state.tr.setMeta(authorshipKey, REFRESH).setMeta('addToHistory', false));
            }, SETTLE_MS);
          };
          // The Yjs binding is only ready once the editor's views are.
          settle();
          return {
            update(updated, previous) {
              if (updated.state.doc !== previous.doc && options.enabled()) settle();
            },
            destroy: () => clearTimeout(timer),
          };
        },
        props: {
          decorations: (state) => authorshipKey.getState(state) ?? null,
        },
      }),
    ];
  },
});
