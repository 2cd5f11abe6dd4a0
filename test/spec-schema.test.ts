import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS, PROTOCOLS } from '../src/services/catalog.js';
import { formatSpecDiagnostic } from '../src/spec/diagnostics.js';
import { loadSpecText } from '../src/spec/load.js';
import { loadSpecFile } from '../src/spec/load-file.js';
import { buildSpecSchema, checkSpecShape } from '../src/spec/schema.js';
import { REPO_ROOT } from './helpers/shared.js';

const SCHEMA_FILE = join(REPO_ROOT, 'schemas', 'zonesmith.schema.json');
const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'specs', name);
const REFRESH = 'ZONESMITH_UPDATE_SCHEMA=1 npx vitest run test/spec-schema.test.ts';

/** Diagnostics of a fixture as "line:column message" for compact assertions. */
function shapeProblems(name: string): { line: number; column: number; message: string; path?: string }[] {
  const loaded = loadSpecFile(fixture(name));
  expect(loaded.diagnostics).toEqual([]);
  return checkSpecShape(loaded).map((d) => ({ line: d.line, column: d.column, message: d.message, path: d.path }));
}

describe('the published schema', () => {
  it('is the schema built from the catalog, byte for byte', () => {
    const built = JSON.stringify(buildSpecSchema(), null, 2) + '\n';
    if (process.env.ZONESMITH_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, built);
    const published = readFileSync(SCHEMA_FILE, 'utf8');
    expect(published, `schemas/zonesmith.schema.json is stale: run ${REFRESH}`).toBe(built);
  });

  it('takes protocol and profile ids from the catalog', () => {
    const schema = buildSpecSchema() as { $defs: { services: { properties: object } } };
    expect(Object.keys(schema.$defs.services.properties)).toEqual(PROTOCOLS.map((p) => p.id));
    expect(JSON.stringify(schema)).toContain(JSON.stringify([...PROFILE_IDS]));
  });

  it('describes every property, so editors can show help', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [key, value] of Object.entries(n.properties as object)) {
          if (!(value as { description?: string }).description) missing.push(`${path}/${key}`);
        }
      }
      for (const [key, value] of Object.entries(n)) walk(value, `${path}/${key}`);
    };
    walk(buildSpecSchema(), '');
    expect(missing).toEqual([]);
  });
});

describe('schema errors point at the line the user wrote', () => {
  it('YAML: every problem at once, with line, column, path and what is valid', () => {
    const problems = shapeProblems('bad-schema.yaml');
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);
    expect(at(4).join()).toMatch(/"ttl" is -5; it must be between 0 and 2147483647/);
    expect(at(5).join()).toMatch(/unknown key "sao" \(did you mean "soa"\?\); allowed here: domain, ttl, soa, /);
    expect(at(7).join()).toMatch(/"nameservers" is "ns1"; expected a list/);
    expect(at(8).join()).toMatch(/profiles\[1\] is "exchange"; use one of: standard, mdaemon/);
    expect(at(11).join()).toMatch(/"www" is 42.*IPv4 or IPv6 address/);
    expect(at(13).join()).toMatch(/unknown key "prio" \(did you mean "priority"\?\)/);
    expect(at(15).join()).toMatch(/"port" is 70000; it must be between 1 and 65535/);
    expect(at(16).join()).toMatch(/unknown protocol "pop" \(_pop._tcp is the mdaemon label of protocol "pop3"\); protocols: autodiscover, /);
    expect(at(17).join()).toMatch(/"weight" is -1; it must be between 0 and 65535/);
    expect(at(19).join()).toMatch(/records\[0\] needs the key "value"/);
    expect(problems.find((p) => p.line === 5)).toMatchObject({ column: 5, path: '/zones/0/sao' });
    expect(problems.find((p) => p.line === 15)).toMatchObject({ path: '/zones/0/services/imaps/port' });
    expect(problems).toHaveLength(10);
  });

  it('JSON: the same checks, at JSON lines', () => {
    const problems = shapeProblems('bad-schema.json');
    expect(problems.map((p) => [p.line, p.message.replace(/:.*$/s, '')])).toEqual([
      [6, '"ttl" is "forever", which is not valid'],
      [7, '"serial" is 0; it must be between 1 and 4294967295'],
      [9, 'unknown key "hostz" (did you mean "hosts"?); allowed here'],
      [10, '"priority" is 65536; it must be between 0 and 65535'],
    ]);
  });

  it('malformed YAML and JSON become diagnostics with positions, never exceptions', () => {
    const yaml = loadSpecFile(fixture('malformed.yaml'));
    expect(yaml.data).toBeUndefined();
    expect(yaml.diagnostics[0]).toMatchObject({ line: 5, severity: 'error' });
    expect(yaml.diagnostics[0]!.message).toMatch(/quote it \("@"/);
    const json = loadSpecFile(fixture('malformed.json'));
    expect(json.diagnostics.length).toBeGreaterThan(0);
    expect(json.diagnostics[0]!.line).toBe(5);
    const missing = loadSpecFile(fixture('no-such-file.yaml'));
    expect(missing.diagnostics[0]!.message).toMatch(/cannot read the spec: ENOENT/);
  });

  it('prints as FILE:LINE:COLUMN: severity: message (at /path)', () => {
    const loaded = loadSpecText('version: 1\nzones:\n  - domain: example.org\n    colour: blue\n', 'spec.yaml');
    const [d] = checkSpecShape(loaded);
    expect(formatSpecDiagnostic(d!)).toMatch(/^spec\.yaml:4:5: error: unknown key "colour".* \(at \/zones\/0\/colour\)$/);
  });

  it('bounds YAML alias expansion', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`);
    const loaded = loadSpecText(bomb.join('\n') + '\n', 'bomb.yaml');
    expect(loaded.diagnostics.map((d) => d.message).join()).toMatch(/cannot expand the YAML/);
  });

  it('accepts the lint settings the linter reads', () => {
    const loaded = loadSpecText(
      'version: 1\nlint:\n  profiles: [standard, connector]\n  rules: { srv-port-zero: off, private-address: warning }\nzones: [{ domain: example.org }]\n',
      'spec.yaml',
    );
    expect(checkSpecShape(loaded)).toEqual([]);
    const commaSeparated = loadSpecText('version: 1\nlint: { profiles: "standard,mdaemon" }\nzones: [{ domain: example.org }]\n', 'spec.yaml');
    expect(checkSpecShape(commaSeparated)).toEqual([]);
    const bad = loadSpecText('version: 1\nlint:\n  rules: { srv-port-zero: loud }\nzones: [{ domain: example.org }]\n', 'spec.yaml');
    expect(checkSpecShape(bad)[0]!.message).toMatch(/use one of: error, warning, info, off/);
  });
});
