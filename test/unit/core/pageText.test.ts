import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OcrWord, Point } from '../../../src/core/Image.ts';
import { boundsOf, buildPageText, padPolygon, wordsInSpan } from '../../../src/core/pageText.ts';

const word = (text: string, left: number, top: number, lineId: string, blockId = 'b'): OcrWord => {
  const box = { left, top, width: text.length * 10, height: 20 };
  return {
    text,
    confidence: 0.9,
    box,
    polygon: [
      { x: left, y: top },
      { x: left + box.width, y: top },
      { x: left + box.width, y: top + 20 },
      { x: left, y: top + 20 },
    ],
    lineId,
    blockId,
  };
};

describe('buildPageText', () => {
  it('writes each word once, lines and blocks as breaks, wide gaps as column breaks except after a label', () => {
    const words = [
      word('Ann', 0, 0, 'l1'),
      word('Lee', 40, 0, 'l1'),
      word('Tel:', 400, 0, 'l1'),
      word('555-0143', 600, 0, 'l1'),
      word('Seen', 0, 30, 'l2'),
      word('today', 0, 100, 'l3', 'b2'),
    ];
    const page = buildPageText(words);
    expect(page.text).toBe('Ann Lee | Tel: 555-0143\nSeen\n\ntoday');
    words.forEach((w, i) =>
      expect(page.text.slice(page.starts[i], (page.starts[i] ?? 0) + w.text.length)).toBe(w.text),
    );
    // A span across a line break covers the words on both lines.
    expect(wordsInSpan(page, words, page.text.indexOf('555'), page.text.indexOf('Seen') + 2)).toEqual([3, 4]);
    expect(wordsInSpan(page, words, 1, 2)).toEqual([0]);
  });

  it('keeps a title with the name after it across a gap where an initial was not read', () => {
    const words = [
      word('Prescriber:', 0, 0, 'l1'),
      word('Dr.', 120, 0, 'l1'),
      word('Ward', 200, 0, 'l1'),
      word('DOB:', 500, 0, 'l1'),
    ];
    expect(buildPageText(words).text).toBe('Prescriber: Dr. Ward | DOB:');
    // "Dr" after a street name ends the street; the gap after it is a column break.
    const street = [
      word('160', 0, 0, 'l1'),
      word('Holly', 40, 0, 'l1'),
      word('Dr', 100, 0, 'l1'),
      word('June', 160, 0, 'l1'),
    ];
    expect(buildPageText(street).text).toBe('160 Holly Dr | June');
  });
});

describe('buildPageText on lines the engine read as one', () => {
  it('splits a line made of two printed lines (a skewed form read across its columns) back into them', () => {
    // "Ordering: Dr. Zawadi Powell" over "Collected: December 20, 2018", words interleaved in one engine line.
    const mixed = [
      word('Ordering:', 0, 100, 'l1'),
      word('Collected:', 0, 124, 'l1'),
      word('Dr.', 110, 100, 'l1'),
      word('December', 120, 124, 'l1'),
      word('Zawadi', 150, 100, 'l1'),
      word('20,', 210, 124, 'l1'),
      word('Powell', 220, 100, 'l1'),
      word('2018', 250, 124, 'l1'),
    ];
    const page = buildPageText(mixed);
    expect(page.text).toBe('Ordering: Dr. Zawadi Powell\nCollected: December 20, 2018');
    mixed.forEach((w, i) =>
      expect(page.text.slice(page.starts[i], (page.starts[i] ?? 0) + w.text.length)).toBe(w.text),
    );
  });

  it('keeps a line printed up the page whole (a page scanned sideways, read turned)', () => {
    const up = (text: string, top: number): OcrWord => {
      const w = word(text, 100, top, 'l1');
      const box = { left: 100, top, width: 20, height: text.length * 10 };
      return {
        ...w,
        box,
        polygon: [
          { x: 100, y: top },
          { x: 120, y: top },
          { x: 120, y: top + box.height },
          { x: 100, y: top + box.height },
        ],
      };
    };
    // Read turned, the line's words come top to bottom (boxes in the page as given).
    const words = [up('Referred', 0), up('by', 90), up('Kang', 120), up('Hospital', 170)];
    expect(buildPageText(words).text).toBe('Referred by Kang Hospital');
  });

  it('keeps one line whole on a skewed page, where its words climb steadily', () => {
    // Rising 1 px every 20 px (about 3°), as the polygons of its long words say.
    const rising = (text: string, left: number): OcrWord => {
      const w = word(text, left, 100 - left / 20, 'l1');
      return {
        ...w,
        polygon: [
          { x: left, y: w.box.top },
          { x: left + w.box.width, y: w.box.top - w.box.width / 20 },
          { x: left + w.box.width, y: w.box.top + 20 - w.box.width / 20 },
          { x: left, y: w.box.top + 20 },
        ],
      };
    };
    let left = 0;
    const words = ['Referred', 'by', 'Dr.', 'Castro', 'of', 'Kang', 'Hospital', 'yesterday', 'morning', 'again'].map(
      (t) => {
        const w = rising(t, left);
        left += t.length * 10 + 12;
        return w;
      },
    );
    expect(buildPageText(words).text).toBe('Referred by Dr. Castro of Kang Hospital yesterday morning again');
  });
});

