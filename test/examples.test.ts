/**
 * The checked-in examples are what `zonesmith generate` makes of their specs, byte for byte, and
 * BIND loads every one of them without a warning. To refresh after a deliberate change:
 *   npx zonesmith generate examples/example.com.yaml -o examples
 *   npx zonesmith generate examples/hosting.yaml -o examples/hosting
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withGeneratedDocs } from '../src/spec/docs.js';
import { bindAvailable, checkZoneFile, checkZoneText } from './helpers/bind.js';
import { run } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const EXAMPLES = join(REPO_ROOT, 'examples');
const SETS = [
  { spec: 'example.com.yaml', out: EXAMPLES },
  { spec: 'hosting.yaml', out: join(EXAMPLES, 'hosting') },
];

describe('examples', () => {
  it.each(SETS)('$spec regenerates to the checked-in zones', async ({ spec, out }) => {
    const { code, stdout, stderr } = await run('generate', join(EXAMPLES, spec), '-o', out, '--check', '--format', 'github');
    const problems = stderr.split('\n').filter((line) => line !== '' && !/^::(warning|notice) /.test(line));
    expect(problems, `${stderr}\nrefresh: npx zonesmith generate examples/${spec} -o ${out.slice(REPO_ROOT.length + 1)}`).toEqual([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/up to date/);
  });

  it('README.md shows the service catalog and the spec keys as they are', () => {
    const file = join(EXAMPLES, '..', 'README.md');
    if (process.env.ZONESMITH_UPDATE_DOCS === '1') writeFileSync(file, withGeneratedDocs(readFileSync(file, 'utf8')));
    const text = readFileSync(file, 'utf8');
    expect(text, 'refresh: ZONESMITH_UPDATE_DOCS=1 npx vitest run test/examples.test.ts').toBe(withGeneratedDocs(text));
    expect(text).toContain('| `imaps` | `_imaps._tcp` | (none) | 993 |');
    expect(text).toContain('| `zones[].services.<protocol>.path` |');
  });

  it('every example spec validates without a remark (the seed page\'s LAN addresses became documentation ones)', async () => {
    for (const { spec } of SETS) {
      const { code, stderr } = await run('validate', join(EXAMPLES, spec));
      expect(stderr, spec).toBe('');
      expect(code).toBe(0);
    }
  });

  it('every example zone passes zonesmith lint without a remark, under the profiles its header declares', async () => {
    const dir = join(EXAMPLES, 'hosting');
    const zones = [join(EXAMPLES, 'example.com.dns'), ...readdirSync(dir).filter((f) => f.endsWith('.dns')).map((f) => join(dir, f))];
    expect(readFileSync(zones[0]!, 'utf8')).toContain('\n; zonesmith: profiles mdaemon\n');
    const { code, stdout } = await run('lint', ...zones, '--format', 'json');
    expect(JSON.parse(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  it('hosting has several domains sharing servers through defaults', () => {
    expect(readdirSync(join(EXAMPLES, 'hosting')).filter((f) => f.endsWith('.dns')).length).toBeGreaterThanOrEqual(3);
  });

  it('every example zone loads in BIND without a single warning', (ctx) => {
    if (!bindAvailable()) return ctx.skip();
    const zones = [
      ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.dns')).map((f) => join(EXAMPLES, f)),
      ...readdirSync(join(EXAMPLES, 'hosting')).filter((f) => f.endsWith('.dns')).map((f) => join(EXAMPLES, 'hosting', f)),
    ];
    expect(zones.length).toBeGreaterThanOrEqual(4);
    for (const zone of zones) {
      const origin = zone.split('/').pop()!.replace(/\.dns$/, '.');
      const verdict = checkZoneFile(origin, zone);
      expect(verdict.problems, `${zone}\n${verdict.lines.join('\n')}`).toEqual([]);
      expect(verdict.code).toBe(0);
    }
  });
});

describe('the BIND helper', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('fails under CI when named-checkzone is missing, and skips with a message elsewhere', () => {
    vi.stubEnv('NAMED_CHECKZONE', 'named-checkzone-that-is-not-installed');
    vi.stubEnv('CI', 'true');
    expect(() => bindAvailable()).toThrow(/not found .*required under CI/);
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(bindAvailable()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^SKIPPED: BIND checks: .* not found/));
    warn.mockRestore();
  });

  it('reports every line BIND prints beyond "loaded" and "OK"', (ctx) => {
    if (!bindAvailable()) return ctx.skip();
    const bad = checkZoneText('example.org.', '$TTL 1h\n@ IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\n@ IN MX 10 mail\nmail IN CNAME ns1\nns1 IN A 192.0.2.1\n');
    expect(bad.code).not.toBe(0);
    expect(bad.problems.join('\n')).toMatch(/is a CNAME \(illegal\)/);
    const good = checkZoneText('example.org.', '$TTL 1h\n@ IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n');
    expect(good).toMatchObject({ code: 0, problems: [] });
  });
});
