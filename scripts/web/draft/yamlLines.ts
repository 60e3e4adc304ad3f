// The line of every path in a YAML readout (`people[1].role`), located as the loader locates them (the same
// pathLines): the page uses it to put drafted values on their lines in the editor.
import { LineCounter, parseDocument } from 'yaml';
import { pathLines } from '../../../graph/readout/yamlPaths';

/** Lines of the paths in `text`, or null when the text is not well-formed YAML. */
export function yamlLines(text: string): Map<string, number> | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) return null;
  return pathLines(doc, counter);
}

const LAST_SEGMENT = /(\.[^.[\]]+|\[\d+\])$/;

/** The line of `path`, or of its nearest ancestor that the text has. */
export function lineOfPath(lines: ReadonlyMap<string, number>, path: string): number | undefined {
  for (let p = path; p !== '';) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    const up = p.replace(LAST_SEGMENT, '');
    if (up === p) return undefined;
    p = up;
  }
  return undefined;
}
