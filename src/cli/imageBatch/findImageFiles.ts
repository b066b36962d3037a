import type { Dirent } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectImageFormat } from '../../core/detectImageFormat.ts';
import { fileError } from '../readInput.ts';

/** An image to mask: where it is, and where its output goes below OUT. */
export interface ImageFile {
  /** The path as given, or the folder as given joined with the path below it. */
  input: string;
  /** The input's real path (symbolic links resolved), to refuse writing over it. */
  real: string;
  /** The output's path below OUT: the file name, under the folder's own name for a folder input. */
  relative: string;
}

export interface FoundImages {
  images: ImageFile[];
  /** One line per file passed over (`path: why`): not an image, not a regular file. */
  skipped: string[];
  /** One line per file or folder that could not be read (`path: why`): these fail the run. */
  failures: string[];
  /** Real paths of the folder inputs: OUT may not be inside one. */
  folders: string[];
}

/** First bytes needed to tell PNG, JPEG, TIFF and WebP apart (WebP's tag ends at byte 12). */
const SNIFF_BYTES = 12;
const NOT_AN_IMAGE = 'skipped, not a PNG, JPEG, TIFF or WebP image (checked by content)';

/**
 * Files and folders to images, by content (magic bytes), never by name. Folders are walked in name
 * order, recursively; dot-files and dot-folders are passed over, and so are links to folders (no
 * cycles). Only the first bytes of each file are read here: pages are read one at a time later.
 */
export async function findImageFiles(inputs: readonly string[]): Promise<FoundImages> {
  const found: FoundImages = { images: [], skipped: [], failures: [], folders: [] };
  for (const input of inputs) {
    let stats;
    try {
      stats = await stat(input);
    } catch (error) {
      found.failures.push(fileError(input, error).message);
      continue;
    }
    if (stats.isDirectory()) {
      found.folders.push(await realpath(input));
      await walk(input, folderLabel(input), found);
    } else if (stats.isFile()) await addFile(input, path.basename(input), found);
    else found.skipped.push(`${input}: skipped, not a regular file`);
  }
  return found;
}

/** The subfolder of OUT a folder input's outputs go to: the folder's own name (`.` is the working folder's). */
function folderLabel(folder: string): string {
  return path.basename(path.resolve(folder)) || 'root';
}

async function walk(folder: string, relative: string, found: FoundImages): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    found.failures.push(fileError(folder, error).message);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    const below = path.join(relative, entry.name);
    if (entry.isDirectory()) await walk(full, below, found);
    else if (entry.isFile()) await addFile(full, below, found);
    else if (entry.isSymbolicLink()) await addLink(full, below, found);
    else found.skipped.push(`${full}: skipped, not a regular file`);
  }
}

/** A link inside a folder: followed to a file, never to a folder (a link to an ancestor would loop). */
async function addLink(full: string, below: string, found: FoundImages): Promise<void> {
  const target = await stat(full).catch(() => undefined);
  if (target?.isFile()) await addFile(full, below, found);
  else found.skipped.push(`${full}: skipped, ${target ? 'a link to a folder (not followed)' : 'a broken link'}`);
}

async function addFile(input: string, relative: string, found: FoundImages): Promise<void> {
  try {
    if (detectImageFormat(await firstBytes(input)) === undefined) found.skipped.push(`${input}: ${NOT_AN_IMAGE}`);
    else found.images.push({ input, real: await realpath(input), relative });
  } catch (error) {
    found.failures.push(fileError(input, error).message);
  }
}

async function firstBytes(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
