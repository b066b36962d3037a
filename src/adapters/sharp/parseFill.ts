import { InvalidInputError } from '../../core/errors.ts';

/** An opaque sRGB colour, each channel 0-255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

// A short list on purpose: an unknown name must be refused, never rendered as "no fill" (PHI left visible).
const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  navy: '#000080',
  purple: '#800080',
  orange: '#ffa500',
  pink: '#ffc0cb',
  lime: '#00ff00',
  aqua: '#00ffff',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  fuchsia: '#ff00ff',
  teal: '#008080',
  olive: '#808000',
};

/**
 * Parses the fill colour of a redaction: `#rgb`, `#rrggbb`, `rgb(r, g, b)` or one of a few CSS names.
 * Translucent colours (`#rgba`, `rgba(...)` with alpha < 1, `transparent`) are refused: a see-through
 * box would leave PHI readable. The result is rebuilt from numbers, so nothing the caller wrote reaches the SVG.
 * @throws InvalidInputError naming the rule (the value itself is not quoted).
 */
export function parseFill(fill: string): Rgb {
  const text = fill.trim().toLowerCase();
  const hex = NAMED[text] ?? text;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/u.exec(hex);
  if (short)
    return {
      r: parseInt(`${short[1]}${short[1]}`, 16),
      g: parseInt(`${short[2]}${short[2]}`, 16),
      b: parseInt(`${short[3]}${short[3]}`, 16),
    };
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/u.exec(hex);
  if (long)
    return {
      r: parseInt(long[1] as string, 16),
      g: parseInt(long[2] as string, 16),
      b: parseInt(long[3] as string, 16),
    };
  const fn = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(1|1\.0+)\s*)?\)$/u.exec(text);
  if (fn) {
    const [r, g, b] = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
    if (r <= 255 && g <= 255 && b <= 255) return { r, g, b };
  }
  throw new InvalidInputError('fill must be an opaque colour: #rgb, #rrggbb, rgb(r, g, b) or a basic CSS colour name');
}

export function rgbHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
