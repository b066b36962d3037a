import { configDefaults, defineConfig } from 'vitest/config';

// Three projects that together hold every test file exactly once: `npm test` runs them all,
// `npm run test:unit` only `unit`, the loop to run while changing code (no server, browser, CDK bundle or
// OCR of whole pages; well under a minute on two cores).
const UNIT = ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'];
/** Unit tests too slow for the fast loop: their durations on two cores, alone and beside other test files. */
const SLOW_UNIT = [
  // OCR of whole rendered pages with tesseract.js: 45 s.
  'test/unit/adapters/tesseract/TesseractTextExtractor.test.ts',
  // Renders benchmark pages (every layout, noise and rotation): 7 to 15 s.
  'test/unit/bench/images/generatePage.test.ts',
  // Detects over a whole JSONL corpus through the CLI: 4 to 10 s.
  'test/unit/cli/detectJsonl.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The AWS SDK warns in every process that its 2027 releases need Node 22; the README says so once.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, exclude: [...configDefaults.exclude, ...SLOW_UNIT] } },
      { extends: true, test: { name: 'slow-unit', include: SLOW_UNIT } },
      // The local server over HTTP and WebSocket, the CLI as a process, CDK synth and bundles, Chromium.
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...UNIT] },
      },
    ],
  },
});
