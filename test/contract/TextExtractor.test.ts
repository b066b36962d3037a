import {
  DetectTextCommand,
  type DetectTextCommandInput,
  type DetectTextCommandOutput,
  RekognitionClient,
  type TextDetection,
} from '@aws-sdk/client-rekognition';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll } from 'vitest';
import { RekognitionTextExtractor } from '../../src/adapters/aws/RekognitionTextExtractor.ts';
import { TesseractTextExtractor } from '../../src/adapters/tesseract/TesseractTextExtractor.ts';
import type { PixelBox } from '../../src/core/Image.ts';
import {
  type ContractPage,
  contractPages,
  describeTextExtractorContract,
  type TruthWord,
} from './TextExtractor.contract.ts';

// Real tesseract.js with the offline language data: one worker, two small pages.
const tesseract = new TesseractTextExtractor({ poolSize: 1 });
afterAll(() => tesseract.close());
describeTextExtractorContract('TesseractTextExtractor', () => tesseract);

describeTextExtractorContract('RekognitionTextExtractor (recorded DetectText answers)', async () => {
  const pages = await contractPages();
  const client = new RekognitionClient({ region: 'us-east-1' });
  mockClient(client)
    .on(DetectTextCommand)
    .callsFake((input: DetectTextCommandInput): DetectTextCommandOutput => {
      const page = [pages.details, pages.blank].find((p) =>
        Buffer.from(p.image.bytes).equals(Buffer.from(input.Image?.Bytes ?? [])),
      );
      if (!page) throw new Error('no recorded DetectText answer for this image');
      return { TextDetections: detectTextAnswer(page), $metadata: {} };
    });
  return new RekognitionTextExtractor({ client });
});

/**
 * DetectText's answer for a page, in the response shape of aws-facts.md §3, from the page's true word
 * boxes: LINE items first, then WORD items whose ParentId is their line's Id; geometry in ratios of the
 * image; Confidence from 0 to 100.
 */
function detectTextAnswer({ image, words }: ContractPage): TextDetection[] {
  const lines = [...new Set(words.map((w) => w.line))];
  const geometry = (box: PixelBox): TextDetection['Geometry'] => {
    const [left, top, width, height] = [
      box.left / image.width,
      box.top / image.height,
      box.width / image.width,
      box.height / image.height,
    ];
    return {
      BoundingBox: { Left: left, Top: top, Width: width, Height: height },
      Polygon: [
        { X: left, Y: top },
        { X: left + width, Y: top },
        { X: left + width, Y: top + height },
        { X: left, Y: top + height },
      ],
    };
  };
  const lineItems = lines.map((line, id): TextDetection => {
    const own = words.filter((w) => w.line === line);
    return {
      DetectedText: own.map((w) => w.text).join(' '),
      Type: 'LINE',
      Id: id,
      Confidence: 99.2,
      Geometry: geometry(union(own)),
    };
  });
  const wordItems = words.map((w, i): TextDetection => ({
    DetectedText: w.text,
    Type: 'WORD',
    Id: lines.length + i,
    ParentId: lines.indexOf(w.line),
    Confidence: 98.7 - (i % 5),
    Geometry: geometry(w.box),
  }));
  return [...lineItems, ...wordItems];
}

function union(words: TruthWord[]): PixelBox {
  const left = Math.min(...words.map((w) => w.box.left));
  const top = Math.min(...words.map((w) => w.box.top));
  const right = Math.max(...words.map((w) => w.box.left + w.box.width));
  const bottom = Math.max(...words.map((w) => w.box.top + w.box.height));
  return { left, top, width: right - left, height: bottom - top };
}
