import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compareDiagnostics, type Diagnostic } from '../src/diagnostics.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZONE_TEMPLATE } from '../src/generate/default-template.js';
import {
  compileTemplate,
  CONSOLE_FORMATS,
  CONSOLE_PROVIDERS,
  consoleRecords,
  formatConsoleNotes,
  formatRecords,
  LINT_PROFILE_IDS,
  lintZone,
  listRecords,
  loadSpec,
  Name,
  parseZone,
  PROFILE_IDS,
  PROTOCOLS,
  RECORD_FORMATS,
  renderZones,
  resolveSpec,
  resolveSpecText,
  RULE_METAS,
  type ParsedRecord,
  type ReadInclude,
} from '../src/index.js';
import { RULES } from '../src/lint/rules/index.js';
import { latin1String } from '../src/zone/bytes.js';
import { decodeBase64, encodeBase64 } from '../src/zone/rdata/codecs.js';
import { lintFile, packageVersion, resolveSpecFile } from '../src/node.js';
import { run } from './helpers/cli.js';
import { importGraph, nodeDependencies } from './helpers/import-graph.js';
import { REPO_ROOT } from './helpers/shared.js';

describe('the core (src/index.ts) runs without Node', () => {
  const graph = importGraph(join(REPO_ROOT, 'src/index.ts'));

  it('imports no node: module and names no process, console or Buffer anywhere in its import graph', () => {
    expect(graph.length).toBeGreaterThan(20);
    expect(nodeDependencies(graph, REPO_ROOT)).toEqual([]);
  });

  it('the walker does see Node where it is (the CLI and zonesmith/node)', () => {
    const node = nodeDependencies(importGraph(join(REPO_ROOT, 'src/node.ts')), REPO_ROOT);
    expect(node.some((problem) => problem.includes('imports node:fs'))).toBe(true);
  });

  it('embeds templates/zone.hbs as it is (npm run build rewrites src/generate/default-template.ts)', () => {
    expect(DEFAULT_ZONE_TEMPLATE).toBe(readFileSync(join(REPO_ROOT, 'templates/zone.hbs'), 'utf8'));
  });
});

