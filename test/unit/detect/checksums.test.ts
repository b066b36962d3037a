import { describe, expect, it } from 'vitest';
import { deaValid, luhnValid, npiValid, ssnValid, vinValid } from '../../../src/detect/checksums.ts';

describe('checksums', () => {
  it('validates Luhn numbers', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('validates NPIs with the 80840 prefix (CMS example 1234567893)', () => {
    expect(npiValid('1234567893')).toBe(true);
    expect(npiValid('1234567890')).toBe(false);
    expect(npiValid('123456789')).toBe(false);
  });

  it('validates DEA numbers', () => {
    // 1+3+5 + 2*(2+4+6) = 33 -> check digit 3
    expect(deaValid('AB1234563')).toBe(true);
    expect(deaValid('AB1234567')).toBe(false);
  });

  it('validates VIN check digits', () => {
    expect(vinValid('1M8GDM9AXKP042788')).toBe(true);
    expect(vinValid('1M8GDM9A1KP042788')).toBe(false);
    expect(vinValid('1M8GDM9AXKP04278I')).toBe(false);
  });

  it('applies the SSA rules to SSNs', () => {
    expect(ssnValid('123-45-6789')).toBe(true);
    expect(ssnValid('000-45-6789')).toBe(false);
    expect(ssnValid('666-45-6789')).toBe(false);
    expect(ssnValid('912-45-6789')).toBe(false);
    expect(ssnValid('123-00-6789')).toBe(false);
    expect(ssnValid('123-45-0000')).toBe(false);
  });
});
