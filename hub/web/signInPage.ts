import { html } from './html';
import { renderPage } from './webLayout';

export interface SignInPageOptions {
  /** What went wrong with the last try. */
  problem?: string | null;
  /** A calm note, such as "You are signed out." */
  notice?: string | null;
}

export function renderSignInPage(options: SignInPageOptions = {}): string {
  const { problem, notice } = options;
  return renderPage({
    title: 'Sign in',
    narrow: true,
    body: html`<h1>Sign in to the Fieldbook hub</h1>
<p class="lead">Here IT reads what people chose to share from their fieldbooks, and replies with advice.</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : null}
${problem ? html`<p class="problem" role="alert" id="token-problem">${problem}</p>` : null}
<form method="post" action="/web/sign-in">
<label for="token">Staff token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false"
  aria-describedby="token-help${problem ? ' token-problem' : ''}"${problem ? html` aria-invalid="true"` : null}>
<p class="help" id="token-help">The token that <code>fieldbook-hub staff add</code> printed for you. Device tokens cannot sign in here.</p>
<button type="submit">Sign in</button>
</form>`,
  });
}
