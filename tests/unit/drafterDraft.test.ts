// The drafter end to end on invented releases, without a database: what the readers found, put together —
// organisation countries from the text around them, agreement parties and dates, who took part and as what.
import { draftReadout } from '../../graph/drafter/draft';

describe('organisations: countries from the text around them', () => {
  test('countries from the side a sentence is about, a country after the name, and the publisher', async () => {
    const { readout } = await draftReadout(
      undefined,
      'The fourth Chile–Peru Police Dialogue was held in Lima on 12 June 2025. On the Chilean side, officials of the Carabineros Service took part. The Ministry of Public Security (MPS) of Peru also attended. The Interior Department hosted.',
      { published: '2025-06-14', publisher: 'Interior Department (Chile)' },
    );
    expect(readout.organizations).toEqual([
      { name: 'Carabineros Service', country: 'CL', kind: 'agency' },
      { name: 'Ministry of Public Security', country: 'PE', kind: 'ministry', aliases: ['MPS'] },
      { name: 'Interior Department', country: 'CL', kind: 'department' },
    ]);
  });
});

describe('agreements: parties and dates', () => {
  const agreements = async (text: string) =>
    (
      await draftReadout(
        undefined,
        `The fourth Chile–Peru Police Dialogue was held in Lima on 12 June 2025. ${text}`,
        {
          published: '2025-06-14',
        },
      )
    ).readout.agreements;

  test('the subject before "signed", leaving out a body named only as a parent; "to be signed" is not signed', async () => {
    expect(
      await agreements(
        'At the close of the meeting, the Investigations Police of Chile, which reports to the Ministry of the Interior of Chile, and the National Police of Peru signed a Memorandum of Understanding. The two sides agreed on an arrangement to be signed at the next session.',
      ),
    ).toMatchObject([
      {
        kind: 'mou',
        signed: '2025-06-12',
        parties: ['Investigations Police of Chile', 'National Police of Peru'],
      },
    ]);
  });

  test('"the two ministries" are the one ministry of each country; "At the Dialogue" dates it to the meeting', async () => {
    expect(
      await agreements(
        'The Ministry of Justice of Chile and the Ministry of Justice of Peru attended. The two ministries signed a Memorandum of Understanding on extradition.',
      ),
    ).toMatchObject([{ parties: ['Ministry of Justice of Chile', 'Ministry of Justice of Peru'] }]);
    expect(
      await agreements(
        'At the Dialogue, the Chilean Police Service and the Peruvian Police Service signed a Memorandum of Understanding on Cooperation.',
      ),
    ).toMatchObject([
      { signed: '2025-06-12', parties: ['Chilean Police Service', 'Peruvian Police Service'] },
    ]);
  });
});

describe('people: who took part, and as what', () => {
  test('represented by, joining for a side, a rank before a post, a title not a person, the merely quoted', async () => {
    const { readout } = await draftReadout(
      undefined,
      'The fourth Chile–Peru Police Dialogue was held in Lima on 12 June 2025. Peru was also represented by Ms Ana Lopes Silva, Director of Intelligence at the Peruvian Police Service. On the Chilean side, Mr Pedro Rojas Diaz, Head of Training of the Chilean Police Service, joined the talks. The minister, Mr Luis Perez Soto, said the talks went well. The delegation included Superintendent Kim Min-jun, Police Attaché at the Chilean Police Service, and Mr Tomas Vidal Ruiz, Head of International Training Programmes, Chilean Police Service.',
      { published: '2025-06-14' },
    );
    const people = Array.isArray(readout.people) ? (readout.people as Record<string, unknown>[]) : [];
    expect(people.map((p) => [p.name, p.title, p.role])).toEqual([
      ['Ana Lopes Silva', 'Director of Intelligence', 'delegate'],
      ['Pedro Rojas Diaz', 'Head of Training', 'delegate'],
      ['Kim Min-jun', 'Police Attaché', 'delegate'],
      ['Tomas Vidal Ruiz', 'Head of International Training Programmes', 'delegate'],
    ]);
  });
});

