import { A, useLocation } from '@solidjs/router';
import { authPath } from '../lib/route-access';
import { useApp } from '../stores/app-context';

/** The server ended the session while a live page was open: what happened, and the way back to this page. */
export function SignedOutNotice() {
  const { session, locale } = useApp();
  const location = useLocation();
  return (
    <div class="notice warning" role="alert" data-testid="signed-out">
      <p>{locale.t('document.signedOut')}</p>
      <A
        href={authPath('/login', location.pathname)}
        class="button"
        data-testid="signed-out-login"
        // The server ended the session: the app must agree before the login page will show.
        onClick={() => session.expire()}
      >
        {locale.t('document.logInAgain')}
      </A>
    </div>
  );
}
