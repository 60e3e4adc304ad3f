// The reference's view of the edit history: a source's Change nodes, one statement per field like the rest, read
// straight off the stored properties (no shared code with graph/read/).
import { num, optStr, props, str, strs } from './decode';
import type { Row } from './resolvers';

export interface ChangeObj {
  seq: number;
  at: string;
  who: string;
  action: string;
  sourceId: string;
  sourceTitle: string;
  file: string | null;
  hash: string | null;
  added: number;
  removed: number;
  kept: number;
  lines: string[];
}

export const REVISIONS = `MATCH (c:Change {sourceId: $id}) RETURN properties(c) AS props ORDER BY c.seq`;

export function toChange(row: Row): ChangeObj {
  const p = props(row.props);
  return {
    seq: num(p.seq),
    at: str(p.at),
    who: str(p.who),
    action: str(p.action),
    sourceId: str(p.sourceId),
    sourceTitle: str(p.sourceTitle),
    file: optStr(p.file),
    hash: optStr(p.hash),
    added: num(p.added),
    removed: num(p.removed),
    kept: num(p.kept),
    lines: strs(p.lines),
  };
}

/** The Change fields that are its own properties, by field name. */
export const CHANGE_FIELDS = [
  'seq',
  'at',
  'who',
  'action',
  'sourceId',
  'sourceTitle',
  'file',
  'hash',
  'added',
  'removed',
  'kept',
  'lines',
] as const satisfies readonly (keyof ChangeObj)[];
