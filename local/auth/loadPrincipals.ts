import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrincipalsFileError } from './errors.ts';
import { generatePrincipal } from './generatePrincipal.ts';
import type { Principal } from './Principal.ts';
import { PrincipalRegistry } from './PrincipalRegistry.ts';
import { validatePrincipals } from './validatePrincipals.ts';

export const CREDENTIALS_FILE = 'credentials.json';

export interface LoadPrincipalsOptions {
  /** A principals file (HDM_PRINCIPALS_FILE). When set, it is the only source. */
  file?: string;
  /** Where the generated credentials live: `<dataDir>/credentials.json`. */
  dataDir: string;
}

export interface LoadedPrincipals {
  registry: PrincipalRegistry;
  principals: Principal[];
  /** Set when this call created the key pair, so start-up can print it once. */
  generated?: Principal;
}

/**
 * The principals the server accepts: from `file` if given, else from `<dataDir>/credentials.json`, else a
 * newly generated `local-developer` key pair written there (mode 0600) so it survives restarts.
 */
export async function loadPrincipals(options: LoadPrincipalsOptions): Promise<LoadedPrincipals> {
  if (options.file !== undefined) return fromPrincipals(await readPrincipalsFile(options.file));
  const credentialsFile = path.join(options.dataDir, CREDENTIALS_FILE);
  const existing = await readPrincipalsFile(credentialsFile, { optional: true });
  if (existing) return fromPrincipals(existing);
  const generated = generatePrincipal();
  if (!(await writeCredentials(options.dataDir, credentialsFile, generated))) {
    // Another process generated the file between our read and our write: use its key pair.
    return fromPrincipals(await readPrincipalsFile(credentialsFile));
  }
  return { ...fromPrincipals([generated]), generated };
}

function fromPrincipals(principals: Principal[]): LoadedPrincipals {
  return { registry: new PrincipalRegistry(principals), principals };
}

async function readPrincipalsFile(file: string): Promise<Principal[]>;
async function readPrincipalsFile(file: string, opts: { optional: true }): Promise<Principal[] | undefined>;
async function readPrincipalsFile(file: string, opts: { optional?: boolean } = {}): Promise<Principal[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (opts.optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PrincipalsFileError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`], {
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text around the fault, which may be a secret: keep only the position, drop the cause.
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    throw new PrincipalsFileError(file, [`is not valid JSON${position ? ` (at position ${position})` : ''}`]);
  }
  const { principals, problems } = validatePrincipals(data);
  if (problems.length > 0) throw new PrincipalsFileError(file, problems);
  return principals;
}

/**
 * The file keeps no `allow`, so the default follows the code (a field added to the contract later is
 * allowed without editing it). `wx` refuses to overwrite a file another process wrote meanwhile: false then.
 */
async function writeCredentials(dataDir: string, file: string, principal: Principal): Promise<boolean> {
  // Private: the data directory holds this key pair and the stores' data (startLocalApi tightens it too).
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const { name, accessKeyId, secretAccessKey, accountId } = principal;
  const json = `${JSON.stringify([{ name, accessKeyId, secretAccessKey, accountId }], null, 2)}\n`;
  try {
    await writeFile(file, json, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PrincipalsFileError(file, [`cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`], {
      cause: error,
    });
  }
}
