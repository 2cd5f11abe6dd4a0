/**
 * Which profiles judge a zone: `--profile`/config over the zone's `; zonesmith: profiles` header
 * comment (or a spec's declared profiles) over detection from the zone; and a header that cannot be
 * read is said, not silently ignored.
 */
import { describe, expect, it } from 'vitest';
import { lintZoneText, type LintOptions } from '../src/lint/engine.js';
import { declaredProfiles } from '../src/lint/profiles.js';
import { LINT_PROFILE_IDS, profilesAnnotation } from '../src/services/catalog.js';
import type { ZoneAnnotation } from '../src/zone/parser.js';
import { run } from './helpers/cli.js';
import { FILE, HEAD as BODY } from './rules/helpers.js';

const MAIL = `${BODY}\n@ IN MX 10 mail\nmail IN A 192.0.2.25\n`;
const NO_MAIL = `${BODY}\nwww IN A 192.0.2.80\n`;

const header = (text: string) => `; example.com.dns: zone example.com.\n; zonesmith: ${text}\n\n`;
const lint = (text: string, options: Partial<LintOptions> = {}) => lintZoneText(text, { file: FILE, ...options });
const annotation = (text: string): ZoneAnnotation => ({ text, position: { file: FILE, line: 2, column: 1 } });

describe('declaredProfiles', () => {
  it('reads commas or blanks between names, "none", and the last profiles annotation', () => {
    expect(declaredProfiles([annotation('profiles standard, mdaemon')])).toEqual({ profiles: ['standard', 'mdaemon'] });
    expect(declaredProfiles([annotation('profiles mdaemon connector')])).toEqual({ profiles: ['mdaemon', 'connector'] });
    expect(declaredProfiles([annotation('profiles none')])).toEqual({ profiles: [] });
    expect(declaredProfiles([annotation('profiles standard'), annotation('other words'), annotation('profiles mdaemon')])).toEqual({ profiles: ['mdaemon'] });
    expect(declaredProfiles([annotation('other words')])).toEqual({});
    expect(declaredProfiles([])).toEqual({});
  });

  it('reads back what profilesAnnotation writes, for every set of profiles and none', () => {
    const sets = [[], ...LINT_PROFILE_IDS.map((id) => [id]), [...LINT_PROFILE_IDS]];
    for (const profiles of sets) expect(declaredProfiles([annotation(profilesAnnotation(profiles))])).toEqual({ profiles });
  });

  it('says what is wrong with a profiles annotation it cannot use', () => {
    expect(declaredProfiles([annotation('profiles mdeamon')]).problem?.message).toMatch(/unknown profile "mdeamon" \(did you mean "mdaemon"\?\)/);
    expect(declaredProfiles([annotation('profiles')]).problem?.message).toMatch(/name the profiles .* or write "none"/);
  });
});

describe('the profiles in force', () => {
  it('a zone that serves mail is judged by the profiles its header declares, else by standard', () => {
    expect(lint(header('profiles mdaemon') + MAIL).profiles).toEqual(['mdaemon']);
    expect(lint(header('profiles standard, mdaemon') + MAIL).profiles).toEqual(['standard', 'mdaemon']);
    expect(lint(header('profiles none') + MAIL).profiles).toEqual([]);
    expect(lint(MAIL).profiles).toEqual(['standard']);
  });

  it('--profile (or the config) wins over the header, and a spec\'s declared profiles replace it', () => {
    expect(lint(header('profiles mdaemon') + MAIL, { profiles: ['standard', 'connector'] }).profiles).toEqual(['standard', 'connector']);
    expect(lint(header('profiles mdaemon') + MAIL, { declaredProfiles: ['standard'] }).profiles).toEqual(['standard']);
    expect(lint(header('profiles mdaemon') + MAIL, { profiles: ['connector'], declaredProfiles: ['standard'] }).profiles).toEqual(['connector']);
  });

  it('a zone that serves no mail is judged by no profile unless asked, whatever its header says', () => {
    expect(lint(header('profiles mdaemon') + NO_MAIL).profiles).toEqual([]);
    expect(lint(header('profiles mdaemon') + NO_MAIL, { profiles: ['mdaemon'] }).profiles).toEqual(['mdaemon']);
  });

  it('only the header counts: a zonesmith comment after the first record or directive is an ordinary comment', () => {
    expect(lint(`${BODY}\n; zonesmith: profiles mdaemon\n@ IN MX 10 mail\nmail IN A 192.0.2.25\n`).profiles).toEqual(['standard']);
  });

  it('the header changes the verdict: MDaemon labels are what the mdaemon profile publishes', () => {
    const zone = `${MAIL}_pop._tcp IN SRV 0 1 110 mail\n`;
    const rules = (text: string) => lint(text).diagnostics.map((d) => d.rule);
    expect(rules(zone)).toContain('nonstandard-service-label');
    expect(rules(header('profiles mdaemon') + zone)).not.toContain('nonstandard-service-label');
  });
});

describe('profile-annotation', () => {
  it('reports a header that names an unknown profile at its line, and judges the zone as without it', () => {
    const result = lint(header('profiles mdeamon') + MAIL);
    expect(result.profiles).toEqual(['standard']);
    const found = result.diagnostics.filter((d) => d.rule === 'profile-annotation');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, column: 1, severity: 'warning' });
    expect(found[0]!.message).toMatch(/"zonesmith: profiles mdeamon" cannot be read: unknown profile "mdeamon" \(did you mean "mdaemon"\?\)/);
  });

  it('is silent on a good header, on none, and on other zonesmith comments', () => {
    for (const text of ['profiles mdaemon', 'profiles none', 'something else']) {
      expect(lint(header(text) + MAIL).diagnostics.filter((d) => d.rule === 'profile-annotation')).toEqual([]);
    }
  });
});

describe('lint --help', () => {
  it('says where the profiles come from when --profile is not given', async () => {
    const { stdout, code } = await run('lint', '--help');
    expect(code).toBe(0);
    const help = stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/Default: the config's profiles \(`profiles: \[\]` for none\); else, for a zone that serves mail, the ones its "; zonesmith: profiles \.\.\." header comment declares/);
    expect(help).toMatch(/or the hosted mail vendor its apex MX points at, or standard/);
    expect(help).toMatch(/Lint profiles: standard, mdaemon, connector, microsoft365, google-workspace, fastmail/);
  });
});
