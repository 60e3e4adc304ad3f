// The editor token for loading: typed into the page, kept in memory, and in sessionStorage (this tab only, gone
// when it closes) only if asked. Never in localStorage, cookies or the URL.
const KEY = 'draft.editorToken';

export class TokenField {
  constructor(
    private readonly input: HTMLInputElement,
    private readonly remember: HTMLInputElement,
  ) {
    const kept = sessionStorage.getItem(KEY);
    if (kept !== null) {
      input.value = kept;
      remember.checked = true;
    }
    input.addEventListener('input', () => this.store());
    remember.addEventListener('change', () => this.store());
  }

  get value(): string {
    return this.input.value.trim();
  }

  private store(): void {
    if (this.remember.checked && this.value !== '') sessionStorage.setItem(KEY, this.value);
    else sessionStorage.removeItem(KEY);
  }
}
