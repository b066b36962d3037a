/**
 * The request header the page sends this start's console token in, and /console/config.json reads it
 * from. No DOM here, so the server's routes (local/console/consoleRoutes.ts) import it too.
 */
export const CONSOLE_TOKEN_HEADER = 'x-hdm-console-token';
