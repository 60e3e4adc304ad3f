// The drafter against the real graph: entities already there are matched (aliases honoured), drafting never
// writes, and a drafted seed text loads with the real loader once a person has written its summary and notes.
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { draftReadout } from '../../graph/drafter/draft';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { resetGraph, seed, snapshot, testExecutor } from '../helpers/graph';

// The seed texts sit beside the checkout; SEEDS_DIR names them when the checkout is elsewhere (a git worktree).
const SEEDS = process.env.SEEDS_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const seedText = (readout: string) => {
  const yaml = fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'readouts', readout), 'utf8');
  const file = /Written from seed \S*?([^/\s]+\.txt)/.exec(yaml)?.[1] ?? '';
  return fs.readFileSync(path.join(SEEDS, file), 'utf8');
};

// An invented release: "MHA" alone names India's Ministry of Home Affairs, which the seed graph holds.
const RELEASE = `New Delhi, 12 May 2025

The third India–Norway Border Dialogue was held in New Delhi on Monday. The Indian delegation was led by Shri
Vivek Rao, Joint Secretary at the MHA. The Norwegian side was headed by Kari Lunde, Director General of the
Norwegian Police Directorate. They discussed drug trafficking and the smugglers who exploit migrants.`;

/** What the person does before loading: write the summary and the notes the draft leaves empty. */
function fillOwnWords(yaml: string): string {
  const r = parse(yaml) as Record<string, unknown>;
  const own = 'Written by the reviewer in their own words.';
  const dialogue = r.dialogue as Record<string, unknown>;
  dialogue.summary = own;
  r.themes = (r.themes as Record<string, unknown>[] | undefined)?.map((t) => ({ ...t, note: own }));
  r.agreements = (r.agreements as Record<string, unknown>[] | undefined)?.map((a) => ({
    ...a,
    summary: own,
  }));
  return stringify(r);
}

let executor: GraphExecutor;
beforeAll(() => {
  executor = testExecutor();
});
afterAll(() => executor.close());

describe('on the seed graph', () => {
  beforeAll(async () => {
    await resetGraph(executor);
    await seed(executor);
  });

  test('"MHA" is matched to the Ministry of Home Affairs, and the draft says what is new', async () => {
    const d = await draftReadout(executor, RELEASE);
    const orgs = (d.readout.organizations as { name: string; country?: string }[]).map((o) => o.name);
    expect(orgs).toContain('Ministry of Home Affairs');
    const mha = d.matches.find((m) => m.name === 'Ministry of Home Affairs');
    expect(mha).toMatchObject({ nodeId: 'org:in:ministry-of-home-affairs', isNew: false });
    expect(d.matches.find((m) => m.name === 'Kari Lunde')?.isNew).toBe(true);
    const vivek = (d.readout.people as Record<string, unknown>[]).find((p) => p.name === 'Vivek Rao');
    expect(vivek).toMatchObject({
      country: 'IN',
      title: 'Joint Secretary',
      organization: 'Ministry of Home Affairs',
      role: 'head_of_delegation',
    });
    expect(d.yaml).toMatch(/^# yaml-language-server: \$schema=/);
  });

  test('drafting never writes: the graph checksum is unchanged', async () => {
    const before = await snapshot(executor);
    await draftReadout(executor, RELEASE);
    await draftReadout(executor, seedText('us-india-homeland-security-dialogue-2024.yaml'));
    await expect(draftReadout(executor, 'No meeting is described here at all.')).rejects.toThrow(
      /No dialogue/,
    );
    expect(await snapshot(executor)).toEqual(before);
  });
});

describe('the seed texts, drafted into a clean graph', () => {
  beforeAll(() => resetGraph(executor));

  test('the India–UK report loads once summary and notes are written', async () => {
    const d = await draftReadout(executor, seedText('india-uk-home-affairs-dialogue-6.yaml'));
    expect(d.issues.every((i) => /summary|note/.test(i.path))).toBe(true);
    const report = await ingestReadouts(executor, [{ file: 'draft', text: fillOwnWords(d.yaml) }]);
    expect(report.readouts[0]?.dialogueId).toBe('dialogue:6th-india-uk-home-affairs-dialogue');
    const rows = await executor.read(
      `MATCH (p:Person {id: 'person:rajendra-kumar'})-[h:HOLDS_POST]->(o:Organization)
       MATCH (d:Dialogue {id: 'dialogue:6th-india-uk-home-affairs-dialogue'})
       RETURN h.title AS title, o.id AS org, d.startDate AS start, d.city AS city`,
    );
    expect(rows).toEqual([
      {
        title: 'Secretary for Border Management',
        org: 'org:in:ministry-of-home-affairs',
        start: '2026-02-27',
        city: 'New Delhi',
      },
    ]);
  });

  test('the U.S.–India report then loads too (the Home Secretary placed through the graph)', async () => {
    const d = await draftReadout(executor, seedText('us-india-homeland-security-dialogue-2024.yaml'));
    expect(d.issues.every((i) => /summary|note/.test(i.path))).toBe(true);
    await ingestReadouts(executor, [{ file: 'draft', text: fillOwnWords(d.yaml) }]);
    const rows = await executor.read(
      `MATCH (a:Agreement)<-[:PARTY_TO]-(o:Organization) WITH a, o ORDER BY o.id
       RETURN a.kind AS kind, a.signedOn AS signed, collect(DISTINCT o.id) AS parties`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'moc',
      parties: ['org:in:national-police-academy', 'org:us:federal-law-enforcement-training-centers'],
    });
  });
});
