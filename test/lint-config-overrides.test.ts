/**
 * Lint settings per zone (issue 9): `profiles: []` in .zonesmith.yaml means no profile at all, and
 * `overrides` give some zones their own profiles and rules, in .zonesmith.yaml and in a spec's `lint:`.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, settingsForZone } from '../src/lint/config.js';
import { Name } from '../src/zone/name.js';
import { run, tempDir } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

/** Draws profile standard's missing-autodiscovery-record (info: no mail SRV) and nothing else. */
const IREDMAIL = join(REPO_ROOT, 'test/fixtures/vendors/iredmail.dns');

function zoneWithConfig(config: string, name = 'example.com.dns'): string {
  const dir = tempDir();
  copyFileSync(IREDMAIL, join(dir, name));
  writeFileSync(join(dir, '.zonesmith.yaml'), config);
  return join(dir, name);
}

describe('config: profiles: [] and overrides', () => {
  it('reads overrides with their zones, profiles and rules; problems at their place', () => {
    const config = parseConfig('profiles: [standard]\noverrides:\n  - zones: [Lab.Example.com, "*.internal.example.com"]\n    profiles: []\n    rules: { private-address: off }\n', 'c.yaml');
    expect(config.diagnostics).toEqual([]);
    expect(config.overrides).toEqual([{ zones: ['lab.example.com.', '*.internal.example.com.'], profiles: [], rules: { 'private-address': 'off' } }]);
    expect(settingsForZone(config, Name.from('lab.example.com.'))).toEqual({ profiles: [], rules: { 'private-address': 'off' } });
    expect(settingsForZone(config, Name.from('a.internal.example.com.'))).toEqual({ profiles: [], rules: { 'private-address': 'off' } });
    expect(settingsForZone(config, Name.from('internal.example.com.'))).toEqual({ profiles: ['standard'], rules: {} });
    expect(settingsForZone(config, undefined)).toEqual({ profiles: ['standard'], rules: {} });

    const bad = parseConfig('overrides:\n  - profiles: []\n    rulez: {}\n  - zones: ["bad..name"]\n', 'c.yaml');
    expect(bad.diagnostics.map((d) => [d.line, d.message.replace(/ \(.*$/, '')])).toEqual([
      [3, 'unknown key "rulez"'],
      [2, 'an override names its zones: zones: [example.com]'],
      [4, 'a zone is a domain name such as example.com, or *.example.com for the zones below it'],
    ]);
  });

  it('lint: profiles: [] in .zonesmith.yaml applies no profile (before: standard all the same)', async () => {
    const without = await run('lint', zoneWithConfig('rules: {}\n'), '--format', 'json');
    expect(JSON.parse(without.stdout).map((d: { rule: string }) => d.rule)).toContain('missing-autodiscovery-record');
    const none = await run('lint', zoneWithConfig('profiles: []\n'), '--format', 'json');
    expect(none).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('lint: an override by zone name (the file name gives it) sets that zone\'s profiles and rules', async () => {
    const config = 'overrides:\n  - zones: [example.com]\n    profiles: []\n  - zones: [example.org]\n    rules: { missing-autodiscovery-record: off }\n';
    expect((await run('lint', zoneWithConfig(config), '--format', 'json')).stdout).toBe('[]\n');
    const other = await run('lint', zoneWithConfig(config, 'example.net.dns'), '--format', 'json', '--origin', 'example.com');
    expect(other.stdout).toBe('[]\n');
    const unmatched = await run('lint', zoneWithConfig(config, 'example.net.dns'), '--format', 'json', '--origin', 'example.net');
    expect(JSON.parse(unmatched.stdout).length).toBeGreaterThan(0);
  });

  it("validate: a spec's lint: overrides apply to the zones they name", async () => {
    const dir = tempDir();
    const spec = join(dir, 'spec.yaml');
    const zone = (domain: string) =>
      `  - domain: ${domain}\n    soa: { primary: ns1.example.net, contact: hostmaster@example.net }\n    nameservers: [ns1.example.net, ns2.example.org]\n    hosts: { mail: 192.0.2.25 }\n    mx: [mail]\n`;
    writeFileSync(spec, `version: 1\nlint:\n  overrides:\n    - zones: [example.com]\n      profiles: []\nzones:\n${zone('example.com')}${zone('example.org')}`);
    const judged = await run('validate', spec, '--format', 'json');
    const messages: string[] = JSON.parse(judged.stdout).map((d: { message: string }) => d.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => !m.includes('example.com.'))).toBe(true);
    expect(messages.some((m) => m.includes('example.org.'))).toBe(true);
  });
});
