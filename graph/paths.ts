// The repository's root, whether this code runs from source (graph/) or compiled (dist/graph/): the nearest folder
// above this file that holds a package.json. Files read at run time (schema/, data/, the Neo4j launcher, dist/web)
// are found from here, so both layouts read the same files.
import fs from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const REPO_ROOT = findRoot(__dirname);

/** A path inside the repository, e.g. `repoPath('data', 'themes.yaml')`. */
export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}
