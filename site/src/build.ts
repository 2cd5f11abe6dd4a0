/**
 * "Build a zone": a form and the YAML of the same spec, kept in step both ways (spec-form.ts); the
 * spec judged as `zonesmith validate` judges it (schema, values, then the lint rules over its records),
 * each problem at its line in the YAML; the zone file `zonesmith generate` would write (the library's
 * renderZones, the same bytes); the records as a provider's console asks for them, with copy buttons.
 */
import { yaml as yamlLanguage } from '@codemirror/lang-yaml';
import { PROFILE_IDS, PROTOCOLS, adoptZone, loadSpec, parseZone, renderZones, resolveSpec, type Diagnostic, type RenderedZone, type ResolvedSpec, type ResolvedZone } from '../../src/index.js';
import { judgeSpec } from '../../src/lint/spec-judge.js';
import exampleSpec from '../../examples/example.com.yaml';
import { goTo, makeEditor, setText, showDiagnostics } from './editor.js';
import { byId, copyText, countWords, download, el, fillFindings, replaceChildrenWith } from './page.js';
import { PROVIDERS, providerTable, type ProviderTable } from './providers.js';
import { EMPTY_SPEC, modelFromSpec, notInForm, specValue, writeModel, type FormModel } from './spec-form.js';

const DEBOUNCE_MS = 150;

export interface BuildView {
  /** Judges and renders now, without waiting for the debounce. */
  update(): void;
  /** The zone shown (the first, or the one picked), when the spec has no errors: for other views (Explain). */
  pickedZone(): ResolvedZone | undefined;
  /** Puts the cursor on a line of the YAML (from Explain's answers). */
  reveal(line: number): void;
  /** The YAML's text (for the tests). */
  yaml(): string;
}

/** The zone of the Check view, for "Start from the zone being checked" (as `zonesmith init --from`). */
export type CheckedZone = () => { text: string; file?: string; origin?: string };

