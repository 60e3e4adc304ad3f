// The filters: which edge types to draw, and the date at which posts must be held (the subgraph's `at`).
import { h } from './h';
import { EDGE_TYPES, type EdgeType } from './queries';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** A document mentions nearly everything it reports, which buries the facts; the panel lists sources anyway. */
const OFF_AT_START: readonly EdgeType[] = ['MENTIONS'];

export interface FilterValues {
  /** Null when every type is wanted (the server then applies no type filter). */
  types: EdgeType[] | null;
  at: string | null;
}

export class Filters {
  private readonly boxes = new Map<EdgeType, HTMLInputElement>();

  constructor(
    typeList: HTMLElement,
    private readonly atInput: HTMLInputElement,
    changed: () => void,
  ) {
    typeList.replaceChildren(
      ...EDGE_TYPES.map((t) => {
        const box = h('input', { type: 'checkbox', value: t });
        box.checked = !OFF_AT_START.includes(t);
        box.addEventListener('change', changed);
        this.boxes.set(t, box);
        return h('label', {}, box, t);
      }),
    );
    atInput.addEventListener('change', () => {
      const ok = this.at() !== undefined;
      atInput.setCustomValidity(ok ? '' : 'A date as yyyy, yyyy-mm or yyyy-mm-dd.');
      atInput.reportValidity();
      if (ok) changed();
    });
  }

  /** The date filter; undefined while the field holds something that is not a date. */
  private at(): string | null | undefined {
    const v = this.atInput.value.trim();
    if (v === '') return null;
    return DATE.test(v) ? v : undefined;
  }

  values(): FilterValues {
    const types = EDGE_TYPES.filter((t) => this.boxes.get(t)?.checked);
    return { types: types.length === EDGE_TYPES.length ? null : types, at: this.at() ?? null };
  }
}
