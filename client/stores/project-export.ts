import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { ProjectExport } from '../../shared/api';
import type { ApiClient } from '../lib/api';
import { saveFile } from '../lib/save-file';

export interface ProjectExportStore {
  /** The archive being made or made, as last heard; null before one is asked for. */
  job: Accessor<ProjectExport | null>;
  /** Why starting, following or downloading failed, until the next try. */
  error: Accessor<unknown>;
  busy: Accessor<boolean>;
  /** Starts an archive, follows it, and saves it once done. */
  start(): Promise<void>;
  /** Saves the finished archive again. */
  download(): Promise<void>;
}

const POLL_MS = 700;

/** A project's archive, made by the server in the background: its progress, its failures, then the file. */
export function createProjectExportStore(api: ApiClient, projectId: string): ProjectExportStore {
  const [job, setJob] = createSignal<ProjectExport | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  let stopped = false;
  onCleanup(() => {
    stopped = true;
  });
  const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

  const download = async () => {
    const current = job();
    if (!current) return;
    const file = await api.downloadProjectExport(projectId, current.id);
    saveFile(file.blob, file.filename);
  };

  return {
    job,
    error,
    busy,
    async start() {
      setBusy(true);
      setError(null);
      try {
        let current = await api.startProjectExport(projectId);
        setJob(current);
        while (!current.done && !stopped) {
          await pause();
          current = await api.projectExport(projectId, current.id);
          setJob(current);
        }
        if (current.done && !current.error && !stopped) await download();
      } catch (failure) {
        setError(() => failure);
      } finally {
        setBusy(false);
      }
    },
    async download() {
      setError(null);
      try {
        await download();
      } catch (failure) {
        setError(() => failure);
      }
    },
  };
}
