// Copies the console screenshots the end-to-end tests wrote to .screenshots/ (ignored by git) into
// docs/screenshots/, where the README shows them. `npm run screenshots` runs the tests first, so the copies
// always show the current console; the tests themselves never touch tracked files.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FROM = fileURLToPath(new URL('../.screenshots/', import.meta.url));
const TO = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Copies every PNG in `from` into `to` and returns their names; none at all is an error (the tests did not run). */
export function copyScreenshots(from = FROM, to = TO): string[] {
  const names = existsSync(from)
    ? readdirSync(from)
        .filter((name) => name.endsWith('.png'))
        .sort()
    : [];
  if (names.length === 0)
    throw new Error(`no screenshots in ${from}: run the end-to-end tests first (npm run screenshots does)`);
  mkdirSync(to, { recursive: true });
  for (const name of names) copyFileSync(join(from, name), join(to, name));
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const names = copyScreenshots();
    console.log(`copied ${names.length} screenshots into docs/screenshots/: ${names.join(', ')}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
