import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ZoneProblem } from '../src/zone/problem.js';
import { Name } from '../src/zone/name.js';
import { readZoneFile } from '../src/zone/read-file.js';
import { ZoneChecks } from '../src/zone/zone-checks.js';
import { bindAvailable } from './helpers/bind.js';

const CHECKS = join(import.meta.dirname, 'fixtures', 'zones', 'checks');
const ORIGIN = 'example.com.';

/** Parser errors and zone-check findings for a fixture. */
function check(name: string): { parser: ZoneProblem[]; zone: ZoneProblem[] } {
  const parser: ZoneProblem[] = [];
  const checks = new ZoneChecks();
  const summary = readZoneFile(
    { file: join(CHECKS, name), origin: Name.from(ORIGIN) },
    { record: (r) => checks.add(r), problem: (d) => parser.push(d) },
  );
  return { parser, zone: checks.finish(summary.origin) };
}

function summary(diagnostics: ZoneProblem[]): string[] {
  return diagnostics.map((d) => `${d.line} ${d.severity} ${d.kind} ${d.message.split(':')[0]}`);
}

describe('ZoneChecks', () => {
  it('finds nothing in a zone BIND loads (CNAME with its RRSIG, delegations, wildcard)', () => {
    const { parser, zone } = check('clean.zone');
    expect(parser).toEqual([]);
    expect(zone).toEqual([]);
  });

  it('reports CNAME beside other data and a second CNAME at the later record', () => {
    expect(summary(check('cname-and-other.zone').zone)).toEqual([
      '6 error cname-beside-data www.example.com.',
      '8 error second-cname alias.example.com.',
    ]);
    const [other, second] = check('cname-and-other.zone').zone;
    expect(other!.message).toMatch(/CNAME and other data/);
    expect(second!.message).toMatch(/more than one CNAME/);
  });

  it('allows beside a CNAME exactly the types BIND allows (TYPES_BESIDE_CNAME: RRSIG, NSEC, SIG, KEY; not NXT)', () => {
    expect(check('cname-beside-dnssec.zone')).toEqual({ parser: [], zone: [] });
    expect(summary(check('cname-beside-nxt.zone').zone)).toEqual(['7 error cname-beside-data www.example.com.']);
  });

  it('reports a second DNAME, and an apex NS target below a DNAME', () => {
    expect(summary(check('second-dname.zone').zone)).toEqual(['7 error second-dname old.example.com.']);
    expect(check('apex-ns-below-dname.zone').zone.map((d) => [d.line, d.kind, d.subject?.toString()])).toEqual([
      [5, 'apex-ns-target-below-dname', 'ns.moved.example.com.'],
    ]);
  });

  it('checks the apex NS targets as BIND does: no address, alias; glue below a cut and wildcards are fine', () => {
    expect(check('ns-targets.zone').zone.map((d) => [d.kind, d.subject?.toString(), d.message.replace(/:.*/, '')])).toEqual([
      ['apex-ns-target-no-address', 'ns2.example.com.', "NS 'ns2.example.com.' has no address records (A or AAAA)"],
      ['apex-ns-target-alias', 'alias.example.com.', "NS 'alias.example.com.' is a CNAME"],
    ]);
  });

  it('leaves delegations whose targets are odd to the linter, as BIND only logs them', () => {
    expect(check('dname-ns.zone').zone).toEqual([]);
  });

  it('reports NS at a wildcard', () => {
    expect(summary(check('wildcard-ns.zone').zone)).toEqual(['5 error wildcard-ns-owner *.star.example.com.']);
  });

  it('reports DS at the apex and an apex without NS', () => {
    const { zone } = check('apex-problems.zone');
    expect(zone.map((d) => [d.line, d.kind, d.message.slice(0, 20)])).toEqual([
      [3, 'apex-ds', 'DS record at top of '],
      [2, 'apex-without-ns', 'zone example.com. ha'],
    ]);
  });

  it('checks CDS and CDNSKEY against the DNSKEYs as BIND 9.18 does (the algorithm), and the delete form standing alone', () => {
    // Lines 6 (a wrong digest) and 8 (another key) name algorithm 13, which the DNSKEY has: BIND loads them.
    expect(check('cds.zone').zone.map((d) => [d.line, d.kind])).toEqual([[9, 'cds-delete-not-alone']]);
    const otherAlgorithm = check('cds-other-algorithm.zone').zone.map((d) => [d.line, d.kind]);
    expect(otherAlgorithm).toEqual([
      [5, 'cds-matches-no-dnskey'],
      [6, 'cds-matches-no-dnskey'],
    ]);
  });

  it('agrees with named-checkzone on whether each fixture loads', () => {
    if (!bindAvailable()) return;
    for (const name of readdirSync(CHECKS)) {
      const run = spawnSync('named-checkzone', ['-i', 'local', ORIGIN, join(CHECKS, name)], { encoding: 'utf8' });
      const { parser, zone } = check(name);
      const ourErrors = [...parser, ...zone].filter((d) => d.severity === 'error');
      expect(ourErrors.length > 0, `${name}: ${run.stdout}`).toBe(run.status !== 0);
    }
  });
});
