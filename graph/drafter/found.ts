// Everything the readers found in one release, before it is laid out as a readout.
import type { FoundAgreement } from './agreements';
import type { FoundDate, Reference } from './dates';
import type { FoundDialogue } from './dialogue';
import type { DraftRecord } from './evidence';
import type { GraphAnswers } from './graphLookup';
import type { FoundOrg } from './orgs';
import type { FoundPerson } from './people';
import type { FoundSource } from './source';
import type { ReadText } from './text';
import type { FoundTheme } from './themes';

export interface DraftOptions {
  /** The release's date (yyyy, yyyy-mm or yyyy-mm-dd), when the text has no dateline. */
  published?: string | undefined;
  url?: string | undefined;
  publisher?: string | undefined;
}

export interface Found {
  doc: ReadText;
  options: DraftOptions;
  dateline?: FoundDate | undefined;
  reference?: Reference | undefined;
  dialogue: FoundDialogue;
  orgs: FoundOrg[];
  people: FoundPerson[];
  /** Named in the text with no part in the meeting: left out, with a check saying so. */
  bystanders: FoundPerson[];
  themes: FoundTheme[];
  agreements: FoundAgreement[];
  source: FoundSource;
}

export interface Assembly {
  found: Found;
  graph: GraphAnswers;
  rec: DraftRecord;
}
