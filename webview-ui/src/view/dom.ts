/** A tiny element builder: the webview runs under a strict CSP, so DOM is built, never parsed from strings. */

export interface ElementProps {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: readonly (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className !== undefined) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const child of children) el.append(child);
  return el;
}

/** A VS Code-looking button; `secondary` for the less important action. */
export function button(label: string, onClick: () => void, options: { readonly secondary?: boolean; readonly title?: string } = {}): HTMLButtonElement {
  const b = h('button', { className: options.secondary === true ? 'button secondary' : 'button', text: label, attrs: { type: 'button' } });
  if (options.title !== undefined) b.title = options.title;
  b.addEventListener('click', onClick);
  return b;
}

let nextId = 0;

/** A document-unique id for aria references. */
export function uniqueId(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/** Sets `text` only when it changed (avoids needless layout and screen-reader chatter). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
