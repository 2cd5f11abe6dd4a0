/**
 * `zonesmith init --from`: a zone file or an octoDNS zone file becomes a spec; what the spec cannot
 * carry is named (standard error, the spec's header, exit 1); and export --to octodns, then init
 * --from, then generate gives the records back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderedRecords } from '../src/generate/render.js';
import { adoptZone, parseZone, resolveSpecText } from '../src/index.js';
import { formatRdata } from '../src/zone/rdata.js';
import { run, tempDir } from './helpers/cli.js';
import { notSoaOrApexNs, recordSet, specZones } from './helpers/export-source.js';
import { expectGolden } from './helpers/golden.js';
import { REPO_ROOT } from './helpers/shared.js';

const RICH = join(REPO_ROOT, 'test/fixtures/export/source/rich.example.dns');

describe('init --from ZONEFILE', () => {
  it('adopts the example zone: hosts, MX and the mdaemon services it implies; golden spec; exit 0', async () => {
    const dir = tempDir();
    const out = join(dir, 'example.com.yaml');
    const result = await run('init', '--from', join(REPO_ROOT, 'examples/example.com.dns'), '-o', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('12 hosts, 8 services, 0 other records');
    const text = readFileSync(out, 'utf8');
    expectGolden('adopt/example.com.yaml', text);
    expect(text).toContain('profiles:\n      - mdaemon');
    expect(text).toContain('Every record is carried over.');
    // The adopted spec validates as it is.
    const validated = await run('validate', out);
    expect(validated.code, validated.stderr + validated.stdout).toBe(0);
  });

  it('names what a spec cannot carry, on standard error and in the spec, and exits 1', async () => {
    const dir = tempDir();
    const zone = join(dir, 'db.odd');
    writeFileSync(zone, '$ORIGIN odd.example.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\nweird\\@name A 192.0.2.2\n');
    const out = join(dir, 'odd.yaml');
    const result = await run('init', '--from', zone, '--origin', 'odd.example', '-o', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not carried over: weird\\@name.odd.example. A: the owner name');
    expect(readFileSync(out, 'utf8')).toContain('# Not carried over');
  });

  it('refuses a zone BIND would refuse, writing nothing (exit 1)', async () => {
    const dir = tempDir();
    const zone = join(dir, 'bad.example.zone');
    writeFileSync(zone, '$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nwww CNAME a\nwww A 192.0.2.1\n');
    const result = await run('init', '--from', zone, '-o', join(dir, 'x.yaml'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was written');
  });

  it('the rich zone: the records that are not hosts, MX or services stay under records and come back', () => {
    const parsed = parseZone(readFileSync(RICH, 'utf8'), { file: RICH, origin: 'rich.example.' });
    const adopted = adoptZone(parsed, { from: 'rich.example.dns' });
    expect(adopted.notes).toEqual([]);
    const spec = resolveSpecText(adopted.text, { file: 'rich.yaml' });
    expect(spec.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const regenerated = orderedRecords(spec.zones[0]!.zone);
    const notSoa = (r: { type: string }) => r.type !== 'SOA';
    expect(recordSet(regenerated, notSoa)).toEqual(recordSet(parsed.records, notSoa));
  });
});

describe('export --to octodns, init --from, generate', () => {
  for (const [name, source] of [
    ['example.com', () => specZones('examples/example.com.yaml')[0]!],
    ['rich.example', () => {
      const parsed = parseZone(readFileSync(RICH, 'utf8'), { file: RICH, origin: 'rich.example.' });
      return { origin: parsed.origin, records: parsed.records };
    }],
  ] as const) {
    it(`${name}: the same records, apart from the SOA octoDNS does not keep and what export named`, async () => {
      const dir = tempDir();
      const zoneFile = join(dir, `${name}.dns`);
      const zone = source();
      writeFileSync(zoneFile, zone.records.map((r) => `${r.owner.toString()} ${r.ttl} ${r.class} ${r.type} ${formatRdata(r.type, r.data)}`).join('\n') + '\n');
      const exported = await run('export', zoneFile, '--origin', name, '--to', 'octodns', '-o', dir);
      expect(exported.code, exported.stderr).toBe(0);
      const leftOut = new Set([...exported.stderr.matchAll(/left-out: (\S+ \S+):/g)].map((m) => m[1]!));
      const changed = new Set([...exported.stderr.matchAll(/changed: (\S+ \S+):/g)].map((m) => m[1]!));
      const spec = join(dir, `${name}.spec.yaml`);
      const adopted = await run('init', '--from', join(dir, `${name}.yaml`), '-o', spec);
      expect(adopted.stderr).toContain('octoDNS keeps no SOA');
      expect(adopted.code, adopted.stderr).toBe(0);
      const generated = await run('generate', spec, '--stdout');
      expect(generated.code, generated.stderr).toBe(0);
      const back = parseZone(generated.stdout, { origin: name });
      const label = (r: { owner: { toString(): string }; type: string }) => `${r.owner.toString()} ${r.type}`;
      const compared = (r: (typeof zone.records)[number]) => notSoaOrApexNs(zone.origin)(r) && !leftOut.has(label(r)) && !changed.has(label(r));
      expect(recordSet(back.records, compared)).toEqual(recordSet(zone.records, compared));
      expect(recordSet(back.records, (r) => r.type === 'NS' && r.owner.equals(zone.origin)).map((l) => l.split(' ; ')[1])).toEqual(
        recordSet(zone.records, (r) => r.type === 'NS' && r.owner.equals(zone.origin)).map((l) => l.split(' ; ')[1]),
      );
    });
  }
});

it('init --from never writes the spec over the file it adopts', async () => {
  const dir = tempDir();
  const octodns = join(dir, 'example.com.yaml');
  writeFileSync(octodns, "---\n'':\n  type: NS\n  values: [ns1.example.net., ns2.example.net.]\n");
  const result = await run('init', '--from', octodns, '-o', octodns, '--force');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('is the file adopted');
  expect(readFileSync(octodns, 'utf8')).toContain("type: NS");
});

it('init --from takes the domain and the profile from the zone: giving them too is a usage error', async () => {
  const zone = join(REPO_ROOT, 'examples/example.com.dns');
  const withDomain = await run('init', 'example.org', '--from', zone, '-o', '-');
  expect(withDomain.code).toBe(2);
  expect(withDomain.stderr).toContain('takes the domain from the zone');
  const withProfile = await run('init', '--from', zone, '--profile', 'mdaemon', '-o', '-');
  expect(withProfile.code).toBe(2);
  expect(withProfile.stderr).toContain('leave out --profile');
});
