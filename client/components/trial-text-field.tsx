import { createEffect, createMemo, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import { trialText, type TrialEntry, type TrialTextField as TrialFieldName } from '../../shared/knowledge/trial-log';
import { bindTextarea } from '../lib/y-textarea';
import { useApp } from '../stores/app-context';
import { Field } from './field';

/**
 * One text field of an entry, bound to its Y.Text. The binding follows the
 * Y.Text itself: if the entry's map is replaced (an undone removal coming
 * from elsewhere), the field binds to the new one.
 */
export function TrialTextField(props: { ydoc: Y.Doc; entry: TrialEntry; field: TrialFieldName; id: string }) {
  const { locale } = useApp();
  let textarea!: HTMLTextAreaElement;
  // Reading `props.entry` looks again at every change of the entry; the memo changes only with the Y.Text.
  const text = createMemo(() => trialText(props.ydoc, props.entry.id, props.field));
  createEffect(() => {
    const current = text();
    if (current) onCleanup(bindTextarea(textarea, current));
  });
  return (
    <Field id={props.id} label={locale.t(`trialLog.field.${props.field}`)} hint={locale.t(`trialLog.hint.${props.field}`)}>
      {(control) => (
        <textarea
          {...control}
          ref={textarea}
          data-testid={`trial-field-${props.field}`}
          class="text-input textarea trial-textarea"
          rows={props.field === 'participants' ? 1 : 2}
          readOnly={!text()}
        />
      )}
    </Field>
  );
}
