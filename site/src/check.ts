/**
 * "Check a zone": the zone text in an editor, linted on every change by the library (`lintZone`, the
 * same reading and rules as `zonesmith lint`); each finding at its line (gutter marker, underline,
 * message and rule on hover) and in the list beside; the per-rule summary; "fix what is certain"
 * (the repairs `zonesmith lint --fix` makes); JSON and SARIF reports to download.
 */
import { EditorView, placeholder } from '@codemirror/view';
import { LINT_PROFILE_IDS, RULE_METAS, lintZone, listRecords, parseZone, type Diagnostic, type LintProfileId, type LintResult, type LintZoneOptions, type ZoneTextOptions } from '../../src/index.js';
import { applyFixes } from '../../src/lint/fix.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif, helpUri } from '../../src/report/sarif.js';
import { goTo, makeEditor, setText, showDiagnostics } from './editor.js';
import { byId, countWords, download, el, fillFindings } from './page.js';

declare const __ZONESMITH_VERSION__: string;

/**
 * Linting waits this long after the last keystroke. A big zone takes longer to lint (100,000 records:
 * about 2 s), so the wait grows with the last run's time: typing is not stopped by a run at every pause.
 */
const DEBOUNCE_MS = 200;
const MAX_DEBOUNCE_MS = 3000;

interface CheckRun {
  text: string;
  file: string;
  result: LintResult;
}

export interface CheckView {
  view: EditorView;
  /** Lints now (tests and the page's first paint do not wait for the debounce). */
  check(): void;
  /** The zone text and how it is read (file name, origin), for other views (Explain). */
  zoneInput(): { text: string; file?: string; origin?: string };
  /** Puts the cursor on a line of the zone (from Explain's answers). */
  reveal(line: number): void;
}

