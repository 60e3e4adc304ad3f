// Per-request context. The read path keeps no per-request cache: each root field is one compiled statement
// (graph/read/), so there is nothing to batch and nothing is shared across requests.
import type { Config } from '../graph/config';
import type { GraphExecutor } from '../graph/executor';

export interface GraphContext {
  executor: GraphExecutor;
  config: Config;
  /**
   * The label of the editor token the request carried (matched in constant time at the HTTP layer), recorded in
   * the history as who made a change; undefined without a valid token.
   */
  editor: string | undefined;
}

/** `editor`: the matched token's label; `false` (callers from before labels, such as the benchmark) means none. */
export function createContext(
  executor: GraphExecutor,
  config: Config,
  editor: string | false | undefined,
): GraphContext {
  return { executor, config, editor: editor === false ? undefined : editor };
}
