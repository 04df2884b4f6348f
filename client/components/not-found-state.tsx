import { A } from '@solidjs/router';
import { useApp } from '../stores/app-context';

export function NotFoundState(props: { title: string; body: string }) {
  const { locale } = useApp();
  return (
    <section class="not-found" data-testid="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{props.title}</h1>
      <p>{props.body}</p>
      <A href="/" class="button primary">
        {locale.t('nav.backToProjects')}
      </A>
    </section>
  );
}
