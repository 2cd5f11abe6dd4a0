/**
 * The checked-in examples are what `zonesmith generate` makes of their specs, byte for byte, and
 * BIND loads every one of them without a warning. To refresh after a deliberate change:
 *   npx zonesmith generate examples/example.com.yaml -o examples
 *   npx zonesmith generate examples/hosting.yaml -o examples/hosting
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindAvailable, checkZoneFile } from './helpers/bind.js';
import { run } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const EXAMPLES = join(REPO_ROOT, 'examples');
const SETS = [
  { spec: 'example.com.yaml', out: EXAMPLES },
  { spec: 'hosting.yaml', out: join(EXAMPLES, 'hosting') },
];

describe('examples', () => {
  it.each(SETS)('$spec regenerates to the checked-in zones', async ({ spec, out }) => {
    const { code, stdout, stderr } = await run('generate', join(EXAMPLES, spec), '-o', out, '--check');
    expect(stderr, `${stderr}\nrefresh: npx zonesmith generate examples/${spec} -o ${out.slice(REPO_ROOT.length + 1)}`).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/up to date/);
  });

  it('hosting has several domains sharing servers through defaults', () => {
    expect(readdirSync(join(EXAMPLES, 'hosting')).filter((f) => f.endsWith('.dns')).length).toBeGreaterThanOrEqual(3);
  });

  it('every example zone loads in BIND without a single warning', () => {
    if (!bindAvailable()) return;
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
