// Word lists the drafter reads text with: country names, their adjectives and short forms, the head words of
// organisation names and post titles, honorifics and ranks. General English usage, not tied to any one release.
import countriesFile from '../../data/countries.json';
import { normalizeText } from '../normalize';

/** Adjectives and short forms a release uses for a country besides its name in data/countries.json. */
const COUNTRY_FORMS: Record<string, string[]> = {
  US: ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'American', 'United States of America'],
  GB: [
    'UK',
    'U.K.',
    'Britain',
    'Great Britain',
    'British',
    'United Kingdom of Great Britain and Northern Ireland',
  ],
  IN: ['Indian', 'Bharat'],
  AU: ['Australian'],
  JP: ['Japanese'],
  CN: ['Chinese', 'PRC'],
  FR: ['French'],
  DE: ['German'],
  IT: ['Italian'],
  ES: ['Spanish'],
  CA: ['Canadian'],
  NZ: ['New Zealander', 'Kiwi'],
  SG: ['Singaporean', 'Singaporean'],
  ID: ['Indonesian'],
  MY: ['Malaysian'],
  TH: ['Thai'],
  VN: ['Vietnamese', 'Viet Nam'],
  PH: ['Filipino', 'Philippine'],
  KR: ['South Korea', 'Korean', 'Republic of Korea', 'ROK'],
  PK: ['Pakistani'],
  BD: ['Bangladeshi'],
  LK: ['Sri Lankan'],
  NP: ['Nepali', 'Nepalese'],
  AE: ['UAE', 'Emirati'],
  SA: ['Saudi', 'Saudi Arabian'],
  EG: ['Egyptian'],
  CL: ['Chilean'],
  CO: ['Colombian'],
  PE: ['Peruvian'],
  VE: ['Venezuelan'],
  EC: ['Ecuadorian'],
  BO: ['Bolivian'],
  UY: ['Uruguayan'],
  PY: ['Paraguayan'],
  CU: ['Cuban'],
  JM: ['Jamaican'],
  GH: ['Ghanaian'],
  ET: ['Ethiopian'],
  TZ: ['Tanzanian'],
  UG: ['Ugandan'],
  RW: ['Rwandan'],
  SN: ['Senegalese'],
  DZ: ['Algerian'],
  TN: ['Tunisian'],
  LY: ['Libyan'],
  IQ: ['Iraqi'],
  IR: ['Iranian'],
  AF: ['Afghan'],
  UZ: ['Uzbek'],
  KZ: ['Kazakh'],
  MN: ['Mongolian'],
  CZ: ['Czech'],
  SK: ['Slovak'],
  HU: ['Hungarian'],
  RO: ['Romanian'],
  BG: ['Bulgarian'],
  RS: ['Serbian'],
  HR: ['Croatian'],
  SI: ['Slovenian'],
  EE: ['Estonian'],
  LV: ['Latvian'],
  LT: ['Lithuanian'],
  IS: ['Icelandic'],
  MT: ['Maltese'],
  CY: ['Cypriot'],
  GE: ['Georgian'],
  AM: ['Armenian'],
  AZ: ['Azerbaijani'],
  MZ: ['Mozambican'],
  ZM: ['Zambian'],
  ZW: ['Zimbabwean'],
  NA: ['Namibian'],
  AO: ['Angolan'],
  CM: ['Cameroonian'],
  TW: ['Taiwanese'],
  KE: ['Kenyan'],
  NG: ['Nigerian'],
  ZA: ['South African'],
  BR: ['Brazilian'],
  MX: ['Mexican'],
  AR: ['Argentine', 'Argentinian'],
  NL: ['Dutch', 'Netherlands'],
  BE: ['Belgian'],
  PL: ['Polish'],
  SE: ['Swedish'],
  NO: ['Norwegian'],
  DK: ['Danish'],
  FI: ['Finnish'],
  IE: ['Irish'],
  PT: ['Portuguese'],
  GR: ['Greek', 'Hellenic'],
  TR: ['Turkish', 'Türkiye', 'Turkiye'],
  IL: ['Israeli'],
  RU: ['Russian'],
  UA: ['Ukrainian'],
  CH: ['Swiss'],
  AT: ['Austrian'],
  MA: ['Moroccan'],
  QA: ['Qatari'],
  OM: ['Omani'],
  KW: ['Kuwaiti'],
  BH: ['Bahraini'],
  JO: ['Jordanian'],
  MV: ['Maldivian'],
  BT: ['Bhutanese'],
  MM: ['Myanmar', 'Burmese'],
  KH: ['Cambodian'],
  LA: ['Lao', 'Laotian'],
  FJ: ['Fijian'],
  PG: ['Papua New Guinean'],
};

