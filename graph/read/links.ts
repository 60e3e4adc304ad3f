// Links and properties several object types of the field table share (fields.ts, edgeObjects.ts): countries by
// stored codes, provenance by stored source ids, documents mentioning an entity, one hop, every relation.
import type { Link } from './fields';
import { typeNames } from './params';

/** The properties every named entity reads off itself. */
export const named = {
  id: '@n.id',
  name: '@n.name',
  aliases: 'coalesce(@n.aliases, [])',
};

/** A node by a stored country code (`country: 'IN'` → `country:in`). */
export const countryBy = (code: string): Link => ({
  body: `MATCH (%n:Country {id: 'country:' + toLower(${code})})`,
  fanOut: 1,
});
/** Countries by a stored list of codes, in its order. */
export const countriesBy = (codes: string): Link => ({
  body: `UNWIND range(0, size(coalesce(${codes}, [])) - 1) AS %i MATCH (%n:Country {id: 'country:' + toLower(${codes}[%i])})`,
  order: '%i',
  fanOut: 3,
});
/** Source documents by a stored list of ids (an edge's provenance), newest first. */
export const sourcesBy = (ids: string): Link => ({
  body: `UNWIND coalesce(${ids}, []) AS %sid MATCH (%n:Source {id: %sid})`,
  order: '%n.published DESC, %n.id',
  fanOut: 3,
});
/** Documents that mention this entity, newest first. */
export const MENTIONED: Link = {
  body: 'MATCH (@n)<-[:MENTIONS]-(%n:Source)',
  order: '%n.published DESC, %n.id',
  fanOut: 10,
};
/** Every document's own word on the entity (the claim its MENTIONS link keeps), newest document first. */
export const CLAIMED: Link = {
  body: 'MATCH (@n)<-[%m:MENTIONS]-(%s:Source) WHERE %m.claim IS NOT NULL WITH %s, %m.claim AS %c',
  order: '%s.published DESC, %s.id',
  fanOut: 10,
};
/** Every document's own word on a fact edge's values (its `claims`: source id, tab, claim), newest first. */
export const claimsOf = (edge: string): Link => ({
  body: `UNWIND coalesce(${edge}.claims, []) AS %c MATCH (%s:Source {id: split(%c, '\\t')[0]})`,
  order: '%s.published DESC, %s.id',
  fanOut: 3,
});
/** One hop to nodes of a label, in name order unless told. */
export const hop = (pattern: string, order = '%n.sortKey, %n.id', fanOut = 20): Link => ({
  body: `MATCH ${pattern}`,
  order,
  fanOut,
});
/** Every relationship of the entity but alias links and merged-away ids' redirects, as seen from it. */
export const RELATIONS: Link = {
  body: `MATCH (@n)-[%r]-(%m) WHERE NOT type(%r) IN ['NAMES', 'MERGED_INTO'] AND ($types IS NULL OR type(%r) IN $types) AND %m.id IS NOT NULL
    WITH %r, %m, CASE WHEN startNode(%r) = @n THEN 'OUT' ELSE 'IN' END AS %dir`,
  order: 'type(%r), %m.sortKey, %m.id, %dir, coalesce(%r.title, "")',
  params: typeNames,
  fanOut: 30,
};
