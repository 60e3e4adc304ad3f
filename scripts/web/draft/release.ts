// The press release as drafted from, with every piece of evidence marked where it was read. Spans may overlap (a
// name inside a sentence drafted as a title), so the text is cut at every span boundary and each piece knows all
// the evidence covering it; the narrowest one is the one a click selects.
import { h } from '../explore/h';
import { level, percent } from './confidence';
import type { Evidence } from './queries';

interface Piece {
  start: number;
  end: number;
  covering: number[];
}

/** True when the span lies in the text and holds what the drafter says it read there. */
export function placed(text: string, e: Evidence): boolean {
  return e.start >= 0 && e.end > e.start && e.end <= text.length && text.slice(e.start, e.end) === e.text;
}

function pieces(text: string, evidence: readonly Evidence[], usable: readonly number[]): Piece[] {
  const cuts = new Set([0, text.length]);
  for (const i of usable) {
    const e = evidence[i];
    if (e) cuts.add(e.start).add(e.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k] ?? 0;
    const end = sorted[k + 1] ?? start;
    const covering = usable.filter((i) => {
      const e = evidence[i];
      return e !== undefined && e.start <= start && e.end >= end;
    });
    out.push({ start, end, covering });
  }
  return out;
}

export class ReleaseView {
  private evidence: readonly Evidence[] = [];
  private marks: HTMLElement[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly picked: (index: number, how: 'hover' | 'select') => void,
    private readonly left: () => void,
  ) {}

  /** Draws the text; returns how many evidence spans could not be placed in it. */
  render(text: string, evidence: readonly Evidence[]): number {
    this.evidence = evidence;
    const usable = evidence.flatMap((e, i) => (placed(text, e) ? [i] : []));
    this.marks = [];
    const children = pieces(text, evidence, usable).map((p) => {
      const slice = text.slice(p.start, p.end);
      if (p.covering.length === 0) return slice;
      const best = this.narrowest(p.covering);
      const e = evidence[best];
      const mark = h(
        'mark',
        {
          tabindex: '0',
          class: `ev conf-${level(e?.confidence ?? 0)}`,
          'data-ev': p.covering.join(' '),
          title: p.covering
            .map((i) => `${evidence[i]?.path ?? ''}: ${percent(evidence[i]?.confidence ?? 0)}`)
            .join('\n'),
        },
        slice,
      );
      mark.addEventListener('mouseenter', () => this.picked(best, 'hover'));
      mark.addEventListener('mouseleave', () => this.left());
      mark.addEventListener('click', () => this.picked(best, 'select'));
      mark.addEventListener('focus', () => this.picked(best, 'select'));
      this.marks.push(mark);
      return mark;
    });
    this.root.replaceChildren(...children);
    return evidence.length - usable.length;
  }

  private narrowest(indices: number[]): number {
    const width = (i: number) => (this.evidence[i]?.end ?? 0) - (this.evidence[i]?.start ?? 0);
    return indices.reduce((best, i) => (width(i) < width(best) ? i : best));
  }

  /** Marks the pieces of one piece of evidence (or none), and brings the first into view. */
  highlight(index: number | undefined, how: 'hover' | 'select'): void {
    const cls = how === 'hover' ? 'hovered' : 'selected';
    let first: HTMLElement | undefined;
    for (const m of this.marks) {
      const on = index !== undefined && (m.dataset.ev ?? '').split(' ').includes(String(index));
      m.classList.toggle(cls, on);
      if (on) first ??= m;
    }
    if (how === 'select') first?.scrollIntoView({ block: 'nearest' });
  }
}
