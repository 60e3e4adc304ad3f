// Edge-row types of the field table: objects that stand for one relationship (a post, an attendance, a party to an
// agreement, a theme discussed, a relation seen from an entity) or a pair of people, bound to the variables their
// parent's link leaves (`r` the relationship, and what else it names).
import type { ObjectSpec } from './fields';
import { claimsOf, countryBy, sourcesBy } from './links';

export const EDGE_OBJECTS: Record<string, ObjectSpec> = {
  // One document's claim `c` (the text the write path keeps) from the document `s`: on an entity or a fact edge.
  Claim: {
    props: {
      name: { expr: '@c', decode: 'claimName' },
      names: { expr: '@c', decode: 'claimNames' },
      values: { expr: '@c', decode: 'claimValues' },
    },
    links: { source: { body: 'WITH @s AS %n', fanOut: 1 } },
  },
  Position: {
    props: {
      title: '@r.title',
      from: '@r.from',
      to: '@r.to',
      attestedFrom: '@r.attestedFrom',
      attestedTo: '@r.attestedTo',
    },
    links: {
      person: { body: 'WITH startNode(@r) AS %n', fanOut: 1 },
      organization: { body: 'WITH @o AS %n', fanOut: 1 },
      sources: sourcesBy('@r.sources'),
      claims: claimsOf('@r'),
    },
  },
  Attendance: {
    props: { role: '@r.role', title: '@r.title' },
    links: {
      person: { body: 'WITH startNode(@r) AS %n', fanOut: 1 },
      dialogue: { body: 'WITH endNode(@r) AS %n', fanOut: 1 },
      onBehalfOf: { body: 'MATCH (%n:Organization {id: @r.onBehalfOf})', fanOut: 1 },
      country: countryBy('@r.country'),
      sources: sourcesBy('@r.sources'),
      claims: claimsOf('@r'),
    },
  },
  Counterpart: {
    props: {},
    links: {
      person: { body: 'WITH @q AS %n', fanOut: 1 },
      dialogues: { body: 'UNWIND @ds AS %n', order: '%n.startKey DESC, %n.id', fanOut: 5 },
      // Either side's attendance sources at the shared dialogues, each document once.
      sources: {
        body: `CALL (@me, @q, @ds) {
            UNWIND @ds AS %d MATCH (%p:Person)-[%r:ATTENDED]->(%d) WHERE %p = @q OR %p = @me
            UNWIND coalesce(%r.sources, []) AS %sid RETURN DISTINCT %sid
          }
          MATCH (%n:Source {id: %sid})`,
        order: '%n.published DESC, %n.id',
        fanOut: 3,
      },
    },
  },
  DiscussedTheme: {
    props: { notes: 'coalesce(@r.notes, [])' },
    links: {
      theme: { body: 'WITH @t AS %n', fanOut: 1 },
      sources: sourcesBy('@r.sources'),
    },
  },
  AgreementParty: {
    props: {},
    links: {
      organization: { body: 'WITH @o AS %n', fanOut: 1 },
      sources: sourcesBy('@r.sources'),
    },
  },
  Relation: {
    props: {
      type: 'type(@r)',
      direction: '@dir',
      properties: { expr: 'properties(@r)', decode: 'withoutSources' },
    },
    links: {
      node: { body: 'WITH @m AS %n', fanOut: 1 },
      sources: sourcesBy('@r.sources'),
    },
  },
};
