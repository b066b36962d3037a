import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../../src/cli/ProgressBar.ts';
import { collector } from './memoryIo.ts';

function setup(totalBytes?: number): { bar: ProgressBar; tick: (ms: number) => void; text: () => string } {
  const chunks: Buffer[] = [];
  let clock = 1000;
  const bar = new ProgressBar(collector(chunks), () => clock, totalBytes);
  return { bar, tick: (ms) => void (clock += ms), text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('ProgressBar', () => {
  it('redraws at most every 100 ms, with lines, rate and percentage', () => {
    const { bar, tick, text } = setup(1000);
    tick(500);
    bar.update(1500, 250);
    tick(50);
    bar.update(1600, 260);
    expect(text()).toBe('\rhdm: 1,500 lines, 3,000 lines/s, 25%\x1b[K');
    tick(60);
    bar.update(2000, 1000);
    expect(text().split('\r')).toHaveLength(3);
    bar.finish(2000, 1000);
    expect(text().endsWith('100%\x1b[K\n')).toBe(true);
  });

  it('leaves the percentage out when the size is unknown, and clear() erases the line', () => {
    const { bar, tick, text } = setup();
    tick(1000);
    bar.update(10, 99);
    expect(text()).toBe('\rhdm: 10 lines, 10 lines/s\x1b[K');
    bar.clear();
    expect(text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('exists only for a terminal stderr with stdout elsewhere', () => {
    const stream = Object.assign(collector([]), { isTTY: true });
    expect(ProgressBar.forTerminal(stream, {}, () => 0)).toBeInstanceOf(ProgressBar);
    expect(ProgressBar.forTerminal(stream, { isTTY: true }, () => 0)).toBeUndefined();
    expect(ProgressBar.forTerminal(collector([]), {}, () => 0)).toBeUndefined();
  });
});
