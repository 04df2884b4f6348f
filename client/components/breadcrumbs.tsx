import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useApp } from '../stores/app-context';

export interface Crumb {
  label: string;
  /** The last crumb, the page itself, has none. */
  href?: string;
}

export function Breadcrumbs(props: { items: readonly Crumb[] }) {
  const { locale } = useApp();
  return (
    <nav class="breadcrumbs" aria-label={locale.t('nav.breadcrumbs')} data-testid="breadcrumbs">
      <ol>
        <For each={props.items}>
          {(item) => (
            <li>
              <Show when={item.href} fallback={<span aria-current="page">{item.label}</span>}>
                {(href) => <A href={href()}>{item.label}</A>}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
