/** What an element can contain: nodes and text. Text is always inserted as text, never parsed as HTML. */
export type Child = Node | string | number | false | null | undefined | readonly Child[];

/** Attributes by name. Functions become event listeners (`onclick`); `false` and `undefined` leave it unset. */
export type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

function append(parent: Node, child: Child): void {
  if (child === false || child === null || child === undefined) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
    return;
  }
  parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

/**
 * Builds an element. Every string becomes a text node, and only functions can become event handlers, so policy
 * text placed here can never turn into markup or script.
 * @example h('p', { class: 'hint' }, 'You can share it.')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** Replaces an element's content with the given children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Parses HTML that a Fairpost renderer produced (every piece of policy text in it already escaped) or that mermaid
 * sanitised in strict mode. The only place the app turns a string into markup: never pass it anything else.
 */
export function trustedRendererHtml(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

let counter = 0;
/** A fresh id for tying labels and descriptions to controls. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