describe('buildPageText on wrapped prose', () => {
  it('joins a line of prose wrapped onto the next with a space, and keeps short lines and sentence ends apart', () => {
    const row = (texts: string[], top: number, lineId: string): OcrWord[] => {
      let left = 0;
      return texts.map((t) => {
        const w = word(t, left, top, lineId);
        left += t.length * 10 + 10;
        return w;
      });
    };
    const words = [
      ...row(['Referred', 'by', 'Dr.', 'Mutasa', 'of', 'Oklahoma', 'City', 'Internal', 'Medicine'], 0, 'l1'),
      ...row(['Associates.', 'Diverticulitis', 'was', 'considered', 'but', 'felt', 'less', 'likely.'], 25, 'l2'),
      ...row(['Hospital', 'course'], 50, 'l3'),
      ...row(['Repeat', 'labs', 'this', 'morning:', 'INR', '1.5.'], 75, 'l4'),
    ];
    expect(buildPageText(words).text).toBe(
      'Referred by Dr. Mutasa of Oklahoma City Internal Medicine Associates. Diverticulitis was considered but felt less likely.\nHospital course\nRepeat labs this morning: INR 1.5.',
    );
  });
});

describe('buildPageText on ruled tables', () => {
  it('writes a first-column label cell without a colon as a label of the next cell', () => {
    const words = [
      word('Date', 0, 0, 'l1'),
      word('of', 50, 0, 'l1'),
      word('birth', 80, 0, 'l1'),
      word('October', 400, 0, 'l1'),
      word('23,', 480, 0, 'l1'),
      word('1950', 520, 0, 'l1'),
      word('Age', 0, 30, 'l2'),
      word('74', 400, 30, 'l2'),
      word('Sodium', 0, 60, 'l3'),
      word('140', 400, 60, 'l3'),
      word('mmol/L', 600, 60, 'l3'),
    ];
    expect(buildPageText(words).text).toBe('Date of birth: October 23, 1950\nAge: 74\nSodium: 140 | mmol/L');
  });

  it('writes a row of labels over a row of values as label: value pairs, every word once', () => {
    const caption = (text: string, left: number): OcrWord => ({
      ...word(text, left, 0, 'l1'),
      box: { left, top: 0, width: text.length * 10, height: 14 },
    });
    const words = [
      caption('Last', 0),
      caption('name', 50),
      caption('Age', 400),
      word('Desai', 0, 25, 'l2'),
      word('57', 400, 25, 'l2'),
      word('Seen', 0, 80, 'l3'),
      word('today', 50, 80, 'l3'),
    ];
    const page = buildPageText(words);
    expect(page.text).toBe('Last name: Desai | Age: 57\nSeen today');
    words.forEach((w, i) =>
      expect(page.text.slice(page.starts[i], (page.starts[i] ?? 0) + w.text.length)).toBe(w.text),
    );
    expect(wordsInSpan(page, words, page.text.indexOf('57'), page.text.indexOf('57') + 2)).toEqual([4]);
  });

  it('tells captions by the height of their capitals, not by boxes that hang below the line ("City" over "Fargo")', () => {
    const sized = (text: string, left: number, top: number, height: number, lineId: string): OcrWord => ({
      ...word(text, left, top, lineId),
      box: { left, top, width: text.length * 10, height },
    });
    // Caption type 13 px, value type 16 px; "City" and "Fargo" hang below the line and their boxes say nothing.
    const words = [
      sized('City', 0, 0, 31, 'l1'),
      sized('State', 400, 10, 13, 'l1'),
      sized('/', 460, 10, 15, 'l1'),
      sized('ZIP', 475, 10, 13, 'l1'),
      sized('Fargo', 0, 40, 21, 'l2'),
      sized('ND', 400, 40, 16, 'l2'),
      sized('07040', 440, 40, 16, 'l2'),
    ];
    expect(buildPageText(words).text).toBe('City: Fargo | State / ZIP: ND 07040');
  });

  it('does not pair the rows of a table, rows that are not under each other, or rows that do not line up', () => {
    const table = [
      word('Last', 0, 0, 'l1'),
      word('name', 50, 0, 'l1'),
      word('Lee', 400, 0, 'l1'),
      word('First', 0, 25, 'l2'),
      word('name', 60, 25, 'l2'),
      word('Ann', 400, 25, 'l2'),
    ];
    expect(buildPageText(table).text).toBe('Last name: Lee\nFirst name: Ann');
    const far = [word('Last:', 0, 0, 'l1'), word('name', 60, 0, 'l1'), word('Desai', 0, 90, 'l2')];
    expect(buildPageText(far).text).toBe('Last: name\nDesai');
    const shifted = [
      word('Age', 0, 0, 'l1'),
      word('Sex', 400, 0, 'l1'),
      word('57', 200, 25, 'l2'),
      word('F', 700, 25, 'l2'),
    ];
    expect(buildPageText(shifted).text).toBe('Age | Sex\n57 | F');
  });

  it('does not take a lone two-cell line for a label and its value (a title and a heading, a name and a place)', () => {
    const title = [
      word('Lutheran', 0, 0, 'l1'),
      word('Hospital', 90, 0, 'l1'),
      word('Discharge', 600, 0, 'l1'),
      word('Summary', 700, 0, 'l1'),
      word('Patient:', 0, 30, 'l2'),
      word('WOOD,', 90, 30, 'l2'),
      word('ANDREA', 150, 30, 'l2'),
    ];
    expect(buildPageText(title).text).toBe('Lutheran Hospital | Discharge Summary\nPatient: WOOD, ANDREA');
    // Two label-like first cells, but not in one column: no table.
    const apart = [
      word('Meera', 0, 0, 'l1'),
      word('Rahman', 60, 0, 'l1'),
      word('Mercy', 600, 0, 'l1'),
      word('Chest', 300, 30, 'l2'),
      word('AP', 360, 30, 'l2'),
      word('Portable', 900, 30, 'l2'),
    ];
    expect(buildPageText(apart).text).toBe('Meera Rahman | Mercy\nChest AP | Portable');
  });

  it('keeps a column break after a cell with digits, a long cell, or before a cell that is a label', () => {
    const words = [
      word('502', 0, 0, 'l1'),
      word('Garden', 40, 0, 'l1'),
      word('Fax', 400, 0, 'l1'),
      word('Please', 0, 30, 'l2'),
      word('call', 70, 30, 'l2'),
      word('us', 120, 30, 'l2'),
      word('any', 150, 30, 'l2'),
      word('time', 190, 30, 'l2'),
      word('Ward', 400, 30, 'l2'),
    ];
    expect(buildPageText(words).text).toBe('502 Garden | Fax\nPlease call us any time | Ward');
  });
});

