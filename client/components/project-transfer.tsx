import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { IMPORT_MAX_FILE_BYTES } from '../../shared/api';
import { importInputOf, importProblem } from '../lib/import-file';
import { documentPath } from '../lib/paths';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { createProjectExportStore } from '../stores/project-export';
import { ErrorNotice } from './error-notice';
import './transfer.css';

const MAX_MEGABYTES = IMPORT_MAX_FILE_BYTES / (1024 * 1024);

/** The project as an archive to keep, and files brought in as new documents (for those who may create them). */
export function ProjectTransfer(props: { projectId: string; canImport: boolean }) {
  const { locale } = useApp();
  return (
    <section class="panel transfer-section" data-testid="project-transfer" aria-labelledby="project-transfer-title">
      <h2 id="project-transfer-title">{locale.t('transfer.project.title')}</h2>
      <ProjectExportPart projectId={props.projectId} />
      <Show when={props.canImport}>
        <ImportPart projectId={props.projectId} />
      </Show>
    </section>
  );
}

function ProjectExportPart(props: { projectId: string }) {
  const { api, locale } = useApp();
  const store = createProjectExportStore(api, props.projectId);
  const size = (bytes: number) =>
    new Intl.NumberFormat(locale.locale(), { style: 'unit', unit: bytes < 1024 * 1024 ? 'kilobyte' : 'megabyte', maximumFractionDigits: 1 }).format(
      bytes < 1024 * 1024 ? bytes / 1024 : bytes / (1024 * 1024),
    );
  return (
    <div class="transfer-part">
      <p class="muted">{locale.t('transfer.project.exportIntro')}</p>
      <button type="button" class="button" data-testid="project-export" disabled={store.busy()} onClick={() => void store.start()}>
        {locale.t('transfer.project.export')}
      </button>
      <Show when={store.job()}>
        {(job) => (
          <div class="transfer-progress" data-testid="project-export-status">
            <Show
              when={job().done && job().bytes !== null}
              fallback={
                <>
                  <progress max={1} value={job().progress} aria-label={locale.t('transfer.project.progressLabel')} />
                  <p role="status">{locale.t('transfer.project.progress', { completed: job().completed, total: job().total })}</p>
                </>
              }
            >
              <p role="status">
                {locale.t('transfer.project.ready', { size: size(job().bytes ?? 0) })}{' '}
                <button type="button" class="button subtle" data-testid="project-export-download" onClick={() => void store.download()}>
                  {locale.t('transfer.project.download')}
                </button>
              </p>
            </Show>
            <Show when={job().failures.length > 0}>
              <div class="notice warning" data-testid="project-export-failures">
                <p>{locale.tn('transfer.project.failures', job().failures.length)}</p>
                <ul>
                  <For each={job().failures}>{(f) => <li>{locale.t('transfer.project.failure', { title: f.title || locale.t('document.untitled'), error: f.error })}</li>}</For>
                </ul>
              </div>
            </Show>
            <Show when={job().error}>{(error) => <p class="notice error" role="alert">{error()}</p>}</Show>
          </div>
        )}
      </Show>
      <Show when={store.error()}>{(error) => <ErrorNotice error={error()} message="transfer.project.error" />}</Show>
    </div>
  );
}

function ImportPart(props: { projectId: string }) {
  const { api, locale } = useApp();
  const navigate = useNavigate();
  const [name, setName] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [dragging, setDragging] = createSignal(false);
  const importing = createAction(async (file: File) => api.importDocument(props.projectId, await importInputOf(file)));

  const take = async (file: File | undefined) => {
    if (!file || importing.pending()) return;
    setName(file.name);
    importing.clearError();
    const found = importProblem(file);
    setProblem(found && locale.t(found === 'tooLarge' ? 'transfer.import.tooLarge' : 'transfer.import.unsupported', { name: file.name, size: MAX_MEGABYTES }));
    if (found) return;
    const created = await importing.run(file);
    if (created) navigate(documentPath(created.id));
  };

  return (
    <div class="transfer-part">
      <h3>{locale.t('transfer.import.title')}</h3>
      <p class="muted">{locale.t('transfer.import.intro', { size: MAX_MEGABYTES })}</p>
      <label
        class="drop-zone"
        classList={{ dragging: dragging() }}
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void take(event.dataTransfer?.files[0]);
        }}
      >
        <input
          type="file"
          class="visually-hidden"
          accept=".md,.markdown,.docx,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          data-testid="import-file"
          disabled={importing.pending()}
          onChange={(event) => {
            void take(event.currentTarget.files?.[0]);
            event.currentTarget.value = '';
          }}
        />
        <span class="button">{locale.t('transfer.import.choose')}</span>
        <span class="muted">{locale.t('transfer.import.drop')}</span>
      </label>
      <Show when={importing.pending()}>
        <div class="transfer-progress">
          <progress aria-label={locale.t('transfer.import.importing', { name: name() })} />
          <p role="status">{locale.t('transfer.import.importing', { name: name() })}</p>
        </div>
      </Show>
      <Show when={problem()}>
        {(message) => (
          <p class="notice error" role="alert" data-testid="import-problem">
            {message()}
          </p>
        )}
      </Show>
      <Show when={importing.error()}>
        {(error) => <ErrorNotice error={error()} message="transfer.import.error" testId="import-error" />}
      </Show>
    </div>
  );
}
