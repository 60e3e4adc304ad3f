// The loader's issues for a draft: all three passes when a graph is at hand (graph/readout/validate.ts, read
// only), else the two that need no graph (format, then the readout on its own).
import type { GraphExecutor } from '../executor';
import { buildDraft } from '../readout/draft';
import { parseReadout } from '../readout/parse';
import { validateReadoutText } from '../readout/validate';
import { loadVocabulary } from '../themes';

export interface DraftIssue {
  path: string;
  line: number | null;
  message: string;
}

export async function draftIssues(executor: GraphExecutor | undefined, yaml: string): Promise<DraftIssue[]> {
  if (executor !== undefined) return validateReadoutText(executor, yaml, 'yaml');
  const parsed = parseReadout(yaml, 'draft', 'yaml');
  const issues = parsed.ok
    ? (() => {
        const b = buildDraft(parsed.readout, 'draft', loadVocabulary(), parsed.lines);
        return b.ok ? [] : b.issues;
      })()
    : parsed.issues;
  return issues.map((i) => ({ path: i.path, line: i.line ?? null, message: i.message }));
}
