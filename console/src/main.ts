// The console: one page, three views (Text, Images, History) and a job's details, switched by the
// address's hash without reloading. It talks to the API only through the client kit (SigV4-signed
// GraphQL over HTTP and AppSync's real-time protocol), as any client would.
import { Connection } from './connection.ts';
import { loadConsoleConfig } from './consoleConfig.ts';
import { takeConsoleToken } from './consoleToken.ts';
import { setUpCredentialsForm } from './credentialsForm.ts';
import { required } from './dom.ts';
import { ErrorBanner } from './errors.ts';
import { createHistoryView } from './historyView.ts';
import { createImageView } from './imageView.ts';
import { createJobView } from './jobView.ts';
import { parseRoute, routeHash, type Route, type RouteName } from './router.ts';
import { createTextView } from './textView.ts';
import type { View } from './view.ts';

async function start(): Promise<void> {
  // Before the router reads the hash: `#token=...` is not a view, and must not stay in the address.
  const token = takeConsoleToken();
  const errors = new ErrorBanner();
  const connection = new Connection();
  const main = required(document, 'main');
  const navigate = (route: Route) => {
    location.hash = routeHash(route);
  };
  const views: Record<RouteName, View> = {
    text: createTextView(connection, errors),
    images: createImageView(connection, errors),
    history: createHistoryView(connection, errors, (id) => navigate({ name: 'job', argument: id })),
    job: createJobView(connection, errors, () => navigate({ name: 'history' })),
  };
  main.append(...Object.values(views).map((view) => view.element));

  const navButtons = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Views"] button[data-view]')];
  for (const button of navButtons)
    button.addEventListener('click', () => navigate({ name: button.dataset.view as RouteName }));

  let current: Route | undefined;
  const showRoute = () => {
    const route = parseRoute(location.hash);
    const changed = current?.name !== route.name;
    current = route;
    for (const [name, view] of Object.entries(views)) view.element.hidden = name !== route.name;
    // A job's details belong to History.
    const section = route.name === 'job' ? 'history' : route.name;
    for (const button of navButtons) {
      if (button.dataset.view === section) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    errors.clear();
    views[route.name].show(route.argument);
    if (changed && document.activeElement && !navButtons.includes(document.activeElement as HTMLButtonElement))
      main.focus();
  };
  window.addEventListener('hashchange', showRoute);
  showRoute();
  // Views that read from the API load again once connected (History on first connect, say).
  connection.onConnect(() => current && views[current.name].show(current.argument));

  setUpCredentialsForm(
    required<HTMLFormElement>(document, 'form[aria-label="Credentials"]'),
    connection,
    errors,
    await loadConsoleConfig(token),
  );
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
