// The YAML editor: a plain textarea (native editing, undo, keyboard and screen readers) over a backdrop that
// paints whole lines (drafted values, the loader's issues, the selected value) and beside a gutter of line
// numbers. Both follow the textarea's vertical scrolling; lines never wrap, so a line's place is its number times the
// line height.
import { h } from '../explore/h';

export type LineMark = 'ev' | 'bad' | 'sel' | 'hov';

export class YamlEditor {
  readonly textarea: HTMLTextAreaElement;
  private readonly backdrop: HTMLElement;
  private readonly gutter: HTMLElement;
  private marks = new Map<number, Set<LineMark>>();

  constructor(
    root: HTMLElement,
    private readonly events: {
      edited: (text: string) => void;
      /** The caret (or the mouse, `hover`) is on a line: 1-based. */
      atLine: (line: number, how: 'hover' | 'select') => void;
      /** The mouse left the editor. */
      left: () => void;
    },
  ) {
    this.textarea = h('textarea', {
      id: 'yaml',
      spellcheck: 'false',
      autocomplete: 'off',
      autocapitalize: 'off',
      wrap: 'off',
      'aria-describedby': 'validation-summary',
    });
    this.backdrop = h('div', { class: 'backdrop', 'aria-hidden': 'true' });
    this.gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
    root.replaceChildren(this.gutter, h('div', { class: 'stack' }, this.backdrop, this.textarea));
    const ta = this.textarea;
    ta.addEventListener('input', () => {
      this.paint();
      this.events.edited(ta.value);
    });
    ta.addEventListener('scroll', () => this.follow());
    const caret = () => this.events.atLine(this.caretLine(), 'select');
    ta.addEventListener('click', caret);
    ta.addEventListener('keyup', caret);
    ta.addEventListener('mouseleave', () => this.events.left());
    ta.addEventListener('mousemove', (e) => {
      const line = this.lineAtY(e.offsetY);
      if (line !== undefined) this.events.atLine(line, 'hover');
    });
  }

  get text(): string {
    return this.textarea.value;
  }

  setText(text: string): void {
    this.textarea.value = text;
    this.textarea.scrollTop = 0;
    this.paint();
  }

  /** Replaces the marks of one kind with the given lines. */
  mark(kind: LineMark, lines: Iterable<number>): void {
    for (const set of this.marks.values()) set.delete(kind);
    for (const line of lines) {
      const set = this.marks.get(line) ?? new Set<LineMark>();
      set.add(kind);
      this.marks.set(line, set);
    }
    this.paint();
  }

  /** Puts the caret at the start of a line and scrolls it into view. */
  goToLine(line: number): void {
    const lines = this.textarea.value.split('\n');
    const at = lines.slice(0, Math.max(0, line - 1)).reduce((n, l) => n + l.length + 1, 0);
    this.textarea.focus();
    this.textarea.setSelectionRange(at, at);
    this.scrollToLine(line);
  }

  scrollToLine(line: number): void {
    const height = this.lineHeight();
    const top = (line - 1) * height;
    const ta = this.textarea;
    if (top < ta.scrollTop || top + height > ta.scrollTop + ta.clientHeight)
      ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
  }

  private caretLine(): number {
    return this.textarea.value.slice(0, this.textarea.selectionStart).split('\n').length;
  }

  private lineHeight(): number {
    return parseFloat(getComputedStyle(this.textarea).lineHeight) || 20;
  }

  private lineAtY(y: number): number | undefined {
    const pad = parseFloat(getComputedStyle(this.textarea).paddingTop) || 0;
    const line = Math.floor((y + this.textarea.scrollTop - pad) / this.lineHeight()) + 1;
    return line >= 1 && line <= this.textarea.value.split('\n').length ? line : undefined;
  }

  private paint(): void {
    const count = this.textarea.value.split('\n').length;
    const rows: HTMLElement[] = [];
    const numbers: HTMLElement[] = [];
    for (let line = 1; line <= count; line++) {
      const kinds = [...(this.marks.get(line) ?? [])];
      rows.push(h('div', { class: ['line', ...kinds].join(' '), 'data-line': String(line) }, '\u200b'));
      numbers.push(h('div', { class: kinds.includes('bad') ? 'bad' : '' }, String(line)));
    }
    this.backdrop.replaceChildren(...rows);
    this.gutter.replaceChildren(...numbers);
    this.follow();
  }

  private follow(): void {
    // Only vertically: line bars span the whole width whatever the horizontal scroll.
    const { scrollTop } = this.textarea;
    this.backdrop.style.transform = `translateY(${-scrollTop}px)`;
    this.gutter.style.transform = `translateY(${-scrollTop}px)`;
  }
}
