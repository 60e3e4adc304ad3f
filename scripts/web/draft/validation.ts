// Live validation of the YAML: after a pause in typing the text goes to `validateReadout` (the loader's own
// checks), and its issues are listed and painted on their lines. An answer for an older text is dropped. The
// section's `data-state` is idle, pending (typed, not yet answered), valid, invalid or error.
import type { YamlEditor } from './editor';
import { gql } from './gql';
import { showIssues } from './panels';
import { VALIDATE, type Issue } from './queries';

/** Quiet time after the last keystroke before the text is validated again. */
const QUIET_MS = 350;

export class LiveValidation {
  private revision = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly section: HTMLElement,
    private readonly summary: HTMLElement,
    private readonly list: HTMLElement,
    private readonly editor: YamlEditor,
  ) {
    this.idle();
  }

  /** The text changed: validate it once typing pauses. */
  schedule(): void {
    this.revision++;
    this.set('pending', 'Checking…');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), QUIET_MS);
  }

  /** Issues known for the text as it stands (from the drafter or a refused load); cancels a pending check. */
  show(issues: readonly Issue[]): void {
    this.revision++;
    clearTimeout(this.timer);
    this.apply(issues);
  }

  private idle(): void {
    this.apply([]);
    this.set('idle', 'Nothing to check yet.');
  }

  private set(state: string, text: string): void {
    this.section.dataset.state = state;
    this.summary.textContent = text;
  }

  private apply(issues: readonly Issue[]): void {
    showIssues(this.list, issues, (line) => this.editor.goToLine(line));
    this.editor.mark(
      'bad',
      issues.flatMap((i) => (i.line === null ? [] : [i.line])),
    );
    const n = issues.length;
    if (n === 0) this.set('valid', 'The loader would accept this readout.');
    else this.set('invalid', `${n} issue${n === 1 ? '' : 's'}: the loader would refuse this readout.`);
  }

  private async run(): Promise<void> {
    const mine = this.revision;
    const text = this.editor.text;
    if (text.trim() === '') {
      this.idle();
      return;
    }
    try {
      const { validateReadout } = await gql<{ validateReadout: Issue[] }>(VALIDATE, { readout: text });
      if (mine === this.revision) this.apply(validateReadout);
    } catch (e) {
      if (mine === this.revision)
        this.set('error', `Could not check: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