describe('the library API on the fixtures', () => {
  const zones = join(REPO_ROOT, 'test/fixtures/zones');
  const specs = join(REPO_ROOT, 'test/fixtures/specs');
  const text = (path: string) => readFileSync(path, 'utf8');

  it('parseZone reads text with an origin, and names the file in its problems', () => {
    const zone = parseZone(text(join(zones, 'basic.zone')), { origin: 'example.com' });
    expect(zone.origin.toString()).toBe('example.com.');
    expect(zone.records[0]!.type).toBe('SOA');
    expect(zone.problems).toEqual([]);
    const broken = parseZone(text(join(zones, 'errors.zone')), { file: 'errors.zone', origin: 'example.com.' });
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems.every((d) => d.file === 'errors.zone' && d.line > 0)).toBe(true);
  });

  it('parseZone takes the origin from a file name, never from its default name, and reads chunks like whole text', () => {
    const source = text(join(zones, 'basic.zone'));
    expect(parseZone(source, { file: 'example.net.dns' }).origin.toString()).toBe('example.net.');
    const unnamed = parseZone('@ IN SOA ns1 hostmaster 1 2 3 4 5\n');
    expect(unnamed.problems.map((d) => d.message)).toContainEqual(expect.stringContaining("cannot tell the zone's origin: pass"));
    const chunks = source.match(/[^]{1,7}/g)!;
    const whole = parseZone(source, { origin: 'example.com' });
    const shown = (zone: { records: readonly ParsedRecord[] }) => zone.records.map((r) => `${r.position.line}:${r.position.column} ${r.owner} ${r.ttl} ${r.type}`);
    expect(whole.records.length).toBeGreaterThan(3);
    expect(shown(parseZone(chunks, { origin: 'example.com' }))).toEqual(shown(whole));
    expect(() => parseZone(source, { origin: 'a..b' })).toThrow(TypeError);
  });

  it('parseZone reads $INCLUDE only through readInclude, and catches include loops by key', () => {
    const main = text(join(zones, 'include/main.zone'));
    const without = parseZone(main, { file: 'main.zone', origin: 'example.com' });
    expect(without.problems).toHaveLength(1);
    expect(without.problems[0]!.message).toMatch(/^\$INCLUDE sub\/inc\.zone: not read: .*readInclude/);
    const asked: string[] = [];
    const readInclude: ReadInclude = (path, from) => {
      asked.push(`${from} -> ${path}`);
      return { file: path, text: text(join(zones, 'include', path)) };
    };
    const withIncludes = parseZone(main, { file: 'main.zone', origin: 'example.com', readInclude });
    expect(withIncludes.problems).toEqual([]);
    expect(asked).toEqual(['main.zone -> sub/inc.zone']);
    expect(withIncludes.files).toEqual(['main.zone', 'sub/inc.zone']);
    expect(withIncludes.records.find((r) => r.owner.toString() === 'host.inner.example.com.')?.position.file).toBe('sub/inc.zone');
    const loop = parseZone('$INCLUDE self\n', { file: 'z', origin: 'example.com', readInclude: () => ({ file: 'again', key: 'z', text: '' }) });
    expect(loop.problems[0]!.message).toMatch(/include loop/);
    const refused = parseZone('$INCLUDE secret\n', { file: 'z', origin: 'example.com', readInclude: () => ({ error: 'refused here' }) });
    expect(refused.problems[0]!.message).toBe('$INCLUDE secret: refused here');
  });

  it('lintZone finds what lintFile finds in the same zone, with the same rule settings', () => {
    const file = join(REPO_ROOT, 'test/fixtures/lint/defects/cname-clash.example.com.dns');
    const fromText = lintZone(text(file), { file });
    expect(fromText.diagnostics.length).toBeGreaterThan(0);
    expect(fromText).toEqual(lintFile(file));
    const rule = fromText.diagnostics[0]!.rule;
    expect(lintZone(text(file), { file, rules: { [rule]: 'off' } }).diagnostics.some((d) => d.rule === rule)).toBe(false);
  });

  it('lintZone and lintFile stream each finding to onDiagnostic and keep none', () => {
    const file = join(REPO_ROOT, 'test/fixtures/lint/defects/cname-clash.example.com.dns');
    const sorted = lintZone(text(file), { file }).diagnostics;
    const streamed: Diagnostic[] = [];
    const result = lintZone(text(file), { file, onDiagnostic: (d) => void streamed.push(d) });
    expect(result.diagnostics).toEqual([]);
    expect(result.recordCount).toBeGreaterThan(0);
    expect([...streamed].sort(compareDiagnostics)).toEqual(sorted);
    const fromFile: Diagnostic[] = [];
    lintFile(file, { onDiagnostic: (d) => void fromFile.push(d) });
    expect(fromFile).toEqual(streamed);
  });

  it('loadSpec, resolveSpec and resolveSpecText read a spec with positions, as resolveSpecFile does', () => {
    const file = join(specs, 'minimal.yaml');
    const loaded = loadSpec(text(file), { file });
    expect(loaded.diagnostics).toEqual([]);
    const resolved = resolveSpec(loaded);
    expect(resolved.zones.map((z) => z.domain)).toEqual(['example.org']);
    expect(resolveSpecText(text(file), { file })).toEqual(resolved);
    expect(resolveSpecFile(file)).toEqual(resolved);
    const bad = resolveSpecText(text(join(specs, 'bad-meaning.yaml')), { file: 'bad.yaml' });
    expect(bad.diagnostics.length).toBeGreaterThan(0);
    expect(bad.diagnostics.every((d) => d.file === 'bad.yaml' && d.line > 0)).toBe(true);
  });

  it('renderZones writes what `zonesmith generate --stdout` writes, and lintZone reads it back', async () => {
    const file = join(specs, 'minimal.yaml');
    const date = new Date(Date.UTC(2026, 0, 2));
    const [zone, ...rest] = renderZones(resolveSpecFile(file), { date });
    expect(rest).toEqual([]);
    expect(zone!.fileName).toBe('example.org.dns');
    expect(zone!.serial).toEqual({ kind: 'new', serial: 2026010200 });
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = String(date.getTime() / 1000);
    try {
      expect((await run('generate', file, '--stdout')).stdout).toBe(zone!.text);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
    expect(parseZone(zone!.text, { file: zone!.fileName }).problems).toEqual([]);
    // An unchanged zone keeps the serial of the file that is there.
    const again = renderZones(resolveSpecFile(file), { date: new Date(Date.UTC(2026, 5, 1)), existing: () => zone!.text });
    expect(again[0]!.serial).toEqual({ kind: 'kept', serial: 2026010200 });
    const custom = compileTemplate(text(join(specs, 'custom.hbs')));
    expect(renderZones(resolveSpecFile(file), { date, template: custom })[0]!.text).toMatch(/^; custom layout for example\.org\./);
    expect(() => renderZones(resolveSpecText('version: 1\nzones: []\nbogus: 1\n'))).toThrow(/has errors/);
  });

  it('listRecords and formatRecords list a spec zone in zone-file order, and a parsed zone in file order', async () => {
    const file = join(specs, 'minimal.yaml');
    const [resolved] = resolveSpecFile(file).zones;
    const rows = listRecords(resolved!, { serial: 7 });
    expect(rows[0]).toMatchObject({ type: 'SOA', name: 'example.org.', data: expect.stringContaining(' 7 ') });
    expect(rows.find((r) => r.type === 'MX')).toMatchObject({ priority: 10, target: 'mail.example.org.' });
    const sheet = JSON.parse((await run('records', file, '--format', 'json', '--all')).stdout) as { records: { fqdn: string; type: string; data: string }[] };
    const fromCli = sheet.records.map((r) => ({ name: r.fqdn, type: r.type, data: r.type === 'SOA' ? '' : r.data }));
    expect(rows.map((r) => ({ name: r.name, type: r.type, data: r.type === 'SOA' ? '' : r.data }))).toEqual(fromCli);
    const parsed = parseZone(text(join(zones, 'basic.zone')), { origin: 'example.com' });
    const fromZone = listRecords(parsed);
    expect(fromZone.map((r) => r.type)).toEqual(parsed.records.map((r) => r.type));
    expect(formatRecords(fromZone, 'csv').split('\r\n')[0]).toBe('zone,name,fqdn,type,ttl,priority,weight,port,value');
    expect(RECORD_FORMATS).toContain('bind');
  });

  it('consoleRecords writes what `zonesmith records --for` writes, for a spec zone and for a parsed zone', async () => {
    const file = join(REPO_ROOT, 'examples', 'hosting.yaml');
    const zones = resolveSpecFile(file).zones;
    for (const provider of ['generic', 'route53', 'godaddy']) {
      for (const format of CONSOLE_FORMATS) {
        const cli = await run('records', file, '--for', provider, '--format', format);
        const lib = consoleRecords(zones, provider, { format });
        expect(lib.text).toBe(cli.stdout);
        if (format === 'csv') expect(formatConsoleNotes(lib.notes)).toBe(cli.stderr);
      }
    }
    const zoneFile = join(REPO_ROOT, 'examples', 'example.com.dns');
    const parsed = parseZone(text(zoneFile), { file: zoneFile });
    const cli = await run('records', zoneFile, '--for', 'digitalocean', '--format', 'md', '--all');
    expect(consoleRecords(parsed, 'digitalocean', { format: 'md', all: true }).text).toBe(cli.stdout);
    expect(CONSOLE_PROVIDERS.map((p) => p.id)).toContain('bunny');
    expect(() => consoleRecords(parsed, 'dyn')).toThrow(/no console "dyn"; known: generic, cloudflare/);
  });

  it('exports the rule metas, the catalog, the profile ids and Name', () => {
    expect(RULE_METAS.map((m) => m.id)).toEqual(RULES.map((r) => r.meta.id));
    expect(RULE_METAS.every((m) => m.description.length > 0 && m.source.length > 0)).toBe(true);
    expect(PROTOCOLS.map((p) => p.id)).toContain('imaps');
    expect(PROFILE_IDS).toContain('mdaemon');
    expect(LINT_PROFILE_IDS).toContain('connector');
    expect(Name.from('Example.COM.').key).toBe('example.com.');
    expect(packageVersion()).toBe(JSON.parse(text(join(REPO_ROOT, 'package.json'))).version);
  });

  it("`zonesmith --version` prints zonesmith's version (test/package.test.ts runs it inside another project)", async () => {
    expect(await run('--version')).toEqual({ code: 0, stdout: `${packageVersion()}\n`, stderr: '' });
  });
});

describe('octets without Buffer in the core', () => {
  it('base64 and latin-1 strings agree with Node’s Buffer on any octets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 9000 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(encodeBase64(bytes)).toBe(buffer.toString('base64'));
        const decoded = decodeBase64(buffer.toString('base64'));
        expect(decoded.ok && Buffer.from(decoded.bytes).equals(buffer)).toBe(true);
        expect(latin1String(bytes)).toBe(buffer.toString('latin1'));
      }),
      { numRuns: 200 },
    );
  });
});
