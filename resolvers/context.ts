// Per-request context. The read path keeps no per-request cache: each root field is one compiled statement
// (graph/read/), so there is nothing to batch and nothing is shared across requests.
import type { Config } from '../graph/config';
import type { GraphExecutor } from '../graph/executor';

export interface GraphContext {
  executor: GraphExecutor;
  config: Config;
  /** Whether the request carried the editor token (checked in constant time at the HTTP layer). */
  isEditor: boolean;
}

export function createContext(executor: GraphExecutor, config: Config, isEditor: boolean): GraphContext {
  return { executor, config, isEditor };
}
