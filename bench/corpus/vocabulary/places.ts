/** Synthetic place pools: cities, states, streets, countries, and parts to invent hospital, ward and employer names. */

const w = (s: string): string[] => s.split(/\s+/u).filter(Boolean);
const p = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

export const US_STATES: readonly (readonly [abbr: string, name: string])[] = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
];

/** [city, state abbreviation]. */
export const US_CITIES: readonly (readonly [string, string])[] = p(
  'Boston,MA|Cambridge,MA|Worcester,MA|Springfield,MA|Lowell,MA|Quincy,MA|Brockton,MA|Framingham,MA|Revere,MA|Chelsea,MA|Somerville,MA|Malden,MA|Lynn,MA|New Bedford,MA|Fall River,MA|Providence,RI|Pawtucket,RI|Hartford,CT|New Haven,CT|Stamford,CT|Manchester,NH|Nashua,NH|Portland,ME|Bangor,ME|Burlington,VT|New York,NY|Brooklyn,NY|Bronx,NY|Yonkers,NY|Buffalo,NY|Rochester,NY|Albany,NY|Syracuse,NY|Newark,NJ|Jersey City,NJ|Paterson,NJ|Trenton,NJ|Philadelphia,PA|Pittsburgh,PA|Allentown,PA|Scranton,PA|Baltimore,MD|Silver Spring,MD|Wilmington,DE|Richmond,VA|Norfolk,VA|Charlotte,NC|Raleigh,NC|Durham,NC|Charleston,SC|Atlanta,GA|Savannah,GA|Macon,GA|Miami,FL|Tampa,FL|Orlando,FL|Jacksonville,FL|Hialeah,FL|Nashville,TN|Memphis,TN|Knoxville,TN|Louisville,KY|Lexington,KY|Birmingham,AL|Mobile,AL|Jackson,MS|New Orleans,LA|Baton Rouge,LA|Houston,TX|Dallas,TX|San Antonio,TX|Austin,TX|El Paso,TX|Laredo,TX|Lubbock,TX|Oklahoma City,OK|Tulsa,OK|Little Rock,AR|Chicago,IL|Peoria,IL|Joliet,IL|Detroit,MI|Flint,MI|Grand Rapids,MI|Lansing,MI|Cleveland,OH|Columbus,OH|Cincinnati,OH|Toledo,OH|Dayton,OH|Akron,OH|Indianapolis,IN|Gary,IN|Fort Wayne,IN|Milwaukee,WI|Madison,WI|Green Bay,WI|Minneapolis,MN|Saint Paul,MN|Duluth,MN|Des Moines,IA|Cedar Rapids,IA|Omaha,NE|Lincoln,NE|Kansas City,MO|St. Louis,MO|Wichita,KS|Fargo,ND|Sioux Falls,SD|Denver,CO|Aurora,CO|Pueblo,CO|Salt Lake City,UT|Provo,UT|Phoenix,AZ|Tucson,AZ|Mesa,AZ|Albuquerque,NM|Santa Fe,NM|Las Vegas,NV|Reno,NV|Boise,ID|Billings,MT|Cheyenne,WY|Los Angeles,CA|San Diego,CA|San Jose,CA|San Francisco,CA|Fresno,CA|Sacramento,CA|Oakland,CA|Long Beach,CA|Bakersfield,CA|Stockton,CA|Riverside,CA|Santa Ana,CA|Portland,OR|Eugene,OR|Salem,OR|Seattle,WA|Spokane,WA|Tacoma,WA|Anchorage,AK|Honolulu,HI|Hilo,HI|Paris,TX|Florence,AL|Marion,OH|Hope,AR|Independence,MO|Liberty,MO|Eureka,CA|Normal,IL|Clinton,IA|Warren,MI|Chester,PA|Reading,PA|Mercy,PA|Temple,TX|Orange,CA|Bishop,CA|Jasper,AL|Lafayette,LA',
).map((entry) => {
  const [city, state] = entry.split(',');
  return [city as string, state as string] as const;
});

