// More of the drafter's readers on invented sentences: the venue and countries of a meeting, and people's posts,
// names and countries in the other forms releases give them.
import { findDialogue } from '../../graph/drafter/dialogue';
import { findOrganizations } from '../../graph/drafter/orgs';
import { findPeople } from '../../graph/drafter/people';
import { findThemes } from '../../graph/drafter/themes';
import { readText } from '../../graph/drafter/text';

const REF = new Date(Date.UTC(2025, 5, 14, 12)); // Saturday 14 June 2025

describe('the venue and the countries', () => {
  test('a city-state is a venue; a country of two words is counted as one', () => {
    const sg = findDialogue(
      readText(
        'The second Regional Dialogue on Transnational Crime was held in Singapore on 14 January 2026.',
      ),
      { date: REF, exact: true },
    );
    expect(sg?.city?.value).toBe('Singapore');
    const lk = findDialogue(
      readText(
        'The 7th High Level Meeting was held in New Delhi on 3–5 March 2025. Sri Lanka thanked India. Sri Lanka and Maldives.',
      ),
      { date: REF, exact: true },
    );
    expect(lk?.countries.map((c) => c.value)).toEqual(['LK', 'IN']);
  });
});

describe('people: posts and names in other forms', () => {
  const people = (text: string) => {
    const doc = readText(text);
    return findPeople(doc, findOrganizations(doc)).map((p) => [
      p.name.value,
      p.title?.value,
      p.country?.value,
      p.organization?.value,
    ]);
  };

  test('an envoy after "H.E." (country from the post, body after "on behalf of"), "Md." in a name', () => {
    expect(
      people(
        'The Ambassador of the Kingdom of Morocco to France, H.E. Samira El Ouazzani, also attended on behalf of the Ministry of Foreign Affairs.',
      ),
    ).toEqual([
      [
        'Samira El Ouazzani',
        'Ambassador of the Kingdom of Morocco to France',
        'MA',
        'Ministry of Foreign Affairs',
      ],
    ]);
    expect(
      people('The Bangladesh side was led by Senior Secretary Md. Rafiqul Haque Chowdhury.')[0]?.[0],
    ).toBe('Md. Rafiqul Haque Chowdhury');
  });

  test('posts in lower case before or after the name', () => {
    expect(
      people(
        'The delegation was led by its head, Vice Admiral Hendra Wicaksono Putra. Maarten Visscher, a counsellor at the Dutch embassy, also took part.',
      ).map((p) => p.slice(0, 2)),
    ).toEqual([
      ['Hendra Wicaksono Putra', 'Head'],
      ['Maarten Visscher', 'Counsellor'],
    ]);
  });
});

describe('organisation names that end where a person or a post begins', () => {
  const names = (text: string) => findOrganizations(readText(text)).map((o) => [o.name, o.countries]);

  test('"and" before a post or honorific ends the name; "Hellenic" is Greek', () => {
    expect(
      names(
        'The talks were co-chaired by Director Anna Lind of the Ministry of Trade and Industry and Ambassador Omar Said. The Hellenic Police attended.',
      ),
    ).toEqual([
      ['Ministry of Trade and Industry', []],
      ['Hellenic Police', ['GR']],
    ]);
  });

  test('a unit "of the" body with an organisation word of its own stays in the post; the body is listed', () => {
    const doc = readText(
      'Spain was represented by Luis Ortega, Head of the Training and Exercises Department of the Spanish Maritime Safety Agency, and by an envoy of the Kingdom of Spain.',
    );
    const orgs = findOrganizations(doc);
    expect(orgs.map((o) => o.name)).toEqual(['Spanish Maritime Safety Agency']);
    expect(findPeople(doc, orgs).map((p) => [p.name.value, p.title?.value, p.organization?.value])).toEqual([
      ['Luis Ortega', 'Head of the Training and Exercises Department', 'Spanish Maritime Safety Agency'],
    ]);
  });

  test('a country after the post is the person’s, not part of the post', () => {
    const doc = readText(
      'The meeting was led by Ambassador Karim Nasser, Deputy Minister of Foreign Affairs for Consular Affairs of the Arab Republic of Egypt.',
    );
    expect(findPeople(doc, findOrganizations(doc)).map((p) => [p.title?.value, p.country?.value])).toEqual([
      ['Deputy Minister of Foreign Affairs for Consular Affairs', 'EG'],
    ]);
  });
});

describe('a rank as the only post', () => {
  test('"Brigadier General" before the name is the title when no post is stated, not when one is', () => {
    const doc = readText(
      'The Chilean delegation also included Brigadier General Pedro Rojas of the Ministry of Defence and Vice Admiral Clara Muñoz, Director of Naval Operations.',
    );
    expect(
      findPeople(doc, findOrganizations(doc)).map((p) => [p.name.value, p.title?.value, p.role?.value]),
    ).toEqual([
      ['Pedro Rojas', 'Brigadier General', 'delegate'],
      ['Clara Muñoz', 'Director of Naval Operations', 'delegate'],
    ]);
  });
});

describe('themes named by their parts', () => {
  const themes = (text: string) =>
    findThemes(readText(text), [])
      .map((t) => t.id)
      .sort();

  test('cables and grids under threat, spills to respond to, crossings by boat, ship tracking, threat data', () => {
    expect(themes('Both sides warned of sabotage against subsea cables.')).toEqual([
      'critical-infrastructure',
    ]);
    expect(themes('They practised the containment of a chemical spill in the harbour.')).toEqual([
      'emergency-response',
    ]);
    expect(themes('The number of boat crossings rose in the summer.')).toEqual(['irregular-migration']);
    expect(themes('The navy will pass on ship-tracking records to the coastguard.')).toEqual([
      'maritime-domain-awareness',
    ]);
    expect(themes('The agencies agreed on the exchange of cyber-threat data.')).toEqual([
      'cyber-threat-intelligence',
    ]);
  });

  test('a cable or a spill alone is not a theme', () => {
    expect(themes('A new cable car was opened, and coffee was spilled.')).toEqual([]);
  });
});
