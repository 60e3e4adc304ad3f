// Per-request context: the executor's read API wrapped in fresh DataLoaders, so nested fields batch into one
// query per field and level (never one per row), and nothing is cached across requests.
import type { Config } from '../graph/config';
import type { GraphExecutor } from '../graph/executor';
import { createLoaders, type Loaders } from '../graph/loaders';

export interface GraphContext {
  executor: GraphExecutor;
  loaders: Loaders;
  config: Config;
  /** Whether the request carried the editor token (checked in constant time at the HTTP layer). */
  isEditor: boolean;
}

export function createContext(executor: GraphExecutor, config: Config, isEditor: boolean): GraphContext {
  return { executor, loaders: createLoaders(executor), config, isEditor };
}