describe('padPolygon', () => {
  it('grows every side of a wide word by the padding, not only its corners', () => {
    const padded = boundsOf(padPolygon(word('Ogunleye', 100, 100, 'l').polygon, 2, 1000, 1000));
    expect(padded).toEqual({ left: 98, top: 98, width: 84, height: 24 });
  });

  it('keeps a rotated word rotated and contains the original outline, clamped to the image', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: 10, max: 300 }),
        fc.integer({ min: 8, max: 40 }),
        fc.integer({ min: 0, max: 4 }),
        (deg, w, h, pad) => {
          const angle = (deg * Math.PI) / 180;
          const at = (x: number, y: number): Point => ({
            x: 500 + x * Math.cos(angle) - y * Math.sin(angle),
            y: 500 + x * Math.sin(angle) + y * Math.cos(angle),
          });
          const polygon = [at(0, 0), at(w, 0), at(w, h), at(0, h)];
          const grown = padPolygon(polygon, pad, 2000, 2000);
          // Each original corner lies inside the grown outline (all cross products on one side).
          for (const p of polygon) {
            const sides = grown.map((a, i) => {
              const b = grown[(i + 1) % grown.length] as Point;
              return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
            });
            expect(sides.every((s) => s >= -1e-6) || sides.every((s) => s <= 1e-6)).toBe(true);
          }
          const edge = Math.hypot(
            (grown[1] as Point).x - (grown[0] as Point).x,
            (grown[1] as Point).y - (grown[0] as Point).y,
          );
          expect(edge).toBeCloseTo(w + 2 * pad, 6);
        },
      ),
    );
    const clamped = padPolygon(word('Ann', 0, 0, 'l').polygon, 5, 20, 15);
    expect(clamped.every((p) => p.x >= 0 && p.x <= 20 && p.y >= 0 && p.y <= 15)).toBe(true);
  });
});

