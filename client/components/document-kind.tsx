import { For, type JSX } from 'solid-js';
import type { DocumentKind, DocumentStatus } from '../../shared/knowledge/kinds';
import { useApp } from '../stores/app-context';
import './knowledge.css';

/** Each kind's pictogram, drawn on a 24-unit grid with round strokes like the toolbar's. */
const KIND_PATHS: Record<DocumentKind, readonly string[]> = {
  // An open book: an experience written up.
  capitalisation: ['M2 4h6a4 4 0 0 1 4 4v12a3 3 0 0 0-3-3H2z', 'M22 4h-6a4 4 0 0 0-4 4v12a3 3 0 0 1 3-3h7z'],
  // A light bulb: a lesson.
  lessons: ['M9 18h6', 'M10 22h4', 'M12 2a7 7 0 0 0-4 12.7c.6.5 1 1.3 1 2.3h6c0-1 .4-1.8 1-2.3A7 7 0 0 0 12 2z'],
  // A map pin: something seen in a place.
  field_finding: ['M12 22s7-6.2 7-12a7 7 0 0 0-14 0c0 5.8 7 12 7 12z', 'M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'],
  // A flask: trials.
  trial_log: ['M9 2h6', 'M10 2v6.5L4.5 19a2 2 0 0 0 1.8 3h11.4a2 2 0 0 0 1.8-3L14 8.5V2', 'M7 15h10'],
  // A sheet of paper.
  free: ['M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z', 'M14 2v6h6'],
  // Sticky notes on a board: a workshop.
  workshop: ['M3 3h8v8H3z', 'M13 3h8v8h-8z', 'M3 13h8v8H3z', 'M13 13h8v5l-3 3h-5z'],
};

/** Decorative: the kind's name is always said beside it, or in hidden text. */
export function KindIcon(props: { kind: DocumentKind }): JSX.Element {
  return (
    <svg class="kind-icon" data-kind={props.kind} viewBox="0 0 24 24" aria-hidden="true">
      <For each={KIND_PATHS[props.kind]}>{(d) => <path d={d} />}</For>
    </svg>
  );
}

/** The kind's pictogram and name, in its colour. */
export function KindLabel(props: { kind: DocumentKind; testId?: string }) {
  const { locale } = useApp();
  return (
    <span class="kind-label" data-kind={props.kind} data-testid={props.testId}>
      <KindIcon kind={props.kind} />
      {locale.t(`knowledge.kind.${props.kind}`)}
    </span>
  );
}

/** Where a document stands between draft and published. */
export function DocumentStatusBadge(props: { status: DocumentStatus; testId?: string }) {
  const { locale } = useApp();
  return (
    <span class="doc-status-badge" data-status={props.status} data-testid={props.testId}>
      {locale.t(`knowledge.status.${props.status}`)}
    </span>
  );
}
