import { Show, type JSX } from 'solid-js';
import type { StakeholderKind } from '../../shared/roles';
import { textColorOn } from '../lib/color';
import { useApp } from '../stores/app-context';

/**
 * An organisation, in its own colour, with the kind of stakeholder it is.
 * `children` go inside, after the name (a remove button, for one).
 */
export function OrganisationBadge(props: {
  name: string;
  color: string;
  kind?: StakeholderKind | undefined;
  testId?: string;
  children?: JSX.Element;
}) {
  const { locale } = useApp();
  return (
    <span
      class="org-badge"
      data-testid={props.testId}
      style={{ 'background-color': props.color, color: textColorOn(props.color) }}
    >
      <span class="org-badge-name">{props.name}</span>
      <Show when={props.kind}>{(kind) => <span class="org-badge-kind">{locale.t(`kind.${kind()}`)}</span>}</Show>
      {props.children}
    </span>
  );
}

/** The kind of stakeholder alone, for a participant whose colour is shown already. */
export function KindBadge(props: { kind: StakeholderKind }) {
  const { locale } = useApp();
  return <span class="kind-badge">{locale.t(`kind.${props.kind}`)}</span>;
}