describe('buildPageText: tokens OCR splits', () => {
  const at = (text: string, left: number, width: number): OcrWord => {
    const box = { left, top: 0, width, height: 20 };
    return {
      text,
      confidence: 0.9,
      box,
      polygon: [
        { x: left, y: 0 },
        { x: left + width, y: 0 },
        { x: left + width, y: 20 },
        { x: left, y: 20 },
      ],
      lineId: 'l',
      blockId: 'b',
    };
  };

  it('joins the touching pieces of an e-mail address, a link and an ID, and a span over them covers every piece', () => {
    const words = [
      at('Mail', 0, 40),
      at('jo.lee', 50, 60),
      at('@', 111, 10),
      at('mail.org', 122, 70),
      at('MRN', 210, 30),
      at('A12-', 250, 40),
      at('3456', 291, 40),
    ];
    const page = buildPageText(words);
    expect(page.text).toBe('Mail jo.lee@mail.org MRN A12-3456');
    const start = page.text.indexOf('jo.lee');
    expect(wordsInSpan(page, words, start, start + 'jo.lee@mail.org'.length)).toEqual([1, 2, 3]);
  });

  it('keeps a space between words a space apart, even after a period ("Dr. Lee")', () => {
    const words = [at('Dr.', 0, 30), at('Lee', 38, 30), at('-', 76, 8), at('seen', 92, 40)];
    expect(buildPageText(words).text).toBe('Dr. Lee - seen');
  });
});

describe('buildPageText: a label at the end of its line', () => {
  it('joins the label to the value on the next line of the same block, so the label cues the value', () => {
    const words = [
      word('Occupation:', 0, 0, 'l1'),
      word('Welder', 0, 30, 'l2'),
      word('Seen', 0, 60, 'l3'),
      word('Notes:', 0, 200, 'l4', 'b2'),
      word('none', 0, 300, 'l5', 'b3'),
    ];
    expect(buildPageText(words).text).toBe('Occupation: Welder\nSeen\n\nNotes:\n\nnone');
  });
});
