import { createSignal, For, Show } from 'solid-js';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/api';
import { saveFile } from '../lib/save-file';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { ErrorNotice } from './error-notice';
import './transfer.css';

/** The document as a file to take away: Markdown, a web page, Word or PDF, optionally with its annotations as footnotes. */
export function DocumentExportMenu(props: { documentId: string }) {
  const { api, locale } = useApp();
  const [format, setFormat] = createSignal<ExportFormat>('pdf');
  const [annotations, setAnnotations] = createSignal(false);
  const exporting = createAction(async () => {
    const file = await api.exportDocument(props.documentId, format(), annotations());
    saveFile(file.blob, file.filename);
  });

  return (
    <details class="contribution-section export-section" data-testid="export-section">
      <summary>{locale.t('transfer.export.title')}</summary>
      <form
        class="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void exporting.run();
        }}
      >
        <label class="field">
          <span class="field-label">{locale.t('transfer.export.format')}</span>
          <select class="text-input" data-testid="export-format" value={format()} onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)}>
            <For each={EXPORT_FORMATS}>{(f) => <option value={f}>{locale.t(`transfer.format.${f}`)}</option>}</For>
          </select>
        </label>
        <label class="check-option">
          <input type="checkbox" data-testid="export-annotations" checked={annotations()} onChange={(event) => setAnnotations(event.currentTarget.checked)} />
          <span>{locale.t('transfer.export.annotations')}</span>
        </label>
        <button type="submit" class="button primary" data-testid="export-download" disabled={exporting.pending()}>
          {locale.t(exporting.pending() ? 'transfer.export.preparing' : 'transfer.export.download')}
        </button>
      </form>
      <Show when={exporting.error()}>{(error) => <ErrorNotice error={error()} message="transfer.export.error" />}</Show>
    </details>
  );
}
