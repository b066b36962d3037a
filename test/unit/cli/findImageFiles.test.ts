import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileError } from '../../../src/cli/readInput.ts';
import { findImageFiles } from '../../../src/cli/imageBatch/findImageFiles.ts';
import { tempFiles } from './tempFiles.ts';

const { dir, file } = tempFiles();
const PNG = Buffer.from('\x89PNG\r\n\x1a\n rest', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const WEBP = Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1');

mkdirSync(join(dir, 'scans/sub'), { recursive: true });
mkdirSync(join(dir, 'scans/.git'));
file('scans/b.png', PNG);
file('scans/a.jpg.txt', JPEG); // an image by content, whatever the name
file('scans/notes.png', 'Patient Jane Roe'); // not one, whatever the name
file('scans/.hidden.png', PNG);
file('scans/.git/c.png', PNG);
file('scans/sub/d.webp', WEBP);
symlinkSync(join(dir, 'scans/sub'), join(dir, 'scans/loop'));
symlinkSync(join(dir, 'scans/b.png'), join(dir, 'scans/link.png'));
symlinkSync(join(dir, 'nowhere.png'), join(dir, 'scans/broken.png'));
const single = file('single.tif', Buffer.from('II*\0xxxx', 'latin1'));

const rel = (p: string): string => relative(dir, p);

describe('findImageFiles', () => {
  it('walks folders in name order, finds images by content, skips dot-entries and links to folders', async () => {
    const found = await findImageFiles([join(dir, 'scans'), single]);
    expect(found.images.map((i) => [rel(i.input), i.relative])).toEqual([
      ['scans/a.jpg.txt', 'scans/a.jpg.txt'],
      ['scans/b.png', 'scans/b.png'],
      ['scans/link.png', 'scans/link.png'],
      ['scans/sub/d.webp', 'scans/sub/d.webp'],
      ['single.tif', 'single.tif'],
    ]);
    // A link's real path is its target's: an output there would write over b.png.
    expect(rel(found.images[2]?.real as string)).toBe('scans/b.png');
    expect(found.skipped.map((s) => s.replace(dir + '/', ''))).toEqual([
      'scans/broken.png: skipped, a broken link',
      'scans/loop: skipped, a link to a folder (not followed)',
      'scans/notes.png: skipped, not a PNG, JPEG, TIFF or WebP image (checked by content)',
    ]);
    expect(found.failures).toEqual([]);
    expect(found.folders.map(rel)).toEqual(['scans']);
  });

  it('reports a missing input as a failure naming it, and goes on', async () => {
    const found = await findImageFiles([join(dir, 'gone.png'), single]);
    expect(found.failures).toEqual([`${join(dir, 'gone.png')}: no such file`]);
    expect(found.images).toHaveLength(1);
  });

  it('reports an unreadable file as permission denied', () => {
    // Tests run as root here, where chmod 000 does not stop a read: the mapping of the error is checked instead.
    const denied = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    expect(fileError(join(dir, 'locked.png'), denied).message).toBe(`${join(dir, 'locked.png')}: permission denied`);
  });
});
