/**
 * A section whose content can be hidden behind a “显示…” button. Hidden
 * content uses `hidden="until-found"`, so the browser's find-in-page and
 * text-fragment links still find it and reveal it (firing `beforematch`).
 */
export class HideableSection {
  readonly section: HTMLElement;
  readonly body: HTMLElement;
  readonly button: HTMLButtonElement;
  private readonly label: string;

  constructor(section: HTMLElement, label: string) {
    this.section = section;
    this.label = label;
    this.body = section.querySelector<HTMLElement>(':scope > .study-section-body')!;
    this.body.id ||= `${section.dataset.section}-content`;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'reveal-button';
    this.button.setAttribute('aria-controls', this.body.id);
    this.button.hidden = true;
    this.button.addEventListener('click', () => (this.isHidden ? this.show() : this.hide()));
    this.body.addEventListener('beforematch', () => this.show());
    this.body.before(this.button);
  }

  get isHidden(): boolean {
    return this.body.hasAttribute('hidden');
  }

  /** Whether the button is offered at all; without it the content is simply shown. */
  set enabled(on: boolean) {
    this.button.hidden = !on;
    if (on) this.hide();
    else this.show();
  }

  hide(): void {
    this.body.setAttribute('hidden', 'until-found');
    this.update();
  }

  show(): void {
    this.body.removeAttribute('hidden');
    this.update();
  }

  /** True when `element` is this section or inside it: a link to it should show the content. */
  contains(element: Element | null): boolean {
    return element !== null && this.section.contains(element);
  }

  private update(): void {
    const hidden = this.isHidden;
    this.button.textContent = hidden ? `显示${this.label}` : `隐藏${this.label}`;
    this.button.setAttribute('aria-expanded', String(!hidden));
  }
}

/** The element a URL fragment points at, if any (ids are percent-decoded). */
export function fragmentTarget(): Element | null {
  const id = decodeURIComponent(location.hash.slice(1));
  return id ? document.getElementById(id) : null;
}
