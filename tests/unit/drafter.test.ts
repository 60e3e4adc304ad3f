// The drafter's readers on invented sentences, without a database: dates (ranges, relative days), ordinals,
// honorifics and titles, roles, acronyms and part-of links, themes with inflections, bad input.
import { BadInputError } from '../../graph/errors';
import { datesIn, dateline, referenceDate, sentenceDates } from '../../graph/drafter/dates';
import { findDialogue, ordinalValue } from '../../graph/drafter/dialogue';
import { releaseText, MAX_DRAFT_CHARS, htmlToText } from '../../graph/drafter/input';
import { findOrganizations } from '../../graph/drafter/orgs';
import { findPeople } from '../../graph/drafter/people';
import { readText } from '../../graph/drafter/text';
import { findThemes } from '../../graph/drafter/themes';

const REF = new Date(Date.UTC(2025, 5, 14, 12)); // Saturday 14 June 2025

describe('dates', () => {
  test('a range written with "to" and one written with a dash', () => {
    const a = datesIn('They met from March 3 to March 5, 2026 in Oslo.', 0, REF)[0];
    expect([a?.start, a?.end]).toEqual(['2026-03-03', '2026-03-05']);
    const b = datesIn('Talks ran 11–13 September 2024.', 0, REF)[0];
    expect([b?.start, b?.end]).toEqual(['2024-09-11', '2024-09-13']);
  });

  test('a relative day is counted back from the reference day, and only against a known day', () => {
    const doc = readText('Officials met on Thursday in Oslo.');
    const s = doc.sentences[0];
    if (s === undefined) throw new Error('no sentence');
    const exact = sentenceDates(s, { date: REF, exact: true })[0];
    expect(exact?.start).toBe('2025-06-12');
    expect(exact?.relative).toBe(true);
    expect(sentenceDates(s, { date: REF, exact: false })).toEqual([]);
  });

  test('a dateline on the first lines gives the release date; its precision is kept', () => {
    const doc = readText('PRESS NOTE\nOslo, 14 June 2025\n\nThe ministers met.');
    expect(dateline(doc)?.start).toBe('2025-06-14');
    expect(referenceDate(readText('Nothing dated here in 2023.'), undefined)?.exact).toBe(false);
    expect(datesIn('It was a month only: May 2024.', 0, REF)[0]?.start).toBe('2024-05');
  });
});

describe('dates: ranges chrono gives in parts', () => {
  test('"Monday and Tuesday", "14 and 15 April 2026", and a dateline "CITY, Country, Feb 12 —"', () => {
    const days = datesIn('The talks were held in Oslo on Thursday and Friday.', 0, REF)[0];
    expect([days?.start, days?.end]).toEqual(['2025-06-12', '2025-06-13']);
    const pair = datesIn('They met in Rome on 14 and 15 April 2026.', 0, REF)[0];
    expect([pair?.start, pair?.end, pair?.span.text]).toEqual([
      '2026-04-14',
      '2026-04-15',
      '14 and 15 April 2026',
    ]);
    const dl = dateline(readText('Headline of the day\n\nSONGKHLA, Thailand, Feb 12 — Police met.'));
    expect(dl?.span.text).toBe('Feb 12');
  });

  test("the meeting's days are a range rather than a single day in the same sentences", () => {
    const doc = readText(
      'Norway and Chile signed a memorandum on Friday at the close of the ninth Norway–Chile Maritime Dialogue, held in Santiago from Wednesday to Friday.',
    );
    const d = findDialogue(doc, { date: REF, exact: true });
    expect([d?.date?.start, d?.date?.end]).toEqual(['2025-06-11', '2025-06-13']);
  });
});

describe('ordinals and the meeting', () => {
  test('words and figures', () => {
    expect(ordinalValue('sixth')).toBe(6);
    expect(ordinalValue('6th')).toBe(6);
    expect(ordinalValue('twenty-first')).toBe(21);
  });

  test('series, edition, city and countries of the meeting', () => {
    const doc = readText(
      'Norway and Chile held the ninth Norway–Chile Maritime Dialogue in Santiago on 2 May 2025.',
    );
    const d = findDialogue(doc, referenceDate(doc, undefined));
    expect(d?.series.value).toBe('Norway–Chile Maritime Dialogue');
    expect(d?.edition?.value).toBe(9);
    expect(d?.date?.start).toBe('2025-05-02');
    expect(d?.city?.value).toBe('Santiago');
    expect(d?.countries.map((c) => c.value)).toEqual(['NO', 'CL']);
  });
});