/** [city, region or postcode pattern, country]: for international addresses and "lives in" mentions. */
export const WORLD_CITIES: readonly (readonly [string, string])[] = p(
  'London,United Kingdom|Manchester,United Kingdom|Leeds,United Kingdom|Glasgow,Scotland|Edinburgh,Scotland|Cardiff,Wales|Belfast,Northern Ireland|Dublin,Ireland|Cork,Ireland|Galway,Ireland|Toronto,Canada|Montreal,Canada|Vancouver,Canada|Halifax,Canada|Sydney,Australia|Melbourne,Australia|Auckland,New Zealand|Lagos,Nigeria|Abuja,Nigeria|Accra,Ghana|Kumasi,Ghana|Nairobi,Kenya|Addis Ababa,Ethiopia|Dakar,Senegal|Johannesburg,South Africa|Cairo,Egypt|Beirut,Lebanon|Amman,Jordan|Riyadh,Saudi Arabia|Dubai,United Arab Emirates|Karachi,Pakistan|Lahore,Pakistan|Mumbai,India|Delhi,India|Chennai,India|Bangalore,India|Hyderabad,India|Kolkata,India|Dhaka,Bangladesh|Colombo,Sri Lanka|Kathmandu,Nepal|Beijing,China|Shanghai,China|Guangzhou,China|Hong Kong,China|Taipei,Taiwan|Seoul,South Korea|Busan,South Korea|Tokyo,Japan|Osaka,Japan|Hanoi,Vietnam|Ho Chi Minh City,Vietnam|Manila,Philippines|Cebu,Philippines|Mexico City,Mexico|Guadalajara,Mexico|Monterrey,Mexico|San Juan,Puerto Rico|Ponce,Puerto Rico|Santo Domingo,Dominican Republic|Port-au-Prince,Haiti|Kingston,Jamaica|Havana,Cuba|Bogotá,Colombia|Medellín,Colombia|Lima,Peru|Quito,Ecuador|San Salvador,El Salvador|Guatemala City,Guatemala|Tegucigalpa,Honduras|São Paulo,Brazil|Rio de Janeiro,Brazil|Buenos Aires,Argentina|Lisbon,Portugal|Porto,Portugal|Madrid,Spain|Barcelona,Spain|Rome,Italy|Naples,Italy|Milan,Italy|Athens,Greece|Berlin,Germany|Munich,Germany|Hamburg,Germany|Paris,France|Lyon,France|Amsterdam,Netherlands|Rotterdam,Netherlands|Stockholm,Sweden|Oslo,Norway|Copenhagen,Denmark|Warsaw,Poland|Kraków,Poland|Kyiv,Ukraine|Lviv,Ukraine|Moscow,Russia|Belgrade,Serbia|Prague,Czech Republic|Budapest,Hungary|Tel Aviv,Israel|Jerusalem,Israel|Istanbul,Turkey|Tehran,Iran|Baghdad,Iraq|Kabul,Afghanistan|Mogadishu,Somalia|Praia,Cape Verde',
).map((entry) => {
  const [city, country] = entry.split(',');
  return [city as string, country as string] as const;
});

export const STREET_NAMES: readonly string[] = w(
  'Oak Maple Pine Elm Cedar Birch Walnut Chestnut Willow Spruce Main Washington Lincoln Jefferson Madison Adams Franklin Hamilton Jackson Monroe Park Lake Hill River Spring Church School Mill Water Bridge Market High Center Union Pleasant Highland Prospect Summit Meadow Forest Sunset Ridge Valley Harbor Bay Ocean Beacon Commonwealth Tremont Boylston Dorchester Huntington Massachusetts Broadway Atlantic Pacific Front Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Elm Holly Magnolia Dogwood Juniper Hawthorne Sycamore Poplar Aspen Locust Hickory Laurel Orchard Vineyard Garden Grove Crescent Fairview Belmont Clifton Kensington Wellington Winthrop Revere Hancock Quincy Bowdoin Putnam Warren Greene Knox Wayne Morningside Lexington Concord Salem Albany Canal Dock Depot Railroad Mission Alameda Rosewood Cherry Peach Apple Plum Linden',
);

export const STREET_SUFFIXES: readonly (readonly [string, number])[] = [
  ['St', 10],
  ['Street', 8],
  ['Ave', 8],
  ['Avenue', 5],
  ['Rd', 6],
  ['Road', 4],
  ['Blvd', 3],
  ['Boulevard', 1],
  ['Ln', 3],
  ['Lane', 3],
  ['Dr', 4],
  ['Drive', 4],
  ['Ct', 2],
  ['Court', 2],
  ['Way', 3],
  ['Pl', 2],
  ['Place', 2],
  ['Terrace', 2],
  ['Ter', 1],
  ['Circle', 2],
  ['Hwy', 1],
  ['Pkwy', 1],
  ['Sq', 1],
  ['Trail', 1],
  ['Row', 1],
];