export function setUpBuild(checked?: CheckedZone): BuildView {
  const form = byId<HTMLFormElement>('build-form');
  const status = byId('build-status');
  const zoneOut = byId('build-zone');
  const findings = byId('build-findings');
  const providerSelect = byId<HTMLSelectElement>('build-provider');
  const providerForm = byId('build-provider-form');
  const providerNotes = byId('build-provider-notes');
  const formNote = byId('build-form-note');
  const zonePick = byId<HTMLSelectElement>('build-zone-pick');
  const zonePickLabel = byId('build-zone-pick-label');
  const recordsTable = byId<HTMLTableElement>('build-records');

  // ----- the form -----
  const field = (id: string, label: string, attributes: Record<string, string> = {}, hint?: string) => {
    const input = el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attributes });
    const children: (Node | string)[] = [label, input];
    if (hint) {
      input.setAttribute('aria-describedby', `${id}-hint`);
      children.push(el('span', { class: 'hint', id: `${id}-hint` }, hint));
    }
    return { input, label: el('label', { class: 'field' }, ...children) };
  };
  const domain = field('spec-domain', 'Domain', { inputmode: 'url', placeholder: 'example.com' });
  const ttl = field('spec-ttl', 'Default TTL', { placeholder: '1h' }, 'seconds or BIND units: 3600, 1h, 1d');
  const primary = field('spec-primary', 'Primary name server (SOA)', { placeholder: 'dns.mydnsprovider.org' });
  const contact = field('spec-contact', 'Contact e-mail (SOA)', { inputmode: 'email', placeholder: 'hostmaster@example.com' });
  const nameservers = el('textarea', { id: 'spec-nameservers', rows: '2', spellcheck: 'false', 'aria-describedby': 'spec-nameservers-hint' });
  const profileInputs = PROFILE_IDS.map((id) => el('input', { type: 'checkbox', value: id, id: `spec-profile-${id}` }));
  const hostList = el('div', { class: 'rows', id: 'spec-hosts' });
  const mxList = el('div', { class: 'rows', id: 'spec-mx' });
  const hostNames = el('datalist', { id: 'spec-host-names' });
  const serviceInputs = new Map<string, HTMLInputElement>();
  const serviceRows = PROTOCOLS.map((protocol) => {
    const input = el('input', { id: `spec-service-${protocol.id}`, type: 'text', list: 'spec-host-names', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `spec-service-${protocol.id}-hint` });
    serviceInputs.set(protocol.id, input);
    return el('label', { class: 'field service' }, el('code', {}, protocol.id), input, el('span', { class: 'hint', id: `spec-service-${protocol.id}-hint` }, protocol.description));
  });
  const addHost = el('button', { type: 'button', id: 'spec-add-host' }, 'Add a host');
  const addMx = el('button', { type: 'button', id: 'spec-add-mx' }, 'Add a mail exchanger');
  form.append(
    el('fieldset', {}, el('legend', {}, 'Zone'), domain.label, ttl.label, primary.label, contact.label,
      el('label', { class: 'field' }, 'Name servers', nameservers, el('span', { class: 'hint', id: 'spec-nameservers-hint' }, 'one per line; two or more (RFC 2182)')),
    ),
    el('fieldset', { class: 'profiles' }, el('legend', {}, 'Service labels to publish'), ...profileInputs.map((input) => el('label', { class: 'check' }, input, ` ${input.value}`)),
      el('p', { class: 'hint' }, 'none ticked: standard (RFC 6186, 6764, 6120 and Autodiscover); mdaemon: the labels MDaemon reads')),
    el('fieldset', {}, el('legend', {}, 'Hosts and their addresses'), el('p', { class: 'hint' }, '@ is the domain itself; addresses IPv4 or IPv6, separated by spaces or commas'), hostList, addHost, hostNames),
    el('fieldset', {}, el('legend', {}, 'Mail exchangers (MX)'), mxList, addMx),
    el('fieldset', { class: 'services' }, el('legend', {}, 'Which host serves which protocol'), el('p', { class: 'hint' }, 'a host name from above (or any name); empty: not offered'), ...serviceRows),
  );

  const hostRow = (index: number, name = '', addresses = '') => {
    const n = index + 1;
    const nameInput = el('input', { type: 'text', class: 'host-name', value: name, 'aria-label': `Host ${n}: name`, autocomplete: 'off', spellcheck: 'false' });
    const addrInput = el('input', { type: 'text', class: 'host-addresses', value: addresses, 'aria-label': `Host ${n}: addresses`, autocomplete: 'off', spellcheck: 'false' });
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove host ${n}` }, 'Remove');
    const row = el('div', { class: 'row host-row', role: 'group', 'aria-label': `Host ${n}` }, nameInput, addrInput, remove);
    remove.addEventListener('click', () => {
      row.remove();
      formChanged(true);
    });
    return row;
  };
  const mxRow = (index: number, host = '', priority = '10') => {
    const n = index + 1;
    const hostInput = el('input', { type: 'text', class: 'mx-host', value: host, list: 'spec-host-names', 'aria-label': `Mail exchanger ${n}: host`, autocomplete: 'off', spellcheck: 'false' });
    const priorityInput = el('input', { type: 'text', inputmode: 'numeric', class: 'mx-priority', value: priority, 'aria-label': `Mail exchanger ${n}: priority` });
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove mail exchanger ${n}` }, 'Remove');
    const row = el('div', { class: 'row mx-row', role: 'group', 'aria-label': `Mail exchanger ${n}` }, hostInput, priorityInput, remove);
    remove.addEventListener('click', () => {
      row.remove();
      formChanged(true);
    });
    return row;
  };
  addHost.addEventListener('click', () => {
    const row = hostRow(hostList.children.length);
    hostList.append(row);
    row.querySelector('input')!.focus();
  });
  addMx.addEventListener('click', () => {
    const row = mxRow(mxList.children.length);
    mxList.append(row);
    row.querySelector('input')!.focus();
    formChanged(true);
  });

  const split = (text: string) => text.split(/[\s,]+/).filter((part) => part !== '');
  function readForm(): FormModel {
    const services: Record<string, string> = {};
    for (const [id, input] of serviceInputs) services[id] = input.value;
    return {
      domain: domain.input.value,
      ttl: ttl.input.value,
      primary: primary.input.value,
      contact: contact.input.value,
      nameservers: split(nameservers.value),
      profiles: profileInputs.filter((input) => input.checked).map((input) => input.value),
      hosts: [...hostList.querySelectorAll('.host-row')].map((row) => ({
        name: row.querySelector<HTMLInputElement>('.host-name')!.value,
        addresses: split(row.querySelector<HTMLInputElement>('.host-addresses')!.value),
      })),
      mx: [...mxList.querySelectorAll('.mx-row')].map((row) => ({
        host: row.querySelector<HTMLInputElement>('.mx-host')!.value,
        priority: row.querySelector<HTMLInputElement>('.mx-priority')!.value,
      })),
      services,
    };
  }
  function fillForm(model: FormModel): void {
    domain.input.value = model.domain;
    ttl.input.value = model.ttl;
    primary.input.value = model.primary;
    contact.input.value = model.contact;
    nameservers.value = model.nameservers.join('\n');
    for (const input of profileInputs) input.checked = model.profiles.includes(input.value);
    replaceChildrenWith(hostList, model.hosts.map((h, i) => hostRow(i, h.name, h.addresses.join(', '))));
    replaceChildrenWith(mxList, model.mx.map((m, i) => mxRow(i, m.host, m.priority)));
    for (const [id, input] of serviceInputs) input.value = model.services[id] ?? '';
    fillHostNames(model);
  }
  function fillHostNames(model: FormModel): void {
    const domainName = model.domain.trim();
    replaceChildrenWith(hostNames, model.hosts.filter((h) => h.name.trim() !== '').map((h) => el('option', { value: h.name.trim() }, h.name.trim() === '@' ? domainName : '')));
  }

  // ----- the YAML, and keeping the two in step -----
  /** The text the form last wrote: its own echo from the editor is not read back into the form. */
  let written: string | undefined;
  let formTimer: ReturnType<typeof setTimeout> | undefined;
  let specTimer: ReturnType<typeof setTimeout> | undefined;
  const editor = makeEditor(byId('build-editor'), 'build-editor-label', (text) => {
    if (text === written) return;
    clearTimeout(specTimer);
    specTimer = setTimeout(() => {
      const value = specValue(text);
      if (value !== undefined) fillForm(modelFromSpec(value));
      update();
    }, DEBOUNCE_MS);
  }, [yamlLanguage()]);

  function formChanged(now = false): void {
    clearTimeout(formTimer);
    const apply = () => {
      const model = readForm();
      fillHostNames(model);
      const text = writeModel(editor.state.doc.toString(), model);
      if (text === undefined) {
        status.textContent = 'The YAML has a syntax error (listed under it): fix it there, then the form writes into it again.';
        return;
      }
      written = text;
      setText(editor, written);
      update();
    };
    if (now) apply();
    else formTimer = setTimeout(apply, DEBOUNCE_MS);
  }
  form.addEventListener('input', () => formChanged());
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).type === 'checkbox') formChanged(true);
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  /** The name of the spec file opened, if one was: the zone's header names it, as generate's does. */
  let openedName: string | undefined;

  function load(text: string, name?: string): void {
    openedName = name;
    // Another spec: start from its first zone.
    zonePick.value = '0';
    clearTimeout(formTimer);
    written = undefined;
    setText(editor, text);
    clearTimeout(specTimer);
    const value = specValue(text);
    fillForm(modelFromSpec(value ?? {}));
    update();
  }
  byId('build-example').addEventListener('click', () => load(exampleSpec));
  const fileInput = byId<HTMLInputElement>('build-file');
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (file) load(await file.text(), file.name);
  });
  byId('build-adopt').addEventListener('click', () => {
    const input = checked?.();
    if (!input || input.text.trim() === '') {
      status.textContent = 'Paste a zone into “Check a zone” first: its spec is written here.';
      return;
    }
    let zone: ReturnType<typeof parseZone>;
    try {
      zone = parseZone(input.text, { ...(input.file !== undefined ? { file: input.file } : {}), ...(input.origin ? { origin: input.origin } : {}) });
    } catch (error) {
      status.textContent = `The origin in “Check a zone” is not a domain name: ${(error as Error).message}`;
      return;
    }
    // As `init --from`: a zone BIND refuses is not adopted (its records are not what it would serve).
    const errors = zone.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0) {
      status.textContent = `The zone in “Check a zone” has ${errors} error${errors === 1 ? '' : 's'} BIND would refuse: fix them there first (“Fix what is certain” may be enough).`;
      return;
    }
    const adopted = adoptZone(zone, { from: (input.file ?? 'zone.dns').replace(/^.*[/\\]/, '') });
    load(adopted.text);
    status.textContent = adopted.notes.length === 0
      ? `${status.textContent} Written from the zone in “Check a zone”: it generates that zone again.`
      : `Written from the zone in “Check a zone”; not carried over: ${adopted.notes.map((n) => `${n.rrset ? `${n.rrset}: ` : ''}${n.message}`).join('; ')}`;
  });
  byId('build-clear').addEventListener('click', () => {
    load(EMPTY_SPEC);
    domain.input.focus();
  });

  // ----- judging, the zone, the records -----
  let zones: RenderedZone[] = [];
  let resolved: ResolvedSpec | undefined;

  /** The spec's name: the zone's header says which spec it came from (`generate` names the file it read). */
  const specFileName = (): string => openedName ?? `${readForm().domain.trim().replace(/\.$/, '') || 'zonesmith'}.yaml`;

  function update(): void {
    const text = editor.state.doc.toString();
    resolved = resolveSpec(loadSpec(text, { file: specFileName() }));
    const diagnostics: Diagnostic[] = judgeSpec(resolved);
    showDiagnostics(editor, diagnostics);
    fillFindings(findings, diagnostics, (d) => goTo(editor, d));
    const errors = diagnostics.some((d) => d.severity === 'error');
    zones = errors ? [] : renderZones(resolved, { date: new Date() });
    const picked = zonePick.value;
    replaceChildrenWith(zonePick, zones.map((zone, index) => el('option', { value: String(index) }, zone.domain)));
    zonePick.value = zones.some((_, index) => String(index) === picked) ? picked : '0';
    zonePickLabel.hidden = zones.length < 2;
    showZone();
    status.textContent = diagnostics.length === 0
      ? `The spec is sound: ${zones.map((z) => z.fileName).join(', ')} below.`
      : `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in the spec (${countWords(diagnostics)})${errors ? ': no zone is written until the errors are fixed' : ''}.`;
    const hidden = notInForm(specValue(text));
    formNote.hidden = hidden.length === 0;
    formNote.textContent = hidden.length === 0 ? '' : `The YAML also has what the form does not show: ${hidden.join(', ')}. It is kept as written; edit it in the YAML.`;
  }

  /** The zone chosen (the first, unless the spec has more and another is picked). */
  const pickedIndex = (): number => Math.min(Number(zonePick.value) || 0, Math.max(zones.length - 1, 0));

  function showZone(): void {
    zoneOut.textContent = zones.length > 0 ? zones[pickedIndex()]!.text : '(no zone while the spec has errors: see the problems under the YAML)';
    fillRecords();
  }
  zonePick.addEventListener('change', showZone);

  // ----- the provider's records -----
  for (const provider of PROVIDERS) providerSelect.append(el('option', { value: provider.id }, provider.name));
  providerSelect.addEventListener('change', fillRecords);

  function fillRecords(): void {
    const index = pickedIndex();
    const zone = resolved && zones.length > 0 ? resolved.zones[index] : undefined;
    const table: ProviderTable = providerTable(providerSelect.value, zone, zones[index]?.serial.serial);
    providerForm.replaceChildren(...(table.form ? [`Add each record in ${table.form.text} (`, el('a', { href: table.form.source, target: '_blank', rel: 'noopener noreferrer' }, 'how'), ').'] : []));
    const withNotes = table.rows.some((row) => row.notes.length > 0);
    const head = recordsTable.tHead!;
    const body = recordsTable.tBodies[0]!;
    head.replaceChildren(
      el('tr', {}, ...table.columns.map((c) => el('th', { scope: 'col' }, c)), ...(withNotes ? [el('th', { scope: 'col' }, 'Notes')] : []), el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, 'Copy'))),
    );
    replaceChildrenWith(
      body,
      table.rows.map((row, index) => {
        const button = el('button', { type: 'button', class: 'copy', 'aria-label': `Copy the value of row ${index + 1}: ${row.cells[0] || '@'} ${row.cells[1]}` }, 'Copy');
        button.addEventListener('click', async () => {
          const ok = await copyText(row.copy);
          button.textContent = ok ? 'Copied' : 'Copy failed';
          status.textContent = ok ? `Copied: ${row.copy}` : 'The browser refused the clipboard: select the value and copy it by hand.';
          setTimeout(() => (button.textContent = 'Copy'), 1500);
        });
        // data-label: at phone width each row is a card, each cell headed by its column's name.
        const cells = row.cells.map((cell, i) => el('td', { 'data-label': table.columns[i] ?? '', ...(i === table.valueColumn ? { class: 'value' } : {}) }, ...(cell === '' ? [] : [cell])));
        if (withNotes) cells.push(el('td', { 'data-label': 'Notes' }, ...(row.notes.length > 0 ? [row.notes.join(', ')] : [])));
        return el('tr', {}, ...cells, el('td', { class: 'copy-cell' }, button));
      }),
    );
    providerNotes.replaceChildren(
      ...table.notes.map((note) =>
        el('li', { value: String(note.number) }, el('span', { class: `badge ${note.severity === 'cannot' ? 'error' : note.severity === 'differs' ? 'warning' : 'info'}` }, note.severity), ' ', note.text, ' (', el('a', { href: note.source, target: '_blank', rel: 'noopener noreferrer' }, 'source'), ')'),
      ),
    );
  }

  byId('build-download').addEventListener('click', () => {
    update();
    const zone = zones[pickedIndex()];
    if (zone) download(zone.fileName, zone.text);
  });
  byId('build-download-spec').addEventListener('click', () => download(specFileName(), editor.state.doc.toString(), 'application/yaml'));

  load(exampleSpec);
  return {
    update,
    pickedZone: () => (resolved && zones.length > 0 ? resolved.zones[pickedIndex()] : undefined),
    reveal: (line) => goTo(editor, { line, column: 1 }),
    yaml: () => editor.state.doc.toString(),
  };
}
