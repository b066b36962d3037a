import { describe, expect, it } from 'vitest';
import { clock, PageProgress } from '../../../src/cli/PageProgress.ts';
import { collector } from './memoryIo.ts';

function setup(total: number): { bar: PageProgress; tick: (ms: number) => void; text: () => string } {
  const chunks: Buffer[] = [];
  let now = 5000;
  const bar = new PageProgress(collector(chunks), () => now, total);
  return { bar, tick: (ms) => void (now += ms), text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('PageProgress', () => {
  it('shows pages done of the total, the rate and the time left; redraws at most every 100 ms', () => {
    const { bar, tick, text } = setup(60);
    tick(4000);
    bar.update(5, 0);
    expect(text()).toBe('\rhdm: 5/60 pages, 1.3 pages/s, ETA 0:44\x1b[K');
    tick(99);
    bar.update(6, 1);
    expect(text().split('\r')).toHaveLength(2);
    tick(1);
    bar.update(6, 1);
    expect(text().endsWith('\rhdm: 6/60 pages, 1 failed, 1.5 pages/s, ETA 0:37\x1b[K')).toBe(true);
  });

  it('has no ETA before the first page, and prints notes on their own line, redrawing the bar below', () => {
    const { bar, tick, text } = setup(3);
    bar.update(0, 0);
    expect(text()).toBe('\rhdm: 0/3 pages, 0.0 pages/s, ETA --:--\x1b[K');
    tick(2000);
    bar.note('hdm: a note\n');
    expect(text()).toBe(
      '\rhdm: 0/3 pages, 0.0 pages/s, ETA --:--\x1b[K\r\x1b[Khdm: a note\n\rhdm: 0/3 pages, 0.0 pages/s, ETA --:--\x1b[K',
    );
    bar.clear();
    expect(text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes a note alone when no bar is drawn, and clear() then writes nothing', () => {
    const { bar, text } = setup(3);
    bar.note('hdm: first\n');
    bar.clear();
    expect(text()).toBe('hdm: first\n');
  });

  it('exists only for a terminal stderr', () => {
    expect(PageProgress.forTerminal(Object.assign(collector([]), { isTTY: true }), () => 0, 1)).toBeInstanceOf(
      PageProgress,
    );
    expect(PageProgress.forTerminal(collector([]), () => 0, 1)).toBeUndefined();
  });

  it.each([
    [0, '0:00'],
    [0.2, '0:01'],
    [34, '0:34'],
    [600, '10:00'],
    [3725, '1:02:05'],
  ])('clock(%d) = %s', (seconds, text) => {
    expect(clock(seconds)).toBe(text);
  });
});