export const COUNTRIES: readonly string[] = p(
  'United States|USA|Canada|Mexico|Guatemala|Honduras|El Salvador|Dominican Republic|Haiti|Jamaica|Cuba|Puerto Rico|Colombia|Venezuela|Brazil|Peru|Ecuador|Argentina|Chile|United Kingdom|England|Ireland|Portugal|Spain|France|Italy|Germany|Poland|Ukraine|Russia|Greece|Albania|Bosnia|Turkey|Israel|Lebanon|Syria|Jordan|Iraq|Iran|Afghanistan|Pakistan|India|Bangladesh|Nepal|Sri Lanka|China|Taiwan|Japan|South Korea|Vietnam|Cambodia|Laos|Thailand|Philippines|Indonesia|Nigeria|Ghana|Kenya|Ethiopia|Eritrea|Somalia|Sudan|Egypt|Morocco|Senegal|Cape Verde|Liberia|Sierra Leone|Uganda|Congo|Zimbabwe|South Africa|Australia|New Zealand|Samoa|Tonga',
);

/** Saints and names for "St. X's" hospitals. */
export const SAINTS: readonly string[] = w(
  'Brigid Mary Joseph Luke Elizabeth Vincent Anne Francis Jude Catherine Michael Patrick Agnes Raphael Clare Margaret Anthony Peter Teresa John Barnabas Dominic Bernard Columba Gerard Camillus',
);

export const PLACE_WORDS: readonly string[] = w(
  'Riverside Lakeside Hillcrest Oakview Maplewood Brookside Fairhaven Pinecrest Cedarbrook Willowbrook Meadowbrook Greenfield Springfield Westfield Northgate Southshore Bayview Harborview Seaside Sunnyvale Clearwater Stonebridge Ashford Briarwood Elmwood Glenwood Highland Lakewood Parkside Rosedale Woodland Crestview Evergreen Golden Valley Silverlake Bridgewater Kingsbridge Whitestone Blackstone Redwood Hawthorne Millbrook Cobblestone',
);

export const HOSPITAL_TYPES: readonly string[] = p(
  "Medical Center|Hospital|General Hospital|Memorial Hospital|Regional Medical Center|Community Hospital|University Hospital|Health Center|Infirmary|Medical Centre|Children's Hospital|Cancer Center|Heart Institute",
);

export const FACILITY_TYPES: readonly string[] = p(
  'Nursing Home|Rehab|Rehabilitation Center|Rehabilitation Hospital|Skilled Nursing Facility|Nursing and Rehabilitation Center|Care Center|Assisted Living|Senior Living|Manor|Hospice House|Healthcare Center|Long Term Care|Health Care Center',
);

export const CLINIC_TYPES: readonly string[] = p(
  "Family Health Center|Community Health Center|Primary Care|Internal Medicine Associates|Cardiology Associates|Pulmonary Associates|Medical Group|Family Practice|Urgent Care|Dialysis Center|Oncology Clinic|Wound Clinic|Pain Management Center|Neurology Group|Orthopedic Associates|Women's Health|Pediatrics|Endocrine Clinic|Kidney Center|Infusion Center",
);

/** Words that make employer names ("Harbor Freight Logistics"). */
export const COMPANY_WORDS: readonly string[] = w(
  'Acme Summit Pioneer Liberty Atlas Granite Keystone Patriot Eagle Beacon Anchor Heritage Horizon Apex Vanguard Frontier Crown Sterling Coastal Metro Northern Empire Allied Premier United Superior Reliable Quality Bluewater Ironside Redline',
);
export const COMPANY_KINDS: readonly string[] = p(
  'Logistics|Construction|Plumbing|Roofing|Auto Body|Landscaping|Bakery|Diner|Trucking|Manufacturing|Paper Mill|Steel|Electric|Insurance|Bank|Credit Union|Realty|Dry Cleaners|Hardware|Packaging|Textiles|Fisheries|Dairy|Farms|Public Schools|Transit Authority|Post Office|Fire Department|Police Department|Motors|Foods|Pharmacy|Airlines|Shipyard|Casino|Hotel',
);

export const WARD_DIRECTIONS: readonly string[] = w('North South East West');
