/** The CodeMirror editors of the page, and zonesmith diagnostics shown in them. */
import { basicSetup } from 'codemirror';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { EditorView, highlightSpecialChars } from '@codemirror/view';
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '../../src/index.js';

/**
 * Spaces that are not ASCII blanks, shown as a marked dot: a zone pasted from a web page is full of
 * U+00A0, which looks like a space and is not one to BIND (the seed's first defect).
 */
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** A special character as a marked dot that says which it is ("U+00A0"), not "Control character 0xa0". */
function specialChar(code: number): HTMLElement {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const span = document.createElement('span');
  span.className = 'cm-specialChar';
  span.textContent = '•';
  const space = new RegExp(UNICODE_SPACES.source).test(String.fromCodePoint(code));
  span.title = space ? `U+${hex}: looks like a space, but BIND does not read it as one` : `U+${hex}: a control character`;
  span.setAttribute('aria-label', `U+${hex}`);
  return span;
}

export function makeEditor(parent: HTMLElement, labelId: string, onChange: (text: string) => void, extra: Extension[] = []): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        basicSetup,
        highlightSpecialChars({ addSpecialChars: UNICODE_SPACES, render: specialChar }),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
        ...extra,
      ],
    }),
  });
}

export function setText(view: EditorView, text: string): void {
  if (view.state.doc.toString() === text) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** Where a diagnostic's line and column (1-based, UTF-16 units) fall in the editor's text. */
export function rangeOf(doc: Text, d: Pick<Diagnostic, 'line' | 'column' | 'endColumn'>): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
  const from = line.from + Math.min(Math.max(d.column - 1, 0), line.length);
  let to = d.endColumn !== undefined ? line.from + Math.min(Math.max(d.endColumn - 1, 0), line.length) : from;
  // An underline needs a character: a finding without an end marks the one at its column.
  if (to <= from) to = Math.min(from + 1, line.to);
  return { from, to };
}

const SEVERITY = { error: 'error', warning: 'warning', info: 'info' } as const;

/** Shows the findings in the editor: gutter marker, underline, message and rule on hover. */
export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[]): void {
  const doc = view.state.doc;
  const marks: EditorDiagnostic[] = diagnostics.map((d) => ({
    ...rangeOf(doc, d),
    severity: SEVERITY[d.severity],
    message: d.message,
    source: d.rule,
  }));
  view.dispatch(setDiagnostics(view.state, marks));
}

/** Puts the cursor on a finding and the focus in the editor (from the list beside it). */
export function goTo(view: EditorView, d: Pick<Diagnostic, 'line' | 'column' | 'endColumn'>): void {
  const { from } = rangeOf(view.state.doc, d);
  view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
  view.focus();
}
