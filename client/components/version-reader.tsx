import { useNavigate } from '@solidjs/router';
import { fromBase64 } from 'lib0/buffer';
import { createEffect, on, onCleanup, onMount, Show } from 'solid-js';
import * as Y from 'yjs';
import { createVersionReader, redrawEditor } from '../editor/create-editor';
import { documentPath } from '../lib/paths';
import { useApp } from '../stores/app-context';
import { TrialLog } from './trial-log';

/**
 * A document as it was at a version, read-only: the update the server sent
 * applied to a Y.Doc of this view's own, drawn by the editor's schema, and
 * a trial-and-error log's entries under the text.
 */
export function VersionReader(props: {
  /** Base64 of a Yjs update holding the whole document at the version. */
  update: string;
  number: number;
  trialLog: boolean;
  titleOf: (documentId: string) => string | undefined;
}) {
  const { locale } = useApp();
  const navigate = useNavigate();
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, fromBase64(props.update));
  onCleanup(() => ydoc.destroy());
  let host!: HTMLDivElement;

  onMount(() => {
    const editor = createVersionReader({
      element: host,
      ydoc,
      label: () => locale.t('history.textOf', { number: props.number }),
      language: locale.locale,
      titleOf: props.titleOf,
      onOpenDocument: (documentId) => navigate(documentPath(documentId)),
    });
    onCleanup(() => editor.destroy());
    createEffect(on(locale.locale, () => redrawEditor(editor), { defer: true }));
  });

  return (
    <div class="version-reader" data-testid="version-reader">
      <div class="editor-frame read-only">
        <div ref={host} class="editor" data-testid="version-text" data-editable="false" />
      </div>
      <Show when={props.trialLog}>
        <TrialLog ydoc={ydoc} editable={false} />
      </Show>
    </div>
  );
}
