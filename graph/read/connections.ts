// The connection types of the paginated lists (PersonConnection, PersonEdge… and PageInfo), the same for every
// list: the root (root.ts) binds `page` to the page's [node, order key, tie-break] items, one more than asked for
// so that `hasNextPage` needs no second query, `first` to the page size and `total` to a count expression.
import type { ObjectSpec } from './fields';

const LISTED = ['Person', 'Organization', 'Dialogue', 'Agreement', 'Theme', 'Change'] as const;

const onPage = 'UNWIND @page[0..@first] AS %x';

const CONNECTION: ObjectSpec = {
  props: { totalCount: '@total' },
  links: {
    nodes: { body: `${onPage} WITH %x[0] AS %n`, fanOut: 1, limit: undefined },
    edges: { body: onPage, fanOut: 1 },
    pageInfo: { body: 'WITH @page AS %page, @first AS %first', fanOut: 1 },
  },
};

const EDGE: ObjectSpec = {
  props: { cursor: { expr: '[@x[1], @x[2]]', decode: 'cursor' } },
  links: { node: { body: 'WITH @x[0] AS %n', fanOut: 1 } },
};

const last = 'CASE WHEN size(@page) > @first THEN @first ELSE size(@page) END - 1';

export const CONNECTION_OBJECTS: Record<string, ObjectSpec> = {
  PageInfo: {
    props: {
      hasNextPage: 'size(@page) > @first',
      endCursor: {
        expr: `CASE WHEN ${last} < 0 THEN null ELSE [@page[${last}][1], @page[${last}][2]] END`,
        decode: 'cursor',
      },
    },
    links: {},
  },
  ...Object.fromEntries(
    LISTED.flatMap((t) => [
      [`${t}Connection`, CONNECTION],
      [`${t}Edge`, EDGE],
    ]),
  ),
};