const COUNTRY_BY_WORD = new Map<string, string>();
for (const c of countriesFile.countries) COUNTRY_BY_WORD.set(normalizeText(c.name), c.code);
for (const [code, forms] of Object.entries(COUNTRY_FORMS)) {
  for (const f of forms) COUNTRY_BY_WORD.set(normalizeText(f), code);
}
// "in" and "us" are everyday words: only their capitalised, dotted or upper-case forms are countries (see below).
COUNTRY_BY_WORD.delete('in');

/** A country's formal style around its short name: "Kingdom of the Netherlands", "Argentine Republic". (Not
 *  "Democratic Republic of …": that names another country than the short name does.) */
const STATE_FORM =
  /^(?:the\s+)?(?:(?:federal|islamic|socialist|united|arab|people['’]s)\s+)*(?:republic|kingdom|state|sultanate|principality|commonwealth)\s+of\s+(?:the\s+)?|\s+republic$/giu;

/** The country code a word or phrase names ("India", "Indian", "India's", "U.S.", "UK"), if any. */
export function countryCode(phrase: string): string | undefined {
  const bare = phrase.replace(/['’]s$/u, '').trim();
  if (bare === '' || !/^\p{Lu}/u.test(bare)) return undefined;
  if (normalizeText(bare) === 'us' && bare !== 'US' && bare !== 'U.S.') return undefined;
  const code = COUNTRY_BY_WORD.get(normalizeText(bare));
  if (code !== undefined || !/\s/.test(bare)) return code;
  const short = bare.replace(STATE_FORM, '');
  return short !== bare && short !== '' ? COUNTRY_BY_WORD.get(normalizeText(short)) : undefined;
}

/** Last words of organisation names, and the kind of body each suggests. */
export const ORG_HEADS: Record<string, 'ministry' | 'department' | 'agency' | 'academy' | 'other'> = {
  ministry: 'ministry',
  office: 'ministry',
  department: 'department',
  agency: 'agency',
  bureau: 'agency',
  service: 'agency',
  services: 'agency',
  police: 'agency',
  directorate: 'agency',
  administration: 'agency',
  authority: 'agency',
  force: 'agency',
  guard: 'agency',
  centre: 'agency',
  center: 'agency',
  centres: 'agency',
  centers: 'agency',
  command: 'agency',
  navy: 'agency',
  army: 'agency',
  coastguard: 'agency',
  gendarmerie: 'agency',
  commission: 'other',
  council: 'other',
  secretariat: 'ministry',
  embassy: 'other',
  headquarters: 'agency',
  division: 'department',
  academy: 'academy',
  institute: 'academy',
  college: 'academy',
  school: 'academy',
  university: 'academy',
};

/** Words whose first place in a name says it is a ministry or department ("Ministry of …"). */
export const ORG_LEADS = new Set([
  'ministry',
  'department',
  'office',
  'bureau',
  'directorate',
  'secretariat',
  'embassy',
  'agency',
  'commission',
  'council',
]);

/** Last words of joint bodies between governments. */
export const GROUP_HEADS =
  /\b(working group|joint group|task force|steering committee|joint committee|committee|sub-?group)(?:\s+(?:on|for)\s.+)?$/i;

/** Words that end a post title. */
export const TITLE_HEADS = new Set(
  (
    'secretary minister director director-general commissioner ambassador official officer chair chairman ' +
    'chairperson chairwoman president head adviser advisor counsellor counselor general chief inspector ' +
    'superintendent attorney administrator deputy envoy consul representative coordinator controller ' +
    'undersecretary registrar commander commandant marshal admiral governor spokesperson lead manager ' +
    'analyst attache specialist expert investigator prosecutor'
  ).split(' '),
);

/** Honorifics and ranks that precede a name but are not part of it (readout names leave them out). */
export const HONORIFICS = new Set(
  (
    'mr mrs ms miss mx dr prof professor shri sri smt shrimati kumari sir dame lord lady hon honble ' +
    'honourable honorable excellency his her h.e. h.e he lt gen maj brig col cdr capt adm lieutenant major ' +
    'brigadier colonel captain sgt air vice rear pol insp datuk dato datin tun haji hajjah sheikh'
  ).split(' '),
);

/** Words that are capitalised in running text without being names. */
export const NOT_NAME = new Set(
  (
    'the a an this that these those he she it they we our their his her its and or but on in at of for to by ' +
    'with from january february march april may june july august september october november december monday ' +
    'tuesday wednesday thursday friday saturday sunday photo share media release statement press'
  ).split(' '),
);
