// Themes a release names by their parts rather than by the vocabulary's words: an object and an activity in one
// sentence ("the smuggling of methamphetamine tablets" → drug trafficking, "fraudulent passports" → travel
// document fraud, "the terrorist threat" → counter-terrorism). Each cue is a set of patterns that must all occur in
// the sentence (outside names); the evidence is the first pattern's words. Some vocabulary words count only in
// the right company ("returns" of people, not of stolen vehicles), and a cue that fits drops the looser theme
// beside it ("visas" beside "forged passports and visas").

export interface Cue {
  id: string;
  all: RegExp[];
}

const DRUGS =
  /\b(?:methamphetamine|heroin|cocaine|ketamine|cannabis|narcotics?|drugs?|opium|amphetamines?)\b/i;
const MOVING = /\b(?:smuggl\w*|traffick\w*|seiz\w*|shipments?|landed|onward transport|across)\b/i;

export const CUES: Cue[] = [
  { id: 'drug-trafficking', all: [DRUGS, MOVING] },
  {
    id: 'arms-trafficking',
    all: [
      /\b(?:firearms?|weapons?|guns?|ammunition|explosives)\b/i,
      /\b(?:smuggl\w*|traffick\w*|across|tracing)\b/i,
    ],
  },
  {
    id: 'contraband-smuggling',
    all: [/\b(?:fuel|cigarettes?|tobacco|alcohol|liquor|gold)\b/i, /\bsmuggl\w*/i],
  },
  { id: 'people-smuggling', all: [/\bsmuggl\w*/i, /\bmigrants?\b/i] },
  { id: 'human-trafficking', all: [/\btrafficked (?:workers|persons|people|women|children|victims)\b/i] },
  {
    id: 'travel-document-fraud',
    all: [
      /\b(?:forged|fake|fraudulent|counterfeit|falsified)\b/i,
      /\b(?:passports?|visas?|travel documents?|identity documents?|identity cards?)\b/i,
    ],
  },
  {
    id: 'counterfeit-currency',
    all: [/\b(?:counterfeit|fake|forged) (?:banknotes|bank notes|notes|currency|money)\b/i],
  },
  {
    id: 'counter-terrorism',
    all: [/\bterror\w*/i, /\b(?:prevent\w*|counter\w*|combat\w*|fight\w*|threats?|attacks?)\b/i],
  },
  { id: 'foreign-terrorist-fighters', all: [/\b(?:return\w* of (?:foreign )?fighters|foreign fighters)\b/i] },
  {
    id: 'cross-border-terrorism',
    all: [/\b(?:militants?|terrorists?|insurgents?)\b/i, /\bcross\w* (?:into|over|the border)\b/i],
  },
  { id: 'crypto-asset-crime', all: [/\bcrypto\w*|\bvirtual assets?\b/i] },
  { id: 'money-laundering', all: [/\blaunder\w*/i] },
  { id: 'biometrics', all: [/\bbiometric\w*/i] },
  { id: 'online-fraud', all: [/\bscams?\b/i] },
  {
    id: 'returns-and-removals',
    all: [
      /\b(?:return|readmission|repatriation|removal|deportation)s? of\b/i,
      /\b(?:nationals|migrants|citizens|no right to (?:remain|stay))\b/i,
    ],
  },
  {
    id: 'lawful-migration-pathways',
    all: [
      /\b(?:(?:legal|lawful|regular) (?:channels|routes|pathways|migration)|(?:temporary|seasonal) work)\b/i,
    ],
  },
  { id: 'prisoner-transfer', all: [/\btransfer of (?:sentenced|convicted) (?:persons|prisoners)\b/i] },
  { id: 'extradition', all: [/\bsurrender of (?:suspects|fugitives|wanted persons)\b/i] },
  { id: 'wildlife-trafficking', all: [/\b(?:rhino horn|ivory|pangolins?|wildlife)\b/i] },
  { id: 'environmental-crime', all: [/\billegal (?:dumping|fishing|logging|mining)\b/i] },
  { id: 'public-order', all: [/\b(?:large public events|mass gatherings|crowd control|public order)\b/i] },
  { id: 'border-management', all: [/\bpatrols?\b/i, /\bborders?\b/i] },
  // Information on threats (not "information on the threat of …") is threat intelligence when cyber is in view.
  {
    id: 'cyber-threat-intelligence',
    all: [/\bthreat (?:indicators?|intelligence)\b|\bcyber[- ]?threat (?:information|data)\b/i],
  },
  {
    id: 'critical-infrastructure',
    all: [
      /\b(?:undersea|submarine|subsea) cables?\b|\b(?:energy|power|electricity) grids?\b|\bpipelines\b/i,
      /\b(?:threats?|attacks?|protect\w*|sabotage|damage|risks?|resilien\w*|secur\w*)\b/i,
    ],
  },
  {
    id: 'emergency-response',
    all: [/\b(?:oil|chemical|fuel) spills?\b/i, /\b(?:respon\w*|clean-?ups?|contain\w*)\b/i],
  },
  {
    id: 'irregular-migration',
    all: [
      /\b(?:sea|boat|irregular|illegal|unauthori[sz]ed) crossings?\b|\bcrossings? by (?:sea|boat)\b|\bboat arrivals\b/i,
    ],
  },
  { id: 'electronic-evidence', all: [/\bdata held by (?:\w+ )?(?:service )?providers\b/i] },
  {
    id: 'maritime-domain-awareness',
    all: [/\b(?:vessels? of interest|vessel[- ]tracking|ship[- ]tracking|vessel movements)\b/i],
  },
  { id: 'traveller-screening', all: [/\bpassengers?\b/i, /\b(?:information|data|screening)\b/i] },
  { id: 'cargo-security', all: [/\bcargo\b/i, /\b(?:information|data|screening|security)\b/i] },
  {
    id: 'capacity-building',
    all: [
      /\btrain\w*\b/i,
      /\b(?:to|for) (?:partners|third countries|other countries|countries in the region)\b/i,
    ],
  },
];

/** Vocabulary words that name the theme only in this company in the sentence. */
export const GATES: Record<string, RegExp> = {
  'returns-and-removals':
    /\b(?:nationals|migrants|citizens|persons|people|individuals|no right to (?:remain|stay))\b/i,
};

/** Themes a cue hit leaves no room for in its sentence: the looser reading of the same words. */
export const DISPLACES: Record<string, string[]> = {
  'travel-document-fraud': ['visa-policy'],
  'people-smuggling': ['gang-crime'],
  'counter-terrorism': ['terrorism'],
  'drug-trafficking': ['illicit-drugs'],
  'maritime-domain-awareness': ['information-sharing'],
  'traveller-screening': ['information-sharing'],
  'cargo-security': ['information-sharing'],
  'cyber-threat-intelligence': ['information-sharing', 'cybersecurity'],
};

/** More specific themes that, named in the sentence, leave a cue for the general one unneeded. */
export const NARROWER: Record<string, string[]> = {
  'drug-trafficking': ['synthetic-drugs', 'fentanyl', 'precursor-chemicals'],
};
