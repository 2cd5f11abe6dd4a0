/**
 * One judge for the zone layer's problems: src/zone names problems by kind and knows no rule id; the
 * lint layer maps every kind to a registered rule (zone-problems.ts) and never decides anything by a
 * message's text; each of BIND's zone-level refusals is an error finding of a rule with a meta.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintZoneFile } from '../src/lint/lint-file.js';
import { RULE_IDS, ruleById } from '../src/lint/rules/index.js';
import { RULE_OF_PROBLEM } from '../src/lint/zone-problems.js';
import { Name } from '../src/zone/name.js';
import { ZONE_PROBLEM_KINDS } from '../src/zone/problem.js';
import { REPO_ROOT } from './helpers/shared.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The string literals of TypeScript source ('...', "..." and the plain text of `...`), comments left out. */
function stringLiterals(source: string): string[] {
  const found: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (let m = literal.exec(code); m; m = literal.exec(code)) found.push(m[1] ?? m[2] ?? m[3] ?? '');
  return found;
}

describe('layers', () => {
  it('src/zone holds no rule id in a string literal', () => {
    const ids = new Set(RULE_IDS);
    const offending: string[] = [];
    for (const file of sourceFiles(join(REPO_ROOT, 'src', 'zone'))) {
      for (const text of stringLiterals(readFileSync(file, 'utf8'))) {
        if (ids.has(text)) offending.push(`${relative(REPO_ROOT, file)}: '${text}'`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('nothing under src/lint decides by the text of a message', () => {
    const comparison = /\.(test|match|matchAll|includes|startsWith|endsWith|search|indexOf|replace)\(|[=!]==?/;
    const offending: string[] = [];
    for (const file of sourceFiles(join(REPO_ROOT, 'src', 'lint'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\.message\b/.test(line) && comparison.test(line)) offending.push(`${relative(REPO_ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offending).toEqual([]);
  });

  it('the layer test finds what it is looking for (a rule id in a literal, a message in a comparison)', () => {
    expect(stringLiterals(`// BIND's 'a'\n/* 'b' */ report('x', "syntax", \`cname-and-other-data\`)`)).toEqual(['x', 'syntax', 'cname-and-other-data']);
  });
});

describe('problem kinds to rules', () => {
  it('maps every kind to a registered rule', () => {
    for (const kind of ZONE_PROBLEM_KINDS) {
      expect(ruleById(RULE_OF_PROBLEM[kind]), kind).toBeDefined();
    }
    expect(Object.keys(RULE_OF_PROBLEM).sort()).toEqual([...ZONE_PROBLEM_KINDS].sort());
  });

});

describe("BIND's zone-level refusals as rule findings", () => {
  const CHECKS = join(import.meta.dirname, 'fixtures', 'zones', 'checks');
  const lint = (name: string) => lintZoneFile({ file: join(CHECKS, name), origin: Name.from('example.com.') }).diagnostics.filter((d) => d.severity === 'error');

  // [line, rule] of each refusal; the linter may say more about these zones (a delegation's NS target without address).
  it.each([
    ['apex-problems.zone', [[2, 'apex-no-ns'], [3, 'ds-at-apex']]],
    ['wildcard-ns.zone', [[5, 'ns-at-wildcard']]],
    ['second-dname.zone', [[7, 'multiple-dname']]],
    ['apex-ns-below-dname.zone', [[5, 'ns-target-below-dname']]],
    ['cds.zone', [[9, 'cds-delete-mixed']]],
    ['cds-other-algorithm.zone', [[5, 'cds-no-dnskey'], [6, 'cds-no-dnskey']]],
    ['cname-beside-nxt.zone', [[6, 'cname-and-other-data']]],
    ['ns-targets.zone', [[4, 'target-no-address'], [5, 'ns-target-cname']]],
  ] as const)('%s: an error of its rule for each, saying that BIND refuses the zone', (name, expected) => {
    const errors = lint(name);
    for (const [line, rule] of expected) {
      const found = errors.filter((d) => d.line === line && d.rule === rule);
      expect(found, `${name}:${line} ${rule} in ${JSON.stringify(errors.map((d) => [d.line, d.rule]))}`).toHaveLength(1);
      expect(found[0]!.message).toMatch(/BIND refuses/);
    }
  });

  it('a CNAME beside its DNSSEC records (RRSIG, NSEC, SIG, KEY) draws no error, as BIND loads it', () => {
    expect(lint('cname-beside-dnssec.zone')).toEqual([]);
  });
});
