import { NotFoundState } from '../components/not-found-state';
import { useApp } from '../stores/app-context';

/** Any address the app does not know. */
export function UnknownPage() {
  const { locale } = useApp();
  return <NotFoundState title={locale.t('page.notFoundTitle')} body={locale.t('page.notFoundBody')} />;
}
