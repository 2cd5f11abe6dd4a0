/**
 * The generator and the linter agree: a spec that resolves without a remark generates a zone that
 * `zonesmith lint` passes without an error or a warning, judged by nothing but the zone text (the
 * profiles come from its `; zonesmith: profiles` header comment). Every combination of the catalog's
 * label profiles, every protocol they publish, every form a service can take. Each combination's
 * fullest zone also loads in BIND.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterSpec } from '../src/commands/init.run.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { defaultTemplate, renderZone } from '../src/generate/render.js';
import { lintZoneText } from '../src/lint/engine.js';
import { LINT_PROFILES, PROFILE_IDS, PROTOCOLS, labelsFor, type ProfileId, type Protocol } from '../src/services/catalog.js';
import { loadSpecText } from '../src/spec/load.js';
import { resolveSpec } from '../src/spec/resolve.js';
import { bindAvailable, checkZoneText } from './helpers/bind.js';
import { REPO_ROOT } from './helpers/shared.js';

const template = defaultTemplate();
const DOMAIN = 'example.com';

/** Every non-empty set of the catalog's label profiles, each in catalog order (a spec needs at least one). */
function profileCombinations(): ProfileId[][] {
  const sets: ProfileId[][] = [];
  for (let mask = 1; mask < 1 << PROFILE_IDS.length; mask++) sets.push(PROFILE_IDS.filter((_, i) => mask & (1 << i)));
  return sets;
}

const published = (profiles: readonly ProfileId[]) => PROTOCOLS.filter((p) => labelsFor(p, profiles).length > 0);

/** The forms a service can take in a spec; `path` only where the protocol has an RFC 6764 TXT path. */
function serviceForms(protocol: Protocol): { form: string; value: unknown }[] {
  const forms: { form: string; value: unknown }[] = [
    { form: 'a host in the zone', value: 'mail' },
    { form: 'a host outside the zone', value: 'mail.provider.example.net' },
    { form: 'a list of hosts', value: ['mail', 'mail2'] },
    { form: 'offered: false', value: { offered: false } },
    { form: 'false', value: false },
    { form: 'an object with port, priority and weight', value: { host: 'mail', port: 8443, priority: 10, weight: 5 } },
    { form: 'a list of objects', value: [{ host: 'mail', priority: 0, weight: 3 }, { host: 'mail2.example.com', priority: 10 }] },
  ];
  if (protocol.davPath) {
    forms.push({ form: 'a path', value: { host: 'dav', path: '/dav/calendars/' } });
    forms.push({ form: 'a list with a path', value: [{ host: 'dav', path: '/dav/' }, { host: 'mail', path: '/dav/' }] });
  }
  return forms;
}

/**
 * A zone that serves mail, with every service its profiles publish on the mail host (so that every
 * lint profile's expectations are met) and the hosts that clients probe, then `services` on top.
 */
function mailZone(profiles: readonly ProfileId[], services: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    domain: DOMAIN,
    profiles,
    hosts: {
      '@': '192.0.2.1',
      ns1: ['192.0.2.53', '2001:db8::53'],
      mail: ['192.0.2.25', '2001:db8::25'],
      mail2: '192.0.2.26',
      autodiscover: '192.0.2.25',
      dav: '192.0.2.80',
    },
    mx: [{ host: 'mail', priority: 10 }, { host: 'mail2', priority: 20 }],
    services: { ...Object.fromEntries(published(profiles).map((p) => [p.id, 'mail'])), ...services },
    records: [{ name: '@', type: 'TXT', value: 'v=spf1 mx -all' }],
  };
}

function spec(zone: Record<string, unknown>): string {
  return JSON.stringify({
    version: 1,
    defaults: { ttl: '1h', soa: { primary: 'ns1', contact: `hostmaster@${DOMAIN}`, serial: 2026010100 }, nameservers: ['ns1', 'ns2.example.net'] },
    zones: [zone],
  });
}

interface Generated {
  fileName: string;
  origin: string;
  text: string;
  specDiagnostics: Diagnostic[];
}

/** What `zonesmith generate` writes for the spec's zones (same resolver, template and renderer). */
function generate(specText: string, specFile = 'agree.json'): Generated[] {
  const resolved = resolveSpec(loadSpecText(specText, specFile));
  expect(resolved.diagnostics.filter((d) => d.severity === 'error'), specText).toEqual([]);
  return resolved.zones.map((z) => ({
    fileName: `${z.domain}.dns`,
    origin: `${z.domain}.`,
    text: renderZone(z.zone, template, specFile, `${z.domain}.dns`, z.profiles),
    specDiagnostics: resolved.diagnostics,
  }));
}

