/** Small things every view of the page does: find elements, save a file, copy text, list findings. */
import type { Diagnostic } from '../../src/index.js';

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`internal: the page has no #${id}`);
  return element as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') element.className = value;
    else element.setAttribute(key, value);
  }
  element.append(...children);
  return element;
}

/**
 * Replaces a parent's children with as many as the data has (hosts, zones, record rows): through a
 * fragment filled in a loop, not `replaceChildren(...items)`, whose every item is a call argument, so a
 * spec or zone large enough overflows the stack. One change to the page, as replaceChildren makes.
 */
export function replaceChildrenWith(parent: Element, children: Iterable<Node | string>): void {
  const fragment = document.createDocumentFragment();
  for (const child of children) fragment.append(child);
  parent.replaceChildren(fragment);
}

/** Saves text as a file through the browser's download (a blob: URL made and revoked here: no request). */
export function download(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = el('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Copies text to the clipboard; the older selection copy where the Clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el('textarea', { 'aria-hidden': 'true', class: 'offscreen' });
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

/** "3 errors, 1 warning": the severities a list of findings has, in words. */
export function countWords(diagnostics: readonly Diagnostic[]): string {
  const n = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) n[d.severity]++;
  const parts: string[] = [];
  if (n.error) parts.push(`${n.error} error${n.error === 1 ? '' : 's'}`);
  if (n.warning) parts.push(`${n.warning} warning${n.warning === 1 ? '' : 's'}`);
  if (n.info) parts.push(`${n.info} info`);
  return parts.join(', ');
}

/** The list beside an editor: a button per finding that takes the cursor to it. */
export function fillFindings(list: HTMLElement, diagnostics: readonly Diagnostic[], onPick: (d: Diagnostic) => void, limit = 500): void {
  list.replaceChildren();
  for (const d of diagnostics.slice(0, limit)) {
    const button = el(
      'button',
      { type: 'button', class: `finding ${d.severity}`, 'data-line': String(d.line), 'data-rule': d.rule },
      el('span', { class: `badge ${d.severity}` }, d.severity),
      el('span', { class: 'where' }, `line ${d.line}:${d.column}`),
      el('span', { class: 'message' }, d.message),
      el('code', { class: 'rule' }, d.rule),
    );
    button.addEventListener('click', () => onPick(d));
    list.append(el('li', {}, button));
  }
  if (diagnostics.length > limit) list.append(el('li', { class: 'more' }, `and ${diagnostics.length - limit} more (download the JSON report for all of them)`));
}
