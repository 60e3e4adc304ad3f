// Before any timing, each target is asked of every system once and the answers compared with our API's, so the
// benchmark never reports a fast wrong answer as a win.
import type { ShapeResult } from './queryBench';
import { SYSTEMS, type Shape, type ShapeContext, type System } from './shapes';

/** JSON with object keys sorted and arrays sorted by their own canonical text: order-insensitive equality. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).sort().join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export async function crossCheck(
  shape: Shape,
  ctx: ShapeContext,
  count: number,
): Promise<ShapeResult['mismatches']> {
  const out: ShapeResult['mismatches'] = [];
  for (let i = 0; i < count; i++) {
    const answers = new Map<System, string>();
    for (const system of SYSTEMS) {
      const call = shape.calls[system];
      if (call === undefined) continue;
      try {
        answers.set(system, canonical(await call(ctx, i)));
      } catch (e) {
        out.push({ system, target: i, detail: `error: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    const ours = answers.get('ours');
    for (const [system, answer] of answers) {
      if (system !== 'ours' && !shape.unchecked?.includes(system) && ours !== undefined && answer !== ours)
        out.push({
          system,
          target: i,
          detail: `differs: ${answer.slice(0, 300)} vs ours ${ours.slice(0, 300)}`,
        });
    }
  }
  return out;
}
