import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { resolveMaskOptions } from '../../../src/core/MaskOptions.ts';
import { parseMaskOptions } from '../../../src/core/parseMaskOptions.ts';

describe('maskCareUnits in the mask options', () => {
  it('defaults to false, for masking and in the record', () => {
    for (const input of [undefined, null, {}, { maskCareUnits: null }]) {
      const { mask, recorded } = parseMaskOptions(input);
      expect(mask.maskCareUnits).toBe(false);
      expect(recorded.maskCareUnits).toBe(false);
    }
    expect(resolveMaskOptions().maskCareUnits).toBe(false);
  });

  it('carries true through to masking and the record', () => {
    const { mask, recorded } = parseMaskOptions({ maskCareUnits: true });
    expect(mask.maskCareUnits).toBe(true);
    expect(recorded.maskCareUnits).toBe(true);
    expect(resolveMaskOptions({ maskCareUnits: true }).maskCareUnits).toBe(true);
  });

  const notBooleans: [string, unknown][] = [
    ['a string', 'yes'],
    ['a number', 1],
    ['a list', [true]],
  ];
  it.each(notBooleans)('refuses %s with INVALID_INPUT, naming the option and not the value', (_, value) => {
    const maskCareUnits = value as boolean;
    for (const parse of [() => parseMaskOptions({ maskCareUnits }), () => resolveMaskOptions({ maskCareUnits })]) {
      let error: unknown;
      try {
        parse();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'options.maskCareUnits must be true or false' });
    }
  });
});