/** Errors and warnings of a default `zonesmith lint` (no --profile, no config) on the zone text. */
function lintProblems(zone: Generated): string[] {
  return lintZoneText(zone.text, { file: zone.fileName })
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`);
}

function expectClean(zone: Generated): void {
  expect(zone.specDiagnostics, 'the spec itself has no remark').toEqual([]);
  expect(lintProblems(zone), zone.text).toEqual([]);
}

describe.each(profileCombinations().map((profiles) => ({ profiles, name: profiles.join(', ') })))('profiles [$name]', ({ profiles }) => {
  it('the header declares the profiles, and lint judges the zone under them', () => {
    const [zone] = generate(spec(mailZone(profiles)));
    expect(zone!.text).toContain(`\n; zonesmith: profiles ${profiles.join(', ')}\n`);
    expect(lintZoneText(zone!.text, { file: zone!.fileName }).profiles).toEqual(profiles);
    expectClean(zone!);
  });

  it('a zone with only the services its lint profiles expect lints clean', () => {
    const required = new Set<string>();
    for (const profile of profiles) {
      for (const requirement of LINT_PROFILES[profile].requirements) {
        const first = requirement.anyOfProtocols?.find((id) => published(profiles).some((p) => p.id === id));
        if (first) required.add(first);
      }
    }
    const zone = mailZone(profiles);
    zone.services = Object.fromEntries([...required].map((id) => [id, 'mail']));
    expectClean(generate(spec(zone))[0]!);
  });

  it('a zone that serves no mail lints clean (its profiles expect nothing of it)', () => {
    const zone = { domain: DOMAIN, profiles, hosts: { '@': '192.0.2.1', ns1: '192.0.2.53', chat: '192.0.2.5' }, services: { 'xmpp-client': 'chat' } };
    expectClean(generate(spec(zone))[0]!);
  });

  for (const protocol of published(profiles)) {
    it.each(serviceForms(protocol))(`${protocol.id} as $form lints clean`, ({ value }) => {
      const [zone] = generate(spec(mailZone(profiles, { [protocol.id]: value })));
      for (const label of labelsFor(protocol, profiles)) expect(zone!.text).toMatch(new RegExp(`^${label.replace(/\./g, '\\.')} +IN SRV `, 'm'));
      expectClean(zone!);
    });
  }

  it('the fullest zone loads in BIND without a warning', (ctx) => {
    if (!bindAvailable()) return ctx.skip();
    const [zone] = generate(spec(mailZone(profiles, { caldav: { host: 'dav', path: '/dav/' } })));
    const verdict = checkZoneText(zone!.origin, zone!.text);
    expect(verdict.problems, verdict.lines.join('\n')).toEqual([]);
    expect(verdict.code).toBe(0);
  });
});

describe('the starter specs of zonesmith init', () => {
  it.each([...PROFILE_IDS])('init --profile %s generates a zone that lints clean', (profile) => {
    const zones = generate(starterSpec('example.org', profile, 'example.org.yaml'), 'example.org.yaml');
    expect(zones).toHaveLength(1);
    expect(zones[0]!.text).toContain(`\n; zonesmith: profiles ${profile}\n`);
    expectClean(zones[0]!);
  });
});

describe('the examples', () => {
  const examples = readdirSync(join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));

  it.each(examples)('%s generates zones that lint clean', (file) => {
    const zones = generate(readFileSync(join(REPO_ROOT, 'examples', file), 'utf8'), file);
    expect(zones.length).toBeGreaterThan(0);
    for (const zone of zones) expectClean(zone);
  });

  it("the README's example (profiles: [mdaemon]) writes the mdaemon labels and lints clean without --profile", () => {
    const [zone] = generate(readFileSync(join(REPO_ROOT, 'examples', 'example.com.yaml'), 'utf8'), 'example.com.yaml');
    for (const label of ['_pop._tcp', '_smtp._tcp', '_airsync._tcp']) expect(zone!.text).toMatch(new RegExp(`^${label} +IN SRV `, 'm'));
    expect(zone!.text).toContain('\n; zonesmith: profiles mdaemon\n');
    expect(lintZoneText(zone!.text, { file: zone!.fileName }).diagnostics).toEqual([]);
  });
});
