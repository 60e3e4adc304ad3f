// Validation of one readout exactly as the loader does it, without writing: parse and schema (parse.ts), then
// countries, dates, vocabulary and references inside the readout (draft.ts), then the plan against the graph
// (plan.ts: names, ambiguities, partOf cycles through the graph) in a read transaction, so nothing can be written.
// What the loader would refuse is returned as issues with paths and lines; an empty list means it would load.
import type { GraphExecutor } from '../executor';
import type { ReadoutIssue } from '../errors';
import { loadVocabulary } from '../themes';
import { buildDraft } from './draft';
import { chunkLookups } from './lookups';
import { Overlay } from './overlay';
import { parseReadout, type ReadoutFormat } from './parse';
import { planReadout } from './plan';

/** A validation issue as the API reports it: no file (there is one text), a line or null. */
export interface ValidationIssue {
  path: string;
  line: number | null;
  message: string;
}

/** The label the loader's issues carry for the one text validated. */
const FILE = 'readout';

const toValidationIssue = (i: ReadoutIssue): ValidationIssue => ({
  path: i.path,
  line: i.line ?? null,
  message: i.message,
});

/** The loader's issues for `text` as one readout; the graph is only read. */
export async function validateReadoutText(
  executor: GraphExecutor,
  text: string,
  format: ReadoutFormat = 'yaml',
): Promise<ValidationIssue[]> {
  const parsed = parseReadout(text, FILE, format);
  if (!parsed.ok) return parsed.issues.map(toValidationIssue);
  const built = buildDraft(parsed.readout, FILE, loadVocabulary(), parsed.lines);
  if (!built.ok) return built.issues.map(toValidationIssue);
  const { draft } = built;
  const planned = await executor.withRead(async (q) =>
    planReadout(draft, q, new Overlay(), await chunkLookups([draft], q)),
  );
  return planned.ok ? [] : planned.issues.map(toValidationIssue);
}
