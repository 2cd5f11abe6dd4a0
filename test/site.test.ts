/**
 * The web page in a real browser (the system's Chromium, headless, driven by playwright-core): the page
 * is built by site/build.mjs into a temporary folder, opened as a file and through `zonesmith serve`.
 * What a user does: paste the seed's zone as published and see its defects at their lines, the same
 * findings `zonesmith lint` gives; fix what is certain and get the text `lint --fix` writes; fill the
 * form for examples/example.com.yaml and get the bytes `zonesmith generate` writes; pick a provider and
 * copy a row. The browser's own request log shows that nothing but the page was ever asked for.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startServer, type RunningServer } from '../src/commands/serve.run.js';
import { CHROMIUM_ARGS, chromiumPath } from './helpers/browser.js';
import { run, tempDir } from './helpers/cli.js';
import { REPO_ROOT, SEED_ZONE, requireShared } from './helpers/shared.js';

const executablePath = chromiumPath();
const EXAMPLE_SPEC = join(REPO_ROOT, 'examples', 'example.com.yaml');

interface Finding {
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}

/**
 * Text whose colour is below WCAG AA contrast on its background (4.5:1; 3:1 for large text), found
 * the way a checker does: each element with text of its own, its computed colour against the first
 * opaque background behind it.
 */
function lowContrastText(): string[] {
  const parse = (color: string) => {
    const parts = /rgba?\(([^)]+)\)/.exec(color)?.[1]?.split(/[ ,/]+/).filter(Boolean).map(Number);
    return parts ? { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts[3] ?? 1 } : undefined;
  };
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = (c: { r: number; g: number; b: number }) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = (element: Element) => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color && color.a > 0.5) return color;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const low: string[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('body *')) {
    if (element.offsetParent === null) continue;
    const text = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join('');
    if (text === '') continue;
    const style = getComputedStyle(element);
    const [a, b] = [luminance(parse(style.color)!), luminance(background(element))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) low.push(`${element.tagName}.${element.className} "${text.slice(0, 40)}": ${ratio.toFixed(2)}`);
  }
  return low;
}

