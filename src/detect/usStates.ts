/** US states, DC and territories: name -> USPS code. */
export const US_STATES: Readonly<Record<string, string>> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT',
  delaware: 'DE', 'district of columbia': 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL',
  indiana: 'IN', iowa: 'IA', kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD',
  massachusetts: 'MA', michigan: 'MI', minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT',
  nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY',
  'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA',
  'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT',
  vermont: 'VT', virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY',
  'puerto rico': 'PR', guam: 'GU', 'virgin islands': 'VI',
};

export const STATE_CODES = new Set(Object.values(US_STATES));
const titleCase = (name: string) => name.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/\bOf\b/, 'of');
/** State names as written in addresses: "New York" or "NEW YORK" (case-sensitive on purpose). */
export const STATE_NAME_PATTERN = Object.keys(US_STATES)
  .sort((a, b) => b.length - a.length)
  .flatMap((name) => [titleCase(name), name.toUpperCase()])
  .join('|');
export const STATE_CODE_PATTERN = [...STATE_CODES].join('|');