describe('people', () => {
  test('honorifics and ranks are dropped, titles kept as stated, roles from cues', () => {
    const doc = readText(
      'The Chilean delegation was led by Lt Gen Ana Morales Vidal, Director of Maritime Security at the Chilean Navy. ' +
        'The Norwegian side was headed by Shri Lars Eriksen, Deputy Director General. ' +
        'The delegation included Dr Ingrid Solberg, Senior Adviser.',
    );
    const people = findPeople(doc, findOrganizations(doc));
    const got = people.map((p) => [
      p.name.value,
      p.title?.value,
      p.role?.value,
      p.country?.value,
      p.organization?.value,
    ]);
    expect(got).toEqual([
      ['Ana Morales Vidal', 'Director of Maritime Security', 'head_of_delegation', 'CL', 'Chilean Navy'],
      ['Lars Eriksen', 'Deputy Director General', 'head_of_delegation', 'NO', undefined],
      ['Ingrid Solberg', 'Senior Adviser', 'delegate', undefined, undefined],
    ]);
  });

  test('co-chairs, a title before the name, and a surname-only mention merged', () => {
    const doc = readText(
      'The talks were co-chaired by Deputy Minister Ole Hansen and Chile’s Under Secretary of the Interior Rosa Diaz. Mr Hansen said more.',
    );
    const people = findPeople(doc, findOrganizations(doc));
    expect(people.map((p) => [p.name.value, p.title?.value, p.role?.value])).toEqual([
      ['Ole Hansen', 'Deputy Minister', 'co_chair'],
      ['Rosa Diaz', 'Under Secretary of the Interior', 'co_chair'],
    ]);
    expect(people[1]?.country?.value).toBe('CL');
  });
});

describe('organisations', () => {
  test('kinds, acronyms in brackets and used alone, countries, part-of from the text', () => {
    const doc = readText(
      'Officials of Chile’s Investigations Police (PDI) and the Norwegian Police Directorate met. ' +
        'The Directorate of Border Control is part of the Ministry of Justice and Public Security. The NPD hosted them.',
    );
    const orgs = findOrganizations(doc);
    const by = (n: string) => orgs.find((o) => o.name === n);
    expect(by('Investigations Police')).toMatchObject({
      kind: 'agency',
      countries: ['CL'],
      aliases: ['PDI'],
    });
    expect(by('Norwegian Police Directorate')).toMatchObject({
      kind: 'agency',
      countries: ['NO'],
      aliases: ['NPD'],
    });
    expect(by('Ministry of Justice and Public Security')?.kind).toBe('ministry');
    expect(by('Directorate of Border Control')?.partOf?.name).toBe('Ministry of Justice and Public Security');
  });
});

describe('organisations: names, kinds and countries', () => {
  const orgs = (text: string) =>
    findOrganizations(readText(text)).map((o) => [o.name, o.kind, o.countries, o.aliases]);

  test('a joint body with a subject, a formal country name, an adjective inside, a town after an academy', () => {
    expect(orgs('Chile and Peru set up a Chile–Peru Joint Working Group on Trafficking in Persons.')).toEqual(
      [['Chile–Peru Joint Working Group on Trafficking in Persons', 'working_group', ['CL', 'PE'], []]],
    );
    expect(
      orgs(
        'Staff of the Embassy of the Kingdom of the Netherlands in Jakarta, the Royal Canadian Mounted Police and the Police Academy in Szczytno met.',
      ),
    ).toEqual([
      ['Embassy of the Kingdom of the Netherlands in Jakarta', 'other', ['NL'], []],
      ['Royal Canadian Mounted Police', 'agency', ['CA'], []],
      ['Police Academy in Szczytno', 'academy', ['PL'], []],
    ]);
  });

  test('bracketed short names, a spaced dash ending a name, a trailing "of <country>" as the country', () => {
    expect(orgs('Ms Vogt of the Federal Police (Bundespolizei, BPOL) spoke.')).toEqual([
      ['Federal Police', 'agency', [], ['Bundespolizei', 'BPOL']],
    ]);
    expect(orgs('Pretoria – The South African Police Service met.')[0]?.[0]).toBe(
      'South African Police Service',
    );
    expect(orgs('The Ministry of Justice of Argentina met the Italian Ministry of Justice.')).toEqual([
      ['Ministry of Justice', 'ministry', ['AR'], ['Ministry of Justice of Argentina']],
      ['Ministry of Justice', 'ministry', ['IT'], ['Italian Ministry of Justice']],
    ]);
  });

  test('a popular name as alias, an embassy named after its host country, bodies of one name kept apart by country', () => {
    expect(
      orgs(
        'Officers of the Directorate for Priority Crime Investigation (DPCI), popularly known as the Hawks, a division of the South African Police Service, attended.',
      )[0],
    ).toEqual(['Directorate for Priority Crime Investigation', 'agency', ['ZA'], ['DPCI', 'Hawks']]);
    expect(orgs('Mr Iturralde of the Embassy of Argentina in Italy attended.')[0]?.[0]).toBe(
      'Embassy of Argentina in Italy',
    );
    expect(
      orgs(
        "The ICG reports to the Ministry of Defence, while the SLCG functions under Sri Lanka's Ministry of Defence.",
      ),
    ).toEqual([
      ['Ministry of Defence', 'ministry', [], []],
      ['Ministry of Defence', 'ministry', ['LK'], []],
    ]);
  });

  test('part-of cues give the kind they name, and a directorate under a ministry is a department', () => {
    const found = findOrganizations(
      readText(
        'The Harbour Police Force, a department of the Ministry of Home Affairs (MHA), attended. The Directorate of Port Security, which reports to the MHA, also came.',
      ),
    );
    expect(found.map((o) => [o.name, o.kind, o.partOf?.name])).toEqual([
      ['Harbour Police Force', 'department', 'Ministry of Home Affairs'],
      ['Ministry of Home Affairs', 'ministry', undefined],
      ['Directorate of Port Security', 'department', 'Ministry of Home Affairs'],
    ]);
  });
});

