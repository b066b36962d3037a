/** Check digits of identifier formats that have one; a passing check turns a guess into a near-certainty. */

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 1 && sum % 10 === 0;
}

/** NPI: 10 digits, Luhn over "80840" + the number (CMS NPI standard). */
export function npiValid(value: string): boolean {
  return /^\d{10}$/.test(value) && luhnValid(`80840${value}`);
}

/** DEA registration: 2 letters + 7 digits; (d1+d3+d5) + 2(d2+d4+d6) ends in d7. */
export function deaValid(value: string): boolean {
  const m = /^[A-Z][A-Z9](\d{7})$/i.exec(value);
  if (!m?.[1]) return false;
  const d = [...m[1]].map(Number) as [number, number, number, number, number, number, number];
  const total = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return total % 10 === d[6];
}

const VIN_VALUES: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGHJKLMNPRSTUVWXYZ'].map((ch, i) => [
    ch,
    [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9][i] ?? 0,
  ]),
);
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** VIN (ISO 3779 / 49 CFR 565): 17 characters, no I, O or Q, check digit in position 9. */
export function vinValid(value: string): boolean {
  const vin = value.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i] ?? '';
    sum += (/\d/.test(ch) ? Number(ch) : (VIN_VALUES[ch] ?? 0)) * (VIN_WEIGHTS[i] ?? 0);
  }
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  return vin[8] === check;
}

/** SSN: area 001-899 except 666, group 01-99, serial 0001-9999 (SSA rules). */
export function ssnValid(value: string): boolean {
  const m = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(value);
  if (!m) return false;
  const [, area = '', group = '', serial = ''] = m;
  return area !== '000' && area !== '666' && area < '900' && group !== '00' && serial !== '0000';
}