describe.skipIf(executablePath === undefined || !requireShared(SEED_ZONE))('the web page in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let pagePath: string;
  /** Every request any page of the run made, by URL. */
  const requests: string[] = [];
  /** Every request the server received, by path. */
  const served: string[] = [];

  beforeAll(async () => {
    const out = tempDir();
    execFileSync(process.execPath, [join(REPO_ROOT, 'site', 'build.mjs'), '--out', out], { stdio: 'pipe' });
    pagePath = join(out, 'index.html');
    server = await startServer(0, pagePath);
    server.server.on('request', (request) => served.push(request.url ?? ''));
    browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, viewport = { width: 1280, height: 1000 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url);
    return { context, page, errors };
  }

  /** Pastes text into a CodeMirror editor as the browser does: a paste event carrying the clipboard's text. */
  async function paste(page: Page, selector: string, text: string): Promise<void> {
    await page.locator(selector).click();
    await page.evaluate(
      ({ selector, text }) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.querySelector(selector)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { selector, text },
    );
  }

  async function pageFindings(page: Page): Promise<Finding[]> {
    // The list beside the editor is filled after a short pause in typing: wait for it to settle.
    await page.evaluate(() => (window as unknown as { zonesmith: { check: { check(): void } } }).zonesmith.check.check());
    return page.$$eval('#check-findings .finding', (buttons) =>
      buttons.map((b) => {
        const [line, column] = b.querySelector('.where')!.textContent!.replace('line ', '').split(':').map(Number);
        return { line: line!, column: column!, rule: b.getAttribute('data-rule')!, severity: b.querySelector('.badge')!.textContent!, message: b.querySelector('.message')!.textContent! };
      }),
    );
  }

  /** What `zonesmith lint` says of the file, in the page's order (the CLI streams: whole-zone findings come last). */
  async function cliFindings(file: string): Promise<Finding[]> {
    const result = await run('lint', '--origin', 'example.com', '--format', 'json', file);
    const findings = (JSON.parse(result.stdout) as Finding[]).map(({ line, column, rule, severity, message }) => ({ line, column, rule, severity, message }));
    return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }

  it('opened as a file: the seed zone as published shows its defects at their lines, as zonesmith lint finds them; the fix is lint --fix', async () => {
    const { context, page, errors } = await open(pathToFileURL(pagePath).href);
    const seed = readFileSync(SEED_ZONE, 'utf8');
    await page.fill('#check-origin', 'example.com');
    await paste(page, '#check-editor .cm-content', seed);
    await page.waitForFunction(() => document.querySelectorAll('#check-findings .finding').length > 0);
    const findings = await pageFindings(page);
    expect(findings).toEqual(await cliFindings(SEED_ZONE));

    // The six defects of the seed (shared/seeds/README.md), each at its line.
    const at = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.line);
    expect(at('relative-name-looks-absolute')).toEqual([15]); // NS without its trailing dot
    expect(at('inherited-owner')).toEqual([34]); // the MX inherits "inbound"
    expect(at('missing-ttl')).toEqual([1]); // no $TTL
    expect(findings.some((f) => f.rule === 'soa-values' && f.line === 8 && f.message.includes('expire 86400'))).toBe(true);
    expect(at('srv-port-zero')).toEqual([41, 42, 43, 44, 45, 46]);
    expect(at('private-address')).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
    // And BIND's refusal: the non-breaking spaces.
    expect(at('non-ascii-whitespace')).toContain(4);

    // In the editor: an underline under the offending text, the gutter's markers, the message and rule on
    // hover. (The editor draws only the lines in view: the finding in the list brings line 15 there.)
    await page.locator('#check-findings .finding[data-rule="relative-name-looks-absolute"]').click();
    // (The NS name also has BIND's error, target-no-address: the underline takes the graver colour.)
    const underline = page.locator('.cm-lintRange', { hasText: 'dns.mydnsprovider.org' }).first();
    await expect(underline.textContent()).resolves.toBe('dns.mydnsprovider.org');
    expect(await page.locator('.cm-gutter-lint .cm-lint-marker-error').count()).toBeGreaterThan(0);
    await underline.hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('relative-name-looks-absolute');
    expect(await tooltip.textContent()).toContain('has no trailing dot');
    // The per-rule summary.
    expect(await page.locator('#check-rules tr[data-rule="srv-port-zero"] td.num').textContent()).toBe('6');

    // Clicking a finding puts the cursor on its line.
    await page.locator('#check-findings .finding[data-rule="inherited-owner"]').click();
    const cursorLine = await page.evaluate(() => {
      const view = (window as unknown as { zonesmith: { check: { view: { state: { doc: { lineAt(n: number): { number: number } }; selection: { main: { head: number } } } } } } }).zonesmith.check.view;
      return view.state.doc.lineAt(view.state.selection.main.head).number;
    });
    expect(cursorLine).toBe(34);

    // "Fix what is certain" writes what `zonesmith lint --fix` writes.
    const copy = join(tempDir(), 'example.com.dns');
    copyFileSync(SEED_ZONE, copy);
    await run('lint', '--fix', '--origin', 'example.com', copy);
    await page.click('#check-fix');
    const fixedText = await page.evaluate(() => (window as unknown as { zonesmith: { check: { view: { state: { doc: { toString(): string } } } } } }).zonesmith.check.view.state.doc.toString());
    expect(fixedText).toBe(readFileSync(copy, 'utf8'));
    const after = await pageFindings(page);
    expect(after).toEqual(await cliFindings(copy));
    expect(after.map((f) => f.rule)).not.toContain('non-ascii-whitespace');
    expect(after.map((f) => f.rule)).toContain('srv-port-zero');

    // Reports to download, named after the zone.
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#check-json')]);
    expect(json.suggestedFilename()).toBe('example.com.dns.zonesmith.json');
    expect((JSON.parse(readFileSync((await json.path())!, 'utf8')) as Finding[]).length).toBe(after.length);
    const [sarif] = await Promise.all([page.waitForEvent('download'), page.click('#check-sarif')]);
    const log = JSON.parse(readFileSync((await sarif.path())!, 'utf8')) as { version: string; runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toHaveLength(after.length);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('example.com.dns');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('through zonesmith serve: the form filled for examples/example.com.yaml gives the bytes zonesmith generate writes, and the YAML beside it', async () => {
    const { context, page, errors } = await open(server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await page.click('#tab-build');
    await page.click('#build-clear');

    const spec = parseYaml(readFileSync(EXAMPLE_SPEC, 'utf8')) as { zones: Record<string, any>[] };
    const zone = spec.zones[0]!;
    await page.fill('#spec-domain', zone.domain);
    await page.fill('#spec-ttl', zone.ttl);
    await page.fill('#spec-primary', zone.soa.primary);
    await page.fill('#spec-contact', zone.soa.contact);
    await page.fill('#spec-nameservers', zone.nameservers.join('\n'));
    for (const profile of zone.profiles) await page.check(`#spec-profile-${profile}`);
    for (const [name, address] of Object.entries(zone.hosts as Record<string, string>)) {
      await page.click('#spec-add-host');
      await page.locator('.host-row .host-name').last().fill(name);
      await page.locator('.host-row .host-addresses').last().fill(address);
    }
    for (const mx of zone.mx as { host: string; priority: number }[]) {
      await page.click('#spec-add-mx');
      await page.locator('.mx-row .mx-host').last().fill(mx.host);
      await page.locator('.mx-row .mx-priority').last().fill(String(mx.priority));
    }
    for (const [protocol, host] of Object.entries(zone.services as Record<string, string>)) await page.fill(`#spec-service-${protocol}`, host);

    const out = tempDir();
    const saved = process.env.SOURCE_DATE_EPOCH;
    delete process.env.SOURCE_DATE_EPOCH; // the page counts serials from today, as generate does without it
    const generated = await run('generate', EXAMPLE_SPEC, '-o', out);
    if (saved !== undefined) process.env.SOURCE_DATE_EPOCH = saved;
    expect(generated.code).toBe(0);
    const expected = readFileSync(join(out, 'example.com.dns'), 'utf8');
    await page.waitForFunction((text) => document.querySelector('#build-zone')!.textContent === text, expected, { timeout: 10_000 }).catch(() => undefined);
    expect(await page.textContent('#build-zone')).toBe(expected);
    // One zone: no zone picker.
    expect(await page.isVisible('#build-zone-pick')).toBe(false);

    // The YAML view holds the same spec as the file (its comments aside).
    const yamlText = await page.evaluate(() => document.querySelector('#build-editor .cm-content')!.textContent);
    expect(yamlText).toContain('domain: example.com');
    const [specDownload] = await Promise.all([page.waitForEvent('download'), page.click('#build-download-spec')]);
    expect(specDownload.suggestedFilename()).toBe('example.com.yaml');
    expect(parseYaml(readFileSync((await specDownload.path())!, 'utf8'))).toEqual(spec);

    // Download <domain>.dns: the same bytes.
    const [zoneDownload] = await Promise.all([page.waitForEvent('download'), page.click('#build-download')]);
    expect(zoneDownload.suggestedFilename()).toBe('example.com.dns');
    expect(readFileSync((await zoneDownload.path())!, 'utf8')).toBe(expected);

    // The provider's records: for each console, the rows `zonesmith records --for PROVIDER` lists, with
    // its notes; a row's copy button copies what goes into the form's value field.
    const providers = await page.$$eval('#build-provider option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(providers).toContain('generic');
    expect(providers.length).toBeGreaterThan(1);
    for (const provider of providers) {
      const sheet = JSON.parse((await run('records', EXAMPLE_SPEC, '--for', provider, '--format', 'json', '-o', out)).stdout) as {
        records: { fqdn: string; fields: { value?: string } }[];
        notes: { number: number; text: string }[];
      };
      await page.selectOption('#build-provider', provider);
      const values = await page.$$eval('#build-records tbody td.value', (cells) => cells.map((c) => c.textContent));
      expect(values).toEqual(sheet.records.map((r) => r.fields.value));
      const notes = await page.$$eval('#build-provider-notes li', (items) => items.map((li) => li.textContent));
      expect(notes).toHaveLength(sheet.notes.length);
      for (const [i, note] of sheet.notes.entries()) expect(notes[i]).toContain(note.text);
    }
    const provider = providers.find((p) => p !== 'generic')!;
    await page.selectOption('#build-provider', provider);
    const sheet = JSON.parse((await run('records', EXAMPLE_SPEC, '--for', provider, '--format', 'json', '-o', out)).stdout) as { records: { fqdn: string; fields: { value?: string } }[] };
    const imap = sheet.records.find((r) => r.fqdn === '_imap._tcp.example.com.')!;
    const row = page.locator('#build-records tbody tr', { hasText: imap.fields.value! }).first();
    await row.getByRole('button').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(imap.fields.value);

    // YAML -> form: a change written in the YAML appears in the form; a mistake is shown at its line.
    const editor = page.locator('#build-editor .cm-content');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n    bogus: 1');
    await page.waitForFunction(() => document.querySelectorAll('#build-findings .finding').length > 0);
    const problem = await page.locator('#build-findings .finding').first().textContent();
    const yamlLines = (await page.evaluate(() => [...document.querySelectorAll('#build-editor .cm-line')].map((l) => l.textContent))).length;
    expect(problem).toContain(`line ${yamlLines}:`);
    expect(problem).toContain('bogus');
    expect(await page.textContent('#build-zone')).toContain('no zone while the spec has errors');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a zone file opened or dropped takes its origin from its name, as on the command line', async () => {
    const { context, page, errors } = await open(pathToFileURL(pagePath).href);
    const named = join(tempDir(), 'example.com.dns');
    copyFileSync(SEED_ZONE, named);
    const expected = await cliFindings(SEED_ZONE);
    await page.setInputFiles('#check-file', named);
    await page.waitForFunction(() => document.querySelectorAll('#check-findings .finding').length > 0);
    expect(await pageFindings(page)).toEqual(expected);

    // Dropped on the editor: the text replaces what was there, and the file's name gives the origin.
    await page.reload();
    const drop = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'example.com.dns', { type: 'text/plain' }));
      return data;
    }, readFileSync(SEED_ZONE, 'utf8'));
    await page.dispatchEvent('#check-editor .cm-content', 'drop', { dataTransfer: drop });
    await page.waitForFunction(() => document.querySelectorAll('#check-findings .finding').length > 0);
    expect(await pageFindings(page)).toEqual(expected);
    const [zone] = await Promise.all([page.waitForEvent('download'), page.click('#check-download-zone')]);
    expect(zone.suggestedFilename()).toBe('example.com.dns');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a spec with defaults and several zones, pasted as YAML: the form shows its first zone and says what it leaves to the YAML; each zone is generate\'s', async () => {
    const { context, page, errors } = await open(pathToFileURL(pagePath).href);
    await page.click('#tab-build');
    const hosting = join(REPO_ROOT, 'examples', 'hosting.yaml');
    const editor = page.locator('#build-editor .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await paste(page, '#build-editor .cm-content', readFileSync(hosting, 'utf8'));
    // YAML -> form.
    await page.waitForFunction(() => (document.querySelector('#spec-domain') as HTMLInputElement).value === 'example.org');
    expect(await page.textContent('#build-form-note')).toContain('defaults, 2 more zones');

    const out = tempDir();
    const saved = process.env.SOURCE_DATE_EPOCH;
    delete process.env.SOURCE_DATE_EPOCH;
    expect((await run('generate', hosting, '-o', out)).code).toBe(0);
    if (saved !== undefined) process.env.SOURCE_DATE_EPOCH = saved;
    const options = await page.$$eval('#build-zone-pick option', (all) => all.map((o) => o.textContent));
    expect(options).toEqual(['example.org', 'example.net', 'xn--bcher-kva.example']);
    for (const [index, domain] of options.entries()) {
      await page.selectOption('#build-zone-pick', String(index));
      // The header names the spec after its first zone (the page has no file name for pasted YAML).
      const expected = readFileSync(join(out, `${domain}.dns`), 'utf8').replace('from hosting.yaml.', 'from example.org.yaml.');
      expect(await page.textContent('#build-zone')).toBe(expected);
    }
    // Opened as a file, the spec keeps its name: the header is generate's to the byte.
    await page.setInputFiles('#build-file', hosting);
    await page.waitForFunction(() => document.querySelector('#build-zone')!.textContent!.includes('from hosting.yaml.'));
    expect(await page.textContent('#build-zone')).toBe(readFileSync(join(out, 'example.org.dns'), 'utf8'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains, step by step, where each client ends up: for the zone being checked and the zone being built, as zonesmith explain does', async () => {
    const { context, page, errors } = await open(pathToFileURL(pagePath).href);
    const dir = tempDir();
    const named = join(dir, 'example.com.dns');
    copyFileSync(SEED_ZONE, named);
    await page.setInputFiles('#check-file', named);
    await page.click('#tab-explain');
    await page.waitForFunction(() => document.querySelectorAll('#explain-out .client').length > 0);
    // The seed as published: BIND refuses it, and the steps say so; the JSON is the command's, record for record.
    expect(await page.textContent('#explain-out .refusals')).toContain('BIND refuses this zone');
    const cli = await run('explain', named, '--format', 'json');
    const [fromCheck] = await Promise.all([page.waitForEvent('download'), page.click('#explain-download-json')]);
    expect(readFileSync((await fromCheck.path())!, 'utf8')).toBe(cli.stdout.replaceAll(`${dir}/`, ''));
    const clients = (JSON.parse(cli.stdout) as { clients: { name: string; setUp: boolean }[] }).clients;
    expect(await page.$$eval('#explain-out .client h3', (hs) => hs.map((h) => h.textContent))).toEqual(clients.map((c) => `${c.setUp ? 'sets up' : 'fails'} ${c.name}`));

    // An answer's line takes the user to it in the zone being checked.
    await page.locator('#explain-out .where-link', { hasText: 'example.com.dns:21' }).first().click();
    expect(await page.getAttribute('#tab-check', 'aria-selected')).toBe('true');
    const cursorLine = await page.evaluate(() => {
      const view = (window as unknown as { zonesmith: { check: { view: { state: { doc: { lineAt(n: number): { number: number } }; selection: { main: { head: number } } } } } } }).zonesmith.check.view;
      return view.state.doc.lineAt(view.state.selection.main.head).number;
    });
    expect(cursorLine).toBe(21);
    await page.click('#tab-explain');

    // The zone of the Build view, for one client and another address.
    await page.check('#explain-from input[value="build"]');
    await page.check('#explain-client-rfc6186');
    await page.fill('#explain-email', 'ann@example.com');
    await page.waitForFunction(() => document.querySelector('#explain-status')!.textContent!.startsWith('ann@example.com'));
    const built = await run('explain', EXAMPLE_SPEC, '--client', 'rfc6186', '--email', 'ann@example.com', '--format', 'json');
    const [fromBuild] = await Promise.all([page.waitForEvent('download'), page.click('#explain-download-json')]);
    // (The command explains each zone of a spec, in a list; the page the zone picked.)
    expect(JSON.parse(readFileSync((await fromBuild.path())!, 'utf8'))).toEqual((JSON.parse(built.stdout.replaceAll(`${REPO_ROOT}/examples/`, '')) as unknown[])[0]);
    // An address outside the zone is said at the field.
    await page.fill('#explain-email', 'ann@elsewhere.example');
    await page.waitForFunction(() => document.querySelector('#explain-email')!.getAttribute('aria-invalid') === 'true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts a spec from the zone being checked, as zonesmith init --from writes it, and refuses a zone BIND refuses', async () => {
    const { context, page, errors } = await open(pathToFileURL(pagePath).href);
    const zoneFile = join(REPO_ROOT, 'examples', 'example.com.dns');
    await page.setInputFiles('#check-file', zoneFile);
    await page.waitForFunction(() => document.querySelector('#check-status')!.textContent!.includes('records read'));
    await page.click('#tab-build');
    await page.click('#build-adopt');
    const dir = tempDir();
    const spec = join(dir, 'example.com.yaml');
    expect((await run('init', '--from', zoneFile, '-o', spec)).code).toBe(0);
    const yamlText = await page.evaluate(() => (window as unknown as { zonesmith: { build: { yaml(): string } } }).zonesmith.build.yaml());
    expect(yamlText).toBe(readFileSync(spec, 'utf8'));
    // The spec generates the zone again: the page's zone is generate's from that spec.
    const generated = await run('generate', spec, '--stdout');
    expect(await page.textContent('#build-zone')).toBe(generated.stdout);
    expect(await page.inputValue('#spec-domain')).toBe('example.com');

    // The seed as published: BIND refuses it, so no spec is written from it.
    await page.click('#tab-check');
    await page.setInputFiles('#check-file', SEED_ZONE);
    await page.fill('#check-origin', 'example.com');
    await page.click('#tab-build');
    await page.click('#build-adopt');
    expect(await page.textContent('#build-status')).toMatch(/errors? BIND would refuse/);
    expect(await page.evaluate(() => (window as unknown as { zonesmith: { build: { yaml(): string } } }).zonesmith.build.yaml())).toBe(yamlText);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has text of WCAG AA contrast in every view, empty and full', async () => {
    const { context, page } = await open(pathToFileURL(pagePath).href);
    expect(await page.evaluate(lowContrastText)).toEqual([]);
    await page.fill('#check-origin', 'example.com');
    await paste(page, '#check-editor .cm-content', readFileSync(SEED_ZONE, 'utf8'));
    await page.waitForFunction(() => document.querySelectorAll('#check-findings .finding').length > 0);
    expect(await page.evaluate(lowContrastText)).toEqual([]);
    await page.click('#tab-build');
    expect(await page.evaluate(lowContrastText)).toEqual([]);
    await page.click('#tab-explain');
    await page.waitForFunction(() => document.querySelectorAll('#explain-out .client').length > 0);
    expect(await page.evaluate(lowContrastText)).toEqual([]);
    await context.close();
  });

  it('is usable at phone width and by keyboard, with every control labelled', async () => {
    const { context, page } = await open(server.url, { width: 360, height: 740 });
    for (const tab of ['check', 'build', 'explain']) {
      await page.click(`#tab-${tab}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const unlabelled = await page.$$eval('input, select, textarea, button, [contenteditable="true"]', (elements) =>
        elements
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .filter((e) => {
            const labels = (e as HTMLInputElement).labels;
            return !(labels && labels.length > 0) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') && (e.textContent ?? '').trim() === '';
          })
          .map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(unlabelled).toEqual([]);
    }
    // Tabs by keyboard: arrow keys move between them.
    await page.focus('#tab-build');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('#tab-check', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#panel-check')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-check');
    // Tab is not taken by the editor: it moves on, so the keyboard never gets stuck in it.
    await page.locator('#check-editor .cm-content').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#check-editor') === null)).toBe(true);
    await context.close();
  });

  it('lets no request leave the page: the CSP blocks one the page would try, and the browser asked for nothing but the page', async () => {
    const { context, page } = await open(server.url);
    const before = served.length;
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(`${url}leak`);
        return 'sent';
      } catch {
        return 'blocked';
      }
    }, server.url);
    expect(outcome).toBe('blocked');
    expect(served.slice(before)).toEqual([]);
    // The server was asked for the page and nothing else (not even a favicon: the page names its own, inline).
    expect(new Set(served)).toEqual(new Set(['/']));
    await context.close();
    const fileUrl = pathToFileURL(pagePath).href;
    const others = requests.filter((url) => url !== fileUrl && url !== server.url && !url.startsWith('blob:') && !url.startsWith('data:'));
    expect(others).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