export function setUpCheck(): CheckView {
  const originInput = byId<HTMLInputElement>('check-origin');
  const profileBox = byId<HTMLFieldSetElement>('check-profiles');
  const fileInput = byId<HTMLInputElement>('check-file');
  const fixButton = byId<HTMLButtonElement>('check-fix');
  const status = byId('check-status');
  const list = byId('check-findings');
  const rulesBody = byId<HTMLTableElement>('check-rules').tBodies[0]!;

  const profileInputs = new Map<LintProfileId, HTMLInputElement>();
  for (const id of LINT_PROFILE_IDS) {
    const input = el('input', { type: 'checkbox', value: id, id: `check-profile-${id}` });
    profileInputs.set(id, input);
    profileBox.append(el('label', { class: 'check' }, input, ` ${id}`));
    input.addEventListener('change', () => check());
  }

  /** The name of the file the zone came from, when it was opened or dropped (it may give the origin). */
  let fileName: string | undefined;
  let last: CheckRun | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastMs = 0;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(check, Math.min(MAX_DEBOUNCE_MS, Math.max(DEBOUNCE_MS, lastMs * 2)));
  };

  const view = makeEditor(byId('check-editor'), 'check-editor-label', later, [
    placeholder('Paste a zone file here (Ctrl+V), or drop one on this box.'),
    EditorView.domEventHandlers({
      drop(event) {
        const file = event.dataTransfer?.files[0];
        if (!file) return false;
        event.preventDefault();
        void openFile(file);
        return true;
      },
    }),
  ]);

  async function openFile(file: File): Promise<void> {
    fileName = file.name;
    setText(view, await file.text());
    check();
  }
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void openFile(file);
  });
  originInput.addEventListener('input', later);

  function lintOptions(): LintZoneOptions {
    const origin = originInput.value.trim();
    const profiles = [...profileInputs].filter(([, input]) => input.checked).map(([id]) => id);
    const chosen: LintZoneOptions = { profiles };
    // The origin field wins; else the zone's own $ORIGIN; else the opened file's name, as on the
    // command line. Pasted text with neither gets the library's "cannot tell the origin" finding.
    if (origin !== '') {
      chosen.origin = origin;
      chosen.file = fileName ?? `${origin.replace(/\.$/, '')}.dns`;
    } else if (fileName !== undefined) {
      chosen.file = fileName;
    }
    return chosen;
  }

  function check(): void {
    clearTimeout(timer);
    const text = view.state.doc.toString();
    let result: LintResult;
    const started = performance.now();
    try {
      result = lintZone(text, lintOptions());
      lastMs = performance.now() - started;
      originInput.removeAttribute('aria-invalid');
    } catch (error) {
      // Only a malformed origin throws (TypeError); say so at the field.
      originInput.setAttribute('aria-invalid', 'true');
      status.textContent = `The origin is not a domain name: ${(error as Error).message}`;
      return;
    }
    last = { text, file: result.files[0] ?? 'zone.dns', result };
    showDiagnostics(view, result.diagnostics);
    fillFindings(list, result.diagnostics, (d) => goTo(view, d));
    fillRules(result.diagnostics);
    const fixable = result.diagnostics.filter((d) => d.fix).length;
    fixButton.disabled = fixable === 0;
    fixButton.textContent = fixable === 0 ? 'Fix what is certain' : `Fix what is certain (${fixable})`;
    status.textContent = statusText(text, result, fixable);
  }

  function statusText(text: string, result: LintResult, fixable: number): string {
    if (text.trim() === '') return 'Paste a zone file into the editor, open one, or drop one on it.';
    const profiles = result.profiles.length > 0 ? `judged by ${result.profiles.join(', ')}` : 'no autodiscovery profile applies';
    const read = `${result.recordCount} record${result.recordCount === 1 ? '' : 's'} read, ${profiles}.`;
    const n = result.diagnostics.length;
    if (n === 0) return `${read} No problems: BIND loads this zone and no rule has anything to say.`;
    const fix = fixable > 0 ? ` ${fixable} can be fixed for certain.` : '';
    return `${read} ${n} problem${n === 1 ? '' : 's'} (${countWords(result.diagnostics)}).${fix}`;
  }

  function fillRules(diagnostics: readonly Diagnostic[]): void {
    const counts = new Map<string, { n: number; worst: Diagnostic['severity'] }>();
    const rank = { error: 2, warning: 1, info: 0 };
    for (const d of diagnostics) {
      const entry = counts.get(d.rule) ?? { n: 0, worst: d.severity };
      entry.n++;
      if (rank[d.severity] > rank[entry.worst]) entry.worst = d.severity;
      counts.set(d.rule, entry);
    }
    const metas = new Map(RULE_METAS.map((meta) => [meta.id, meta]));
    const rows = [...counts].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
    rulesBody.replaceChildren(
      ...rows.map(([rule, { n, worst }]) => {
        const meta = metas.get(rule);
        return el(
          'tr',
          { 'data-rule': rule },
          el('th', { scope: 'row' }, el('code', {}, rule)),
          el('td', { class: 'num' }, String(n)),
          el('td', {}, el('span', { class: `badge ${worst}` }, worst)),
          // Where the rule comes from (its RFC section, else the README's rule table): a link the reader follows, not a request the page makes.
          el('td', {}, meta?.description.replace(/`/g, '') ?? '', ...(meta ? [' ', el('a', { href: helpUri(meta), target: '_blank', rel: 'noopener noreferrer', 'aria-label': `source of ${rule}` }, 'source')] : [])),
          el('td', {}, meta?.fixable ? 'yes' : 'no'),
        );
      }),
    );
  }

  fixButton.addEventListener('click', () => {
    if (!last) return;
    const { text, applied } = applyFixes(last.text, last.file, last.result.diagnostics);
    if (applied.size === 0) return;
    // As `lint --fix` does: a zone BIND loads must mean the same after the repairs, record for record.
    const options = lintOptions();
    const before = zoneMeaning(last.text, options);
    if (before !== undefined && before !== zoneMeaning(text, options)) {
      status.textContent = 'Not fixed: the repairs would change what the zone means. Please report this, with the zone.';
      return;
    }
    setText(view, text);
    check();
    const what = [...applied].map(([rule, n]) => `${n} × ${rule}`).join(', ');
    status.textContent = `Fixed ${what}. ${status.textContent ?? ''}`;
  });

  const baseName = () => (last?.file ?? 'zone.dns').replace(/^.*[/\\]/, '');
  byId('check-json').addEventListener('click', () => {
    check();
    if (last) download(`${baseName()}.zonesmith.json`, formatJson(last.result.diagnostics), 'application/json');
  });
  byId('check-sarif').addEventListener('click', () => {
    check();
    if (!last) return;
    // The zone sits at the root "/" of its own little world: artifact URIs are its bare file name.
    const sarif = formatSarif(last.result.diagnostics, RULE_METAS, {
      root: '/',
      cwd: '/',
      version: __ZONESMITH_VERSION__,
      lineText: (_file, line) => view.state.doc.lines >= line ? view.state.doc.line(line).text : undefined,
    });
    download(`${baseName()}.sarif`, sarif, 'application/sarif+json');
  });
  byId('check-download-zone').addEventListener('click', () => download(baseName(), view.state.doc.toString()));

  function zoneInput(): { text: string; file?: string; origin?: string } {
    const { file, origin } = lintOptions();
    return { text: view.state.doc.toString(), ...(file !== undefined ? { file } : {}), ...(typeof origin === 'string' ? { origin } : {}) };
  }

  check();
  return { view, check, zoneInput, reveal: (line) => goTo(view, { line, column: 1 }) };
}

/**
 * What a zone means as BIND loads it: its records (owner, TTL, class, type, data), sorted; undefined
 * when BIND refuses it (then there is no meaning to keep, and the repairs are what make it load).
 */
function zoneMeaning(text: string, options: LintZoneOptions): string | undefined {
  const read: ZoneTextOptions = {};
  if (options.file !== undefined) read.file = options.file;
  if (options.origin !== undefined) read.origin = options.origin;
  const zone = parseZone(text, read);
  if (zone.problems.some((p) => p.severity === 'error')) return undefined;
  return listRecords(zone)
    .map((row) => `${row.name} ${row.ttl} ${row.class} ${row.type} ${row.data}`)
    .sort()
    .join('\n');
}
