import type { WebSession } from './webSessions';
import { html, type SafeHtml } from './html';

export interface PageOptions {
  title: string;
  /** The signed-in staff member, for the header and its sign-out form. */
  session?: WebSession | null;
  body: SafeHtml;
  /** A narrow column, for the sign-in page. */
  narrow?: boolean;
}

/** A whole page: the header with who is signed in, and the content. */
export function renderPage(options: PageOptions): string {
  const { session } = options;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Fieldbook hub</title>
<link rel="icon" href="/web/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/web/style.css">
</head>
<body>
<header class="top">
<a class="skip" href="#main">Skip to content</a>
<p class="brand"><a href="/web/">Fieldbook hub</a></p>
${
  session
    ? html`<form class="who" method="post" action="/web/sign-out">
<span>Signed in as ${session.staff.name}</span>
<input type="hidden" name="csrf" value="${session.csrfToken}">
<button type="submit" class="quiet">Sign out</button>
</form>`
    : null
}
</header>
<main id="main" tabindex="-1"${options.narrow ? html` class="narrow"` : null}>
${options.body}
</main>
</body>
</html>
`.value;
}

/** A calm page for something that went wrong, saying what to do next. */
export function renderMessagePage(title: string, message: string, session: WebSession | null | undefined, extra: SafeHtml | null = null): string {
  return renderPage({
    title,
    session,
    body: html`<h1>${title}</h1>
<p class="problem" role="alert">${message}</p>
${extra}
<p><a href="/web/">Go to the shared portfolio</a></p>`,
  });
}
