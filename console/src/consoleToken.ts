// The console token of this server start (`npm start` prints `/#token=...`, like Jupyter): the server
// offers the local key pair only to a config request carrying it. The page takes it out of the address at
// once (so it is not left in the address bar, history or a copied link) and keeps it in this tab's
// sessionStorage, so a reload still gets the key pair; the tab's end forgets it.

import { splitTokenFromHash } from './router.ts';

export { CONSOLE_TOKEN_HEADER } from './consoleTokenHeader.ts';

const STORED = 'hdm-console-token';

/**
 * The token from the address (removed from it with history.replaceState, the view hash kept), else the
 * one this tab kept from an earlier load; undefined when neither has one.
 */
export function takeConsoleToken(): string | undefined {
  const { token, rest } = splitTokenFromHash(location.hash);
  if (token === undefined) return readStored();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest}`);
  try {
    sessionStorage.setItem(STORED, token);
  } catch {
    // Storage refused (a private mode, say): the token still serves this load.
  }
  return token;
}

function readStored(): string | undefined {
  try {
    return sessionStorage.getItem(STORED) ?? undefined;
  } catch {
    return undefined;
  }
}
