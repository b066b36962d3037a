import type { GreyImage } from './GreyImage.ts';

/** A connected mark of ink: its box, its size, and its darkest part. */
export interface Mark {
  area: number;
  /** Its darkest grey level. */
  core: number;
  /** The box of its pixels darker than the dark threshold. */
  coreLeft: number;
  coreTop: number;
  coreRight: number;
  coreBottom: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * 8-connected marks darker than `ink`: `labels[i]` is 1 + the mark's index, 0 for paper. Each mark's core is its
 * pixels darker than `dark` (none when `dark` is 0).
 */
export function labelMarks(image: GreyImage, ink: number, dark: number): { labels: Int32Array; marks: Mark[] } {
  const { pixels, width, height } = image;
  const labels = new Int32Array(pixels.length);
  const marks: Mark[] = [];
  const stack: number[] = [];
  for (let start = 0; start < pixels.length; start++) {
    if (labels[start] !== 0 || (pixels[start] as number) >= ink) continue;
    const label = marks.length + 1;
    const m = {
      area: 0,
      core: 255,
      left: width,
      top: height,
      right: -1,
      bottom: -1,
      coreLeft: width,
      coreTop: height,
      coreRight: -1,
      coreBottom: -1,
    };
    labels[start] = label;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop() as number;
      const x = at % width;
      const y = (at - x) / width;
      m.area++;
      m.core = Math.min(m.core, pixels[at] as number);
      m.left = Math.min(m.left, x);
      m.right = Math.max(m.right, x);
      m.top = Math.min(m.top, y);
      m.bottom = Math.max(m.bottom, y);
      if ((pixels[at] as number) < dark) {
        m.coreLeft = Math.min(m.coreLeft, x);
        m.coreRight = Math.max(m.coreRight, x);
        m.coreTop = Math.min(m.coreTop, y);
        m.coreBottom = Math.max(m.coreBottom, y);
      }
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const next = ny * width + nx;
          if (labels[next] !== 0 || (pixels[next] as number) >= ink) continue;
          labels[next] = label;
          stack.push(next);
        }
      }
    }
    marks.push(m);
  }
  return { labels, marks };
}
