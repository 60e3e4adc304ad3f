// Any entity by an id: one index seek per label, since ids carry their label but the Cypher text must not
// depend on a value.
import { ID_PREFIX } from '../model';

/** `optional`: a row with a null node where the id is unknown (lists that keep positions), else no row. */
export function entityById(idExpr: string, scope: string, optional = false): string {
  const labels = Object.keys(ID_PREFIX);
  // Ids of entities merged into others resolve to the survivor (graph/readout/merge.ts).
  const merged = ['Person', 'Organization'].map(
    (l) => `MATCH (:MergedId {id: ${idExpr}})-[:MERGED_INTO]->(%x:${l}) RETURN %x AS %n`,
  );
  const branches = [...labels.map((l) => `MATCH (%x:${l} {id: ${idExpr}}) RETURN %x AS %n`), ...merged].join(
    ' UNION ALL ',
  );
  return `${optional ? 'OPTIONAL ' : ''}CALL (${scope}) { ${branches} }`;
}
