import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Where the console's sources live: console/index.html, console/styles.css, console/src/main.ts. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

/** What the console's routes serve: the page, its one script and its one style sheet. */
export interface ConsoleAssets {
  html: string;
  js: string;
  css: string;
}

/** The console failed to bundle; the message lists esbuild's errors (file and line, no user data). */
export class ConsoleBuildError extends Error {
  override readonly name = 'ConsoleBuildError';
}

/**
 * Bundles console/src/main.ts for the browser in memory: one IIFE script with every dependency inlined
 * from node_modules, so the page loads nothing from anywhere but this server.
 */
export async function buildConsoleAssets(consoleDir: string = CONSOLE_DIR): Promise<ConsoleAssets> {
  const [html, css, js] = await Promise.all([
    readFile(`${consoleDir}index.html`, 'utf8'),
    readFile(`${consoleDir}styles.css`, 'utf8'),
    bundleScript(consoleDir),
  ]);
  return { html, css, js };
}

async function bundleScript(consoleDir: string): Promise<string> {
  const result = await build({
    entryPoints: [`${consoleDir}src/main.ts`],
    tsconfig: `${consoleDir}tsconfig.json`,
    bundle: true,
    write: false,
    platform: 'browser',
    // An IIFE, not a module: the page has no import statements for a browser to resolve.
    format: 'iife',
    target: ['es2022'],
    minify: true,
    // Licence comments hold URLs; the packages' licences are in node_modules, not shipped to a browser.
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  }).catch((error: unknown) => {
    const errors =
      (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
    const detail = errors
      .map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
      .join('; ');
    throw new ConsoleBuildError(`the console did not bundle: ${detail || (error as Error).message}`);
  });
  const output = result.outputFiles[0];
  if (!output) throw new ConsoleBuildError('the console did not bundle: esbuild wrote no file');
  return output.text;
}

/**
 * Builds once, at the first call, and hands every later call the same assets. A failed build is not
 * kept, so the next request tries again (after the sources are fixed, say).
 */
export function cachedConsoleAssets(
  load: () => Promise<ConsoleAssets> = buildConsoleAssets,
): () => Promise<ConsoleAssets> {
  let assets: Promise<ConsoleAssets> | undefined;
  return () => {
    assets ??= load().catch((error: unknown) => {
      assets = undefined;
      throw error;
    });
    return assets;
  };
}
