import fs from 'node:fs';
import path from 'node:path';
import { num } from '../table.ts';
import type { ImagePipeline } from './imagePipeline.ts';
import { measureWord } from './measureWord.ts';
import type { WordOutcome } from './WordOutcome.ts';

/** A box of ground_truth.json. */
interface Truth {
  label: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The shared radiographs: only PHI boxes are known (no non-PHI truth), in coordinates padded by 25 px. */
export async function evalShared(run: ImagePipeline, dir: string): Promise<WordOutcome[]> {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground_truth.json'), 'utf8')) as Record<
    string,
    Record<string, Truth>
  >;
  const words: WordOutcome[] = [];
  for (const [key, boxes] of Object.entries(truth)) {
    const file = path.join(dir, path.basename(key).replace(/\.dcm$/, '.png'));
    if (!fs.existsSync(file)) continue;
    const result = await run.run(fs.readFileSync(file));
    for (const b of Object.values(boxes)) {
      const box = { left: b.left - 25, top: b.top - 25, width: b.width, height: b.height };
      const polygon = [
        { x: box.left, y: box.top },
        { x: box.left + box.width, y: box.top },
        { x: box.left + box.width, y: box.top + box.height },
        { x: box.left, y: box.top + box.height },
      ];
      words.push({
        page: path.basename(file),
        group: path.basename(file),
        kind: 'shared radiograph',
        conditions: ['shared radiograph'],
        font: '',
        phi: true,
        type: radiographKind(b.label),
        ...measureWord({ text: b.label, box, polygon }, result, result),
      });
    }
    console.error(`eval:images: ${path.basename(file)} done (${num(result.seconds, 1)} s)`);
  }
  return words;
}

/** What kind of label a radiograph box holds, from its shape (the label itself is not printed). */
function radiographKind(label: string): string {
  if (/^\[[A-Z]\]$/.test(label)) return 'sex marker (not DetectPHI PHI)';
  if (/\d/.test(label)) return 'DATE';
  return 'NAME';
}
