// Readout format v1: the zod schema is the single definition; the JSON Schema in docs/ is generated from it.
import { z } from 'zod';
import { AGREEMENT_KINDS, ORG_KINDS, ROLES, SOURCE_KINDS } from '../model';
import { isValidPartialDate, PARTIAL_DATE_PATTERN } from '../dates';

const text = (max: number, what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'required' : `expected text for ${what}`) })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is longer than ${max} characters`);

export const DATE_HINT = 'expected a date as yyyy, yyyy-mm or yyyy-mm-dd';
// YAML reads a bare year (`start: 2024`) as a number: accept it as the year it obviously is. The calendar check
// only runs on well-formed strings, so a malformed date gets one message, not two.
const partialDate = z
  .union(
    [
      z.string().regex(PARTIAL_DATE_PATTERN, DATE_HINT),
      z
        .number({ error: DATE_HINT })
        .int(DATE_HINT)
        .min(1000, DATE_HINT)
        .max(9999, DATE_HINT)
        .transform(String),
    ],
    { error: DATE_HINT },
  )
  .refine((s) => typeof s !== 'string' || !PARTIAL_DATE_PATTERN.test(s) || isValidPartialDate(s), {
    error: (issue) => `${String(issue.input)} is not a real calendar date`,
  })
  .describe('A date of year, month or day precision: yyyy, yyyy-mm or yyyy-mm-dd.');

const countryCode = z
  .string({ error: 'expected an ISO 3166-1 alpha-2 country code such as IN, GB or US' })
  .regex(
    /^[A-Z]{2}$/,
    'expected an ISO 3166-1 alpha-2 country code (two capital letters) such as IN, GB or US',
  )
  .describe('ISO 3166-1 alpha-2 code, upper case (the United Kingdom is GB).');

const nameList = (what: string) => z.array(text(300, what)).max(100);

export const SourceSchema = z.strictObject({
  id: z
    .string()
    .regex(/^source:[a-z0-9][a-z0-9-]{0,199}$/, 'expected an id such as source:mha-press-release-2024-03-01')
    .optional()
    .describe(
      'A stable id for a document without a URL (source: then lower-case letters, digits and hyphens). ' +
        'It identifies the document: a later readout with the same id revises it.',
    ),
  title: text(500, 'source.title').describe('Title of the document (its headline, or a descriptive title).'),
  publisher: text(300, 'source.publisher').describe('Who published the document.'),
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .max(2000)
    .optional()
    .describe('Where the document lives; when present it identifies the document.'),
  published: partialDate.describe('When the document was published.'),
  kind: z.enum(SOURCE_KINDS).describe('What kind of document this is.'),
});

export const DialogueSchema = z.strictObject({
  name: text(300, 'dialogue.name').describe(
    'Name of this meeting (edition), e.g. "6th India–UK Home Affairs Dialogue".',
  ),
  aliases: nameList('alias')
    .optional()
    .describe('Other names of this meeting, e.g. the series name used loosely.'),
  series: text(300, 'dialogue.series')
    .optional()
    .describe('The recurring series this meeting is an edition of.'),
  edition: z.number().int().positive().max(10000).optional().describe('Edition number within the series.'),
  start: partialDate.describe('First day of the meeting.'),
  end: partialDate.optional().describe('Last day of the meeting; not before start.'),
  city: text(200, 'dialogue.city').optional().describe('City where it was held.'),
  host: countryCode.optional().describe('Host country; one of `countries`.'),
  countries: z.array(countryCode).min(2, 'a dialogue needs at least two countries').max(60),
  workingGroups: nameList('working group name')
    .optional()
    .describe('Working groups whose work the dialogue took up, by name or alias.'),
  summary: text(4000, 'dialogue.summary').optional().describe('A short summary in your own words.'),
});

export const OrganizationSchema = z.strictObject({
  name: text(300, 'organization name'),
  country: countryCode
    .optional()
    .describe(
      'Country the organisation belongs to; leave out country and countries for an international body.',
    ),
  countries: z
    .array(countryCode)
    .min(2, 'countries needs at least two codes; use country for a body of one country')
    .max(60)
    .optional()
    .describe('Instead of country, for bodies of several countries (e.g. a joint working group).'),
  kind: z.enum(ORG_KINDS),
  aliases: nameList('alias').optional().describe('Other names and abbreviations, e.g. MHA.'),
  partOf: text(300, 'partOf').optional().describe('Parent organisation, by name or alias.'),
});

export const PersonSchema = z.strictObject({
  name: text(200, 'person name'),
  country: countryCode.describe('The country the person represents.'),
  title: text(300, 'title').describe('Post title exactly as stated in the source.'),
  organization: text(300, 'organization').describe('Organisation of the post, by name or alias.'),
  role: z.enum(ROLES).describe('Role at this dialogue.'),
  aliases: nameList('alias').optional(),
  onBehalfOf: text(300, 'onBehalfOf')
    .optional()
    .describe('Organisation represented; defaults to `organization`.'),
  from: partialDate.optional().describe('When the post began, if the source says.'),
  to: partialDate.optional().describe('When the post ended, if the source says.'),
});

export const ThemeObjectSchema = z.strictObject({
  name: text(200, 'theme name').describe('A theme name or alias from data/themes.yaml.'),
  note: text(2000, 'theme note').optional().describe('What was said about the theme, in your own words.'),
});

export const THEME_REF_HINT = 'expected a theme name, or an object with name and optional note';
export const ThemeRefSchema = z.union([text(200, 'theme'), ThemeObjectSchema], { error: THEME_REF_HINT });

export const AgreementSchema = z.strictObject({
  name: text(500, 'agreement name'),
  kind: z.enum(AGREEMENT_KINDS),
  signed: partialDate.optional().describe('Signing date.'),
  parties: nameList('party').min(2, 'an agreement needs at least two parties'),
  themes: nameList('theme').optional(),
  summary: text(4000, 'agreement summary').optional(),
});

export const ReadoutSchema = z
  .strictObject({
    format: z.literal('readout/v1', { error: 'expected "readout/v1"' }),
    source: SourceSchema,
    dialogue: DialogueSchema,
    organizations: z.array(OrganizationSchema).max(1000).default([]),
    people: z.array(PersonSchema).max(1000).default([]),
    themes: z.array(ThemeRefSchema).max(500).default([]),
    agreements: z.array(AgreementSchema).max(200).default([]),
  })
  .describe('One readout: a source document describing one dialogue.');

export type Readout = z.infer<typeof ReadoutSchema>;

/** The fields each kind of object accepts, keyed by the first segment of its path ('' for the top level). */
export const READOUT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(ReadoutSchema.shape),
  source: Object.keys(SourceSchema.shape),
  dialogue: Object.keys(DialogueSchema.shape),
  organizations: Object.keys(OrganizationSchema.shape),
  people: Object.keys(PersonSchema.shape),
  themes: Object.keys(ThemeObjectSchema.shape),
  agreements: Object.keys(AgreementSchema.shape),
};
export type ReadoutOrganization = z.infer<typeof OrganizationSchema>;
export type ReadoutPerson = z.infer<typeof PersonSchema>;

/** JSON Schema (draft 2020-12) for editors; generated from the zod schema so the two cannot drift. */
export function readoutJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReadoutSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://bilateral-security-graph.invalid/readout-v1.schema.json',
    title: 'Readout v1',
  };
}
