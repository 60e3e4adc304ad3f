// Messages between the explorer and its layout worker (layoutWorker.ts).
import type { Position } from 'cytoscape';

export interface LayoutRequest {
  job: number;
  /** `fixed` nodes keep their position; the others are placed around them. */
  nodes: { id: string; position: Position; fixed: boolean }[];
  edges: { source: string; target: string }[];
  /** True for a fresh view: start from random positions rather than the current ones. */
  randomize: boolean;
}

export interface LayoutResult {
  job: number;
  /** False for a quick first draft of a big view; the refined positions follow in a final result. */
  final: boolean;
  positions: Record<string, Position>;
}

/** Force parameters, shared by every layout so expansions look like the first view. */
export const FORCES = {
  idealEdgeLength: 110,
  nodeRepulsion: 15000,
  nodeSeparation: 110,
  nodeSize: 26,
  /** Fresh views bigger than this get a quick draft first. */
  draftFirstAbove: 300,
} as const;
