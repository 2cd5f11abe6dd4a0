import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'specs', name);

describe('the command line', () => {
  it.each(['generate', 'validate', 'records', 'init', 'serve'])('%s --help shows its options and examples', async (command) => {
    const { code, stdout } = await run(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`zonesmith ${command}`);
    expect(stdout).toMatch(/Examples:\n +zonesmith /);
  });

  it('no command or an unknown one is a usage error that says what to do', async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Name a command/);
    const typo = await run('generat', 'x.yaml');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command "generat" \(did you mean generate\?\)/);
  });

  it('a missing argument stops before the command runs, and points at its --help', async () => {
    const missing = await run('generate');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).not.toMatch(/undefined|cannot read/);
    expect(missing.stderr).toMatch(/Not enough non-option arguments[\s\S]*zonesmith generate --help/);
  });

  it('lint does not count a file it could not read as clean', async () => {
    const result = await run('lint', join(REPO_ROOT, 'test', 'fixtures', 'no-such-zone.dns'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^zonesmith: cannot read .*no-such-zone\.dns: no such file or directory\n$/);
    expect(result.stdout).not.toMatch(/no problems in 1 file/);
  });

  it('validate: exit 0 with a summary for a valid spec, 1 with every problem otherwise', async () => {
    const ok = await run('validate', fixture('minimal.yaml'));
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(/minimal\.yaml: valid \(1 zone, 10 records\)\n$/);
    const bad = await run('validate', fixture('bad-schema.yaml'));
    expect(bad.code).toBe(1);
    // Shape and meaning in one pass: the misspelt `sao` also leaves the zone without soa.primary and soa.contact.
    expect(bad.stdout).toMatch(/bad-schema\.yaml:3:5  error  zone example\.org\. needs soa\.primary/);
    expect(bad.stdout).toMatch(/bad-schema\.yaml:5:5  error  unknown key "sao" \(did you mean "soa"\?\)/);
    expect(bad.stdout).toMatch(/12 problems \(12 errors, 0 warnings, 0 info\) in 1 file\n$/);
    expect(bad.stderr).toBe(`zonesmith validate: ${fixture('bad-schema.yaml')}: 12 errors\n`);
    const malformed = await run('validate', fixture('malformed.json'));
    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toMatch(/malformed\.json:5:\d+  error  /);
  });

  it('validate --format json, github and sarif: the same problems for tools and pull requests', async () => {
    const json = await run('validate', fixture('bad-schema.yaml'), '--format', 'json');
    expect(json.code).toBe(1);
    const rows = JSON.parse(json.stdout) as { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
    expect(rows).toHaveLength(12);
    const ttl = rows.find((r) => r.line === 4);
    expect(ttl).toMatchObject({ line: 4, column: 10, severity: 'error', rule: 'spec' });
    expect(ttl!.message).toMatch(/"ttl" is -5.* \(at \/zones\/0\/ttl\)$/);
    const github = await run('validate', fixture('bad-schema.yaml'), '--format', 'github');
    expect(github.stdout.split('\n')[2]).toMatch(/^::error file=.*bad-schema\.yaml,line=4,col=10,.*title=spec::"ttl" is -5/);
    const sarif = await run('validate', fixture('bad-schema.yaml'), '--format', 'sarif');
    const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex?: number }[] }[] };
    const [sarifRun] = log.runs;
    expect(sarifRun!.results).toHaveLength(12);
    // The spec's own problems have a rule entry of their own, like every lint rule.
    const specIndex = sarifRun!.tool.driver.rules.findIndex((r) => r.id === 'spec');
    expect(sarifRun!.results.every((r) => r.ruleId === 'spec' && r.ruleIndex === specIndex)).toBe(true);
    const ok = await run('validate', fixture('minimal.yaml'), '--format', 'json', '--config', fixture('quiet-autodiscovery.yaml'));
    expect(ok).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('validate --max-warnings: warnings fail the run only beyond the limit; a bad limit is a usage error', async () => {
    const allowed = await run('validate', fixture('minimal.yaml'), '--max-warnings', '1');
    expect(allowed.code).toBe(0);
    const over = await run('validate', fixture('minimal.yaml'), '--max-warnings', '0');
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/minimal\.yaml:4:5  warning  .*  missing-autodiscovery-record/);
    expect(over.stderr).toMatch(/1 warning, more than --max-warnings 0/);
    expect((await run('validate', fixture('minimal.yaml'), '--max-warnings', '-1')).code).toBe(2);
  });

  it('a spec that cannot be read is an I/O error (exit 2) that names it', async () => {
    const { code, stderr } = await run('validate', fixture('absent.yaml'));
    expect(code).toBe(2);
    expect(stderr).toBe(`zonesmith: cannot read ${fixture('absent.yaml')}: no such file or directory\n`);
  });
});