describe('themes', () => {
  const ids = (text: string) => findThemes(readText(text), []).map((t) => t.id);

  test('names, aliases and inflected or reordered forms', () => {
    expect(ids('They agreed to act against smugglers who exploit migrants.')).toEqual(['people-smuggling']);
    expect(ids('Both sides discussed illegal entries at the border crossings.')).toContain(
      'irregular-migration',
    );
    expect(ids('Officials reviewed counterterrorism work and cyber threats.')).toEqual([
      'counter-terrorism',
      'cybersecurity',
    ]);
  });

  test('a loose umbrella phrase gives way to the specific theme in the same sentence', () => {
    expect(ids('Migration issues, including people smuggling, were discussed.')).toEqual([
      'people-smuggling',
    ]);
  });

  test('themes named by their parts, words that count only in company, and the looser reading displaced', () => {
    expect(ids('Officers discussed the smuggling of methamphetamine tablets across the border.')).toEqual([
      'drug-trafficking',
    ]);
    expect(ids('They discussed fraudulent passports and visas used by smuggling networks.')).toEqual([
      'travel-document-fraud',
    ]);
    expect(ids('The committee reviewed the terrorist threat in the region.')).toEqual(['counter-terrorism']);
    expect(ids('They agreed to step up joint patrols along their shared border.')).toEqual([
      'border-management',
    ]);
    expect(ids('Recovered stolen vehicles will see faster repatriation.')).toEqual([]);
    expect(ids('They discussed the return of nationals with no right to remain.')).toEqual([
      'returns-and-removals',
    ]);
    expect(ids('They discussed the trafficking of synthetic drugs, in particular methamphetamine.')).toEqual([
      'synthetic-drugs',
    ]);
  });

  test('words inside an organisation name are not themes', () => {
    const doc = readText('The Counter Terrorism Centre sent a team.');
    const orgs = findOrganizations(doc);
    expect(
      findThemes(
        doc,
        orgs.flatMap((o) => o.mentions),
      ),
    ).toEqual([]);
  });
});

describe('bad input', () => {
  test('empty, binary and oversized text is refused; HTML is read as text', () => {
    expect(() => releaseText('  \n ')).toThrow(BadInputError);
    expect(() => releaseText('abc\u0000\u0001\u0002def')).toThrow(/binary/);
    expect(() => releaseText('x'.repeat(MAX_DRAFT_CHARS + 1))).toThrow(/at most/);
    expect(htmlToText('<p>One &amp; two</p><script>x()</script><p>Three</p>').trim()).toBe(
      'One & two\nThree',
    );
    expect(htmlToText('<p>Dr Annette Br&uuml;ckmann and Fran&ccedil;ois</p>').trim()).toBe(
      'Dr Annette Brückmann and François',
    );
  });
});