describe('posts that name a unit, and bodies named with "General"', () => {
  test('a unit inside a post stays there and is not listed; a post after "the Ministry\'s"', async () => {
    const { readout } = await draftReadout(
      undefined,
      "The fourth Chile–Peru Police Dialogue was held in Lima on 12 June 2025. It was co-chaired by Lt Gen Ana Rojas Vidal, Deputy Director General of the Police General Department, Ministry of Public Security (MPS) of Peru, and Mr Jorge Soto Diaz, Director of International Cooperation at the Directorate General for National Security (DGSN). The Chilean delegation also included Dr Valeria Quiroga Achával, the Ministry's National Director of International Legal Cooperation.",
      { published: '2025-06-14' },
    );
    const names = (v: unknown) => (Array.isArray(v) ? v.map((x: Record<string, unknown>) => x.name) : []);
    expect(names(readout.organizations)).toEqual([
      'Ministry of Public Security',
      'Directorate General for National Security',
    ]);
    const people = Array.isArray(readout.people) ? (readout.people as Record<string, unknown>[]) : [];
    expect(people.map((p) => [p.title, p.organization])).toEqual([
      ['Deputy Director General of the Police General Department', 'Ministry of Public Security'],
      ['Director of International Cooperation', 'Directorate General for National Security'],
      ['National Director of International Legal Cooperation', undefined],
    ]);
  });
});

describe('people the text names but gives no part in the meeting', () => {
  test('are left out of the draft, with a check naming them and where', async () => {
    const text =
      'The fourth Chile–Peru Police Dialogue was held in Lima on 12 June 2025. The Chilean delegation was led by Ms Ana Rojas, Director of International Affairs at the Carabineros Service. A message from Minister Jorge Salas of Peru was read out.';
    const draft = await draftReadout(undefined, text, { published: '2025-06-14' });
    const names = JSON.stringify(draft.readout.people);
    expect(names).toContain('"name":"Ana Rojas"');
    expect(names).not.toContain('Jorge Salas');
    expect(draft.checks).toContainEqual(
      expect.stringMatching(/^people: Jorge Salas \(1:\d+\) is named but given no part in the meeting/),
    );
    expect(draft.yaml).toMatch(/# check: Jorge Salas \(1:\d+\) is named but given no part/);
  });
});

describe('the dateline', () => {
  test('the agency a wire dateline credits publishes the copy and is not a body at the meeting', async () => {
    const { readout } = await draftReadout(
      undefined,
      'LIMA, June 13 (Andes Press Service) – The fourth Chile–Peru Police Dialogue was held in Lima on Thursday. The National Police of Peru hosted.',
      { published: '2025-06-13' },
    );
    expect(readout.source).toMatchObject({ publisher: 'Andes Press Service' });
    expect(readout.organizations).toEqual([expect.objectContaining({ name: 'National Police of Peru' })]);
  });
});

describe('agreements: signatories the organisation readers miss', () => {
  const draft = async (text: string) =>
    (
      await draftReadout(
        undefined,
        `The fourth Chile–Peru Police Dialogue was held in Lima on 12 June 2025. ${text}`,
        {
          published: '2025-06-14',
        },
      )
    ).readout;

  test('coined names with a hyphen or inner capitals that sign are bodies; a country code inside gives the country', async () => {
    const r = await draft('CSIRT-CL and PeruSec signed a letter of intent on 12 June 2025.');
    expect(r.organizations).toEqual([
      expect.objectContaining({ name: 'CSIRT-CL', country: 'CL', kind: 'other' }),
      expect.objectContaining({ name: 'PeruSec', country: 'PE', kind: 'other' }),
    ]);
    expect(r.agreements).toMatchObject([{ parties: ['CSIRT-CL', 'PeruSec'], signed: '2025-06-12' }]);
  });

  test('"the two sides signed": the bodies of the two heads of delegation, on the meeting’s day', async () => {
    const r = await draft(
      'The Chilean delegation was led by Ana Soto, Director of the Investigations Police of Chile. The Peruvian delegation was led by Jorge Quispe, Director of the National Police of Peru. The two sides signed a Memorandum of Understanding on training.',
    );
    expect(r.agreements).toMatchObject([
      {
        kind: 'mou',
        signed: '2025-06-12',
        parties: ['Investigations Police of Chile', 'National Police of Peru'],
      },
    ]);
  });
});

describe('agreement names', () => {
  test('"and" inside the subject stays in the name; "and" before a verb ends it; a declaration keeps its word', async () => {
    const { readout } = await draftReadout(
      undefined,
      'The fourth Chile–Peru Police Dialogue was held in Lima on 12 June 2025. On 12 June the two police forces signed a Joint Declaration on cybercrime and online fraud. They also signed a Memorandum of Understanding on border security and agreed to meet again.',
      { published: '2025-06-14' },
    );
    expect(readout.agreements).toMatchObject([
      { name: 'Joint Declaration on cybercrime and online fraud', kind: 'joint_statement' },
      { name: 'Memorandum of Understanding on border security', kind: 'mou' },
    ]);
  });
});
