// The edit history as the read path serves it: the `changes` list (keyset-paginated on `seq`, oldest first, so a
// client follows the graph by passing its last cursor) and the Change type. Change nodes are written by
// graph/history.ts; `seq` is unique (migration 7), so it alone orders and resumes a page.
import type { ObjectSpec } from './fields';
import type { Keyset } from './roots';

export const CHANGES: Keyset = {
  // `at` is compared as a datetime, not as text: Neo4j writes fractions of a second with as many digits as needed.
  match: 'MATCH (n:Change) WHERE $since IS NULL OR datetime(n.at) >= datetime($since)',
  orderKey: 'n.seq',
  descending: false,
  tie: "'change:' + toString(n.seq)",
};

export const HISTORY_OBJECTS: Record<string, ObjectSpec> = {
  Change: {
    props: {
      seq: '@n.seq',
      at: '@n.at',
      who: '@n.who',
      action: '@n.action',
      sourceId: '@n.sourceId',
      sourceTitle: '@n.sourceTitle',
      file: '@n.file',
      hash: '@n.hash',
      added: '@n.added',
      removed: '@n.removed',
      kept: '@n.kept',
      lines: 'coalesce(@n.lines, [])',
    },
    links: {
      // Gone once retracted; the Change keeps its id and title.
      source: { body: 'MATCH (%n:Source {id: @n.sourceId})', fanOut: 1 },
    },
  },
};
