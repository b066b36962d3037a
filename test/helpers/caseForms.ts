/**
 * Case forms real ICU notes use: the note as written (Title or sentence case, first letter capitalised),
 * ALL CAPS and all lower case. Turns one example into one test row per form.
 */
export type CaseForm = 'title' | 'upper' | 'lower';

export const ALL_FORMS: readonly CaseForm[] = ['title', 'upper', 'lower'];

/** [text as written, phrase inside it, forms to test (default: all three)]. */
export type Example = readonly [text: string, phrase: string, forms?: readonly CaseForm[]];

/** `text` in one case form; the title form only capitalises the first letter of the text. */
export function inForm(text: string, form: CaseForm): string {
  if (form === 'upper') return text.toUpperCase();
  if (form === 'lower') return text.toLowerCase();
  return text.replace(/[a-z]/i, (c) => c.toUpperCase());
}

/**
 * One row `[form, text, phrase]` per example and case form, the phrase cased like the text around it.
 * Rows whose text repeats an earlier form of the same example (digits-only lines, initials) are dropped.
 */
export function caseForms(examples: readonly Example[]): [CaseForm, string, string][] {
  const rows: [CaseForm, string, string][] = [];
  for (const [text, phrase, forms = ALL_FORMS] of examples) {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`test bug: ${JSON.stringify(phrase)} not in ${JSON.stringify(text)}`);
    const seen = new Set<string>();
    for (const form of forms) {
      const cased = inForm(text, form);
      if (cased.length !== text.length)
        throw new Error(`test bug: casing changed the length of ${JSON.stringify(text)}`);
      if (seen.has(cased)) continue;
      seen.add(cased);
      rows.push([form, cased, cased.slice(start, start + phrase.length)]);
    }
  }
  return rows;
}
