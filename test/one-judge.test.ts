/**
 * One judge for specs and zone files (issue 7): the rules that `lint` runs over a zone file run over
 * the records a spec resolves to, with the same ids, severities and config; the spec layer judges
 * only the spec's own shape and imports no rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'specs', name);

/** `rule severity` of each finding of a JSON report, sorted (a spec and a zone file list them in different orders). */
function verdicts(json: string): string[] {
  return (JSON.parse(json) as { rule: string; severity: string }[]).map((d) => `${d.rule} ${d.severity}`).sort();
}

describe('one judge', () => {
  it('validate on a spec and lint on the zone generate writes from it give the same rule ids and severities', async () => {
    const spec = fixture('spf-expire.yaml');
    const plain = await run('validate', spec, '--format', 'json');
    expect(plain.code).toBe(1);
    expect(verdicts(plain.stdout)).toEqual(['rrset-ttl-mismatch warning', 'soa-values warning', 'spf-record error']);

    // generate writes nothing while there is an error; the same config for every command lets it write.
    const config = fixture('spf-expire.config.yaml');
    const dir = tempDir();
    expect((await run('generate', spec, '-o', dir)).code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    const generated = await run('generate', spec, '-o', dir, '--config', config);
    expect(generated.code).toBe(0);
    const zone = join(dir, 'example.org.dns');
    expect(readFileSync(zone, 'utf8')).toMatch(/v=spf1 include/);

    const validated = await run('validate', spec, '--format', 'json', '--config', config);
    const linted = await run('lint', zone, '--format', 'json', '--config', config);
    expect(verdicts(validated.stdout)).toEqual(['rrset-ttl-mismatch warning', 'soa-values warning', 'spf-record warning']);
    expect(verdicts(linted.stdout)).toEqual(verdicts(validated.stdout));
  });

  it("a spec's lint: key sets the rules' severities for validate, and --config replaces it", async () => {
    const spec = fixture('lint-key.yaml');
    const own = await run('validate', spec, '--format', 'json');
    expect(own.code).toBe(0);
    expect(verdicts(own.stdout)).toEqual(['single-nameserver info']);
    const other = await run('validate', spec, '--format', 'json', '--config', fixture('spf-expire.config.yaml'));
    expect(verdicts(other.stdout)).toEqual(['private-address warning', 'single-nameserver warning']);
    // --max-warnings counts what the config leaves as warnings, as lint does; generate then writes nothing.
    const dir = tempDir();
    const strict = await run('generate', spec, '-o', dir, '--config', fixture('spf-expire.config.yaml'), '--max-warnings', '1');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/2 warnings, more than --max-warnings 1; nothing was written/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the spec layer imports no lint rule', () => {
    const dir = join(REPO_ROOT, 'src', 'spec');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      expect(imports.filter((path) => path.includes('/lint/')), file).toEqual([]);
    }
  });
});
