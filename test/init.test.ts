import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOLS } from '../src/services/catalog.js';
import { bindAvailable, checkZoneFile } from './helpers/bind.js';
import { run, tempDir } from './helpers/cli.js';

describe('zonesmith init', () => {
  it.for(['standard', 'mdaemon'])('writes a %s starter spec that validates and generates a zone BIND loads', async (profile, ctx) => {
    const dir = tempDir();
    const spec = join(dir, 'start.yaml');
    const init = await run('init', 'example.org', '--profile', profile, '-o', spec);
    expect(init.code).toBe(0);
    const text = readFileSync(spec, 'utf8');
    expect(text).toMatch(/^# zonesmith spec for example\.org/);
    expect(text).toContain(`profiles: [${profile}]`);
    for (const p of PROTOCOLS.filter((p) => p.labels[profile as 'standard' | 'mdaemon'])) expect(text).toMatch(new RegExp(`^ +(# )?${p.id}: `, 'm'));
    expect((await run('validate', spec)).code).toBe(0);
    expect((await run('generate', spec, '-o', dir)).code).toBe(0);
    if (!bindAvailable()) return ctx.skip();
    const verdict = checkZoneFile('example.org.', join(dir, 'example.org.dns'));
    expect(verdict.problems, verdict.lines.join('\n')).toEqual([]);
  });

  it('names the file after the domain, and prints with -o -', async () => {
    const printed = await run('init', 'shop.example', '-o', '-');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('  - domain: shop.example\n');
    expect(printed.stdout).toContain('zonesmith validate shop.example.yaml');
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const spec = join(tempDir(), 'spec.yaml');
    writeFileSync(spec, 'mine\n');
    const refused = await run('init', 'example.org', '-o', spec);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists; choose another file with -o, or pass --force/);
    expect(readFileSync(spec, 'utf8')).toBe('mine\n');
    expect((await run('init', 'example.org', '-o', spec, '--force')).code).toBe(0);
    expect(readFileSync(spec, 'utf8')).toMatch(/domain: example\.org/);
  });

  it('refuses a domain that is not a host name, and says the punycode form', async () => {
    const idn = await run('init', 'bücher.example', '-o', '-');
    expect(idn.code).toBe(2);
    expect(idn.stderr).toMatch(/use "xn--bcher-kva\.example"/);
    const bad = await run('init', 'exa mple.org', '-o', join(tempDir(), 'x.yaml'));
    expect(bad.code).toBe(2);
    expect(existsSync(join(tempDir(), 'x.yaml'))).toBe(false);
  });
});
