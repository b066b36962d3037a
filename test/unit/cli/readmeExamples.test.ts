import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskText } from '../../../src/core/maskText.ts';
import { LocalPhiDetector } from '../../../src/detect/LocalPhiDetector.ts';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const detector = new LocalPhiDetector();

// The README promises "this is the real output": keep the quick-start blocks true to the code.
describe('README quick start', () => {
  it.each(['examples/icu-note.txt', 'examples/discharge-summary.txt'])('shows the real masked output of %s', (file) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    const { maskedText } = maskText(text, detector.detectSync(text), { minScore: 0.5 });
    expect(readme).toContain(`\`\`\`\n${maskedText.trimEnd()}\n\`\`\``);
  });
});
