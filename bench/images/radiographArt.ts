import type { Rng } from '../corpus/random.ts';
import type { Layout } from './layoutPage.ts';

/**
 * The "anatomy" of a synthetic radiograph, as SVG drawn on black: a grey body with a radial falloff, darker
 * fields, a few light bone-like shapes and film grain (feTurbulence), all clipped to the band between the
 * top and bottom corner text (a text-height gap away), so every word sits on black and its ink stays its own.
 */
export function radiographArt(layout: Layout, width: number, height: number, rng: Rng): string {
  const top = layout.words.filter((w) => w.baseline < height / 2);
  const bottom = layout.words.filter((w) => w.baseline >= height / 2);
  const em = Math.max(...layout.words.map((w) => w.size), 12);
  const y0 = Math.ceil(Math.max(0, ...top.map((w) => w.baseline + w.size * 0.45)) + em);
  const y1 = Math.floor(Math.min(height, ...bottom.map((w) => w.baseline - w.size * 1.15)) - em);
  if (y1 - y0 < 40) return '';
  const band = y1 - y0;
  const cx = width * (0.5 + (rng.next() - 0.5) * 0.1);
  const cy = y0 + band * (0.5 + (rng.next() - 0.5) * 0.1);
  const rx = width * (0.3 + rng.next() * 0.15);
  const ry = band * (0.42 + rng.next() * 0.08);
  const peak = rng.int(0x80, 0xa8);
  const hex = (v: number) => `#${Math.round(v).toString(16).padStart(2, '0').repeat(3)}`;
  const shapes: string[] = [`<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="url(#body)"/>`];
  // Two darker fields (lungs, soft tissue) and 2-4 light elongated shapes (bones) at random angles.
  for (const side of [-1, 1]) {
    shapes.push(
      `<ellipse cx="${cx + side * rx * 0.42}" cy="${cy - ry * 0.05}" rx="${rx * 0.3}" ry="${ry * 0.62}" fill="#000" opacity="${(0.35 + rng.next() * 0.25).toFixed(2)}"/>`,
    );
  }
  for (let i = rng.int(2, 4); i > 0; i--) {
    const [bx, by] = [cx + (rng.next() - 0.5) * rx, cy + (rng.next() - 0.5) * ry];
    const angle = rng.int(-80, 80);
    shapes.push(
      `<ellipse cx="${bx}" cy="${by}" rx="${rx * (0.08 + rng.next() * 0.1)}" ry="${ry * (0.35 + rng.next() * 0.3)}" fill="${hex(peak + 40)}" opacity="0.55" transform="rotate(${angle} ${bx} ${by})"/>`,
    );
  }
  const seed = rng.int(1, 10_000);
  return (
    '<defs>' +
    `<radialGradient id="body"><stop offset="0" stop-color="${hex(peak)}"/><stop offset="0.65" stop-color="${hex(peak * 0.6)}"/><stop offset="1" stop-color="#000"/></radialGradient>` +
    `<filter id="grain" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="${(0.5 + rng.next() * 0.4).toFixed(2)}" numOctaves="2" seed="${seed}"/>` +
    '<feColorMatrix type="matrix" values="0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0 0 0 0 0.35"/></filter>' +
    `<clipPath id="band"><rect x="0" y="${y0}" width="${width}" height="${band}"/></clipPath>` +
    `<clipPath id="bodyClip"><ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}"/></clipPath>` +
    '</defs>' +
    `<g clip-path="url(#band)">${shapes.join('')}<rect x="0" y="${y0}" width="${width}" height="${band}" filter="url(#grain)" clip-path="url(#bodyClip)"/></g>`
  );
}
