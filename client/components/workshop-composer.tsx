import { createSignal } from 'solid-js';
import { NOTE_MAX_LENGTH, type WorkshopColumn } from '../../shared/workshops/formats';
import { useApp } from '../stores/app-context';
import type { WorkshopRoom } from '../stores/workshop-room';

/**
 * A new sticky note in one column, signed or anonymous. The anonymous
 * choice stays for the next note: people tend to write several the same way.
 */
export function WorkshopComposer(props: { room: WorkshopRoom; column: WorkshopColumn }) {
  const { locale } = useApp();
  const [pending, setPending] = createSignal(false);
  const [anonymous, setAnonymous] = createSignal(false);
  const id = () => `ws-compose-${props.column}`;
  let text!: HTMLTextAreaElement;

  const submit = async () => {
    const value = text.value.trim();
    if (value === '' || pending()) return text.focus();
    setPending(true);
    const added = await props.room.attempt(() => props.room.store.addNote({ column: props.column, text: value, anonymous: anonymous() }));
    setPending(false);
    if (added) text.value = '';
    text.focus();
  };

  return (
    <form
      class="ws-composer"
      data-testid="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label class="visually-hidden" for={id()}>
        {locale.t('workshops.compose.label', { column: locale.t(`workshops.column.${props.column}`) })}
      </label>
      <textarea
        ref={text}
        id={id()}
        class="text-input textarea ws-compose-text"
        data-testid="composer-text"
        rows={2}
        maxLength={NOTE_MAX_LENGTH}
        placeholder={locale.t('workshops.compose.placeholder')}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
        }}
      />
      <div class="ws-compose-row">
        <label class="ws-check">
          <input type="checkbox" data-testid="composer-anonymous" checked={anonymous()} onChange={(event) => setAnonymous(event.currentTarget.checked)} />
          {locale.t('workshops.compose.anonymous')}
        </label>
        <button type="submit" class="button primary ws-small" data-testid="composer-add" disabled={pending()}>
          {locale.t('workshops.compose.add')}
        </button>
      </div>
    </form>
  );
}
