/**
 * `zonesmith explain`: each client's look-up walked over the zone's answers. Golden files hold the
 * output for the seed's zone as published and for examples/example.com.yaml; the precision corpus's
 * Microsoft 365 and Fastmail zones show where Outlook and an RFC 6186 client end up; one fixture zone
 * (test/fixtures/explain/cases.example.org.dns) holds a sub-domain per case the walker must say plainly.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXPLAIN_CLIENTS,
  explainZone,
  formatExplanation,
  Name,
  parseZone,
  PROTOCOLS,
  resolveSpecText,
  type ExplainedGoal,
  type Explanation,
} from '../src/index.js';
import { ZoneRecords } from '../src/explain/answers.js';
import { bindAvailable, checkZoneText } from './helpers/bind.js';
import { run } from './helpers/cli.js';
import { REPO_ROOT, requireShared, SEED_ZONE } from './helpers/shared.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const GOLDEN = join(FIXTURES, 'explain');
const REFRESH = 'refresh: ZONESMITH_UPDATE_GOLDEN=1 npx vitest run test/explain.test.ts';

/** Compares with a checked-in file, or writes it when asked to refresh. */
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.ZONESMITH_UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `${file} is missing; ${REFRESH}`).toBe(true);
  expect(actual, REFRESH).toBe(readFileSync(file, 'utf8'));
}

function zoneFile(path: string, origin?: string) {
  const name = path.split('/').pop()!;
  return parseZone(readFileSync(path, 'utf8'), origin ? { file: name, origin } : { file: name });
}

function goal(e: Explanation, client: string, id: string): ExplainedGoal {
  const found = e.clients.find((c) => c.id === client)?.goals.find((g) => g.id === id);
  if (!found) throw new Error(`no goal ${client}/${id}`);
  return found;
}

const CASES = join(GOLDEN, 'cases.example.org.dns');
function explainCase(label: string, clients: string[]): Explanation {
  return explainZone(zoneFile(CASES), { email: `user@${label}.example.org`, clients });
}

describe('the client tables', () => {
  it('name only protocols and labels the service catalog has, and each has a source', () => {
    for (const client of EXPLAIN_CLIENTS) {
      expect(client.sources.length, client.id).toBeGreaterThan(0);
      for (const goal of client.goals) {
        for (const step of goal.steps) {
          if (step.ask !== 'srv') continue;
          const protocol = PROTOCOLS.find((p) => p.id === step.protocol);
          expect(protocol?.labels[step.profile], `${client.id}/${goal.id}: ${step.protocol} under ${step.profile}`).toBeDefined();
        }
      }
    }
  });
});

describe('explain on the seed and the example', () => {
  it.runIf(requireShared(SEED_ZONE))('the seed as published: BIND refuses it, and each client is walked as it would be once it loads', () => {
    const e = explainZone(zoneFile(SEED_ZONE, 'example.com'));
    expect(e.loads).toBe(false);
    expect(e.refusals.some((r) => r.where === 'example.com.as-published.dns:15:21' || r.message.includes('dns.mydnsprovider.org.example.com'))).toBe(true);
    expect(e.ok).toBe(false);
    // The MX inherits the owner `inbound`: the domain has none, so Thunderbird has no MX host to ask about.
    const mx = goal(e, 'thunderbird', 'config').steps.find((s) => s.asks.startsWith('MX'))!;
    expect(mx.says).toContain('no MX at example.com.');
    expect(mx.says).toContain('the zone has MX records at inbound.example.com.');
    // Port 0 on _imap._tcp: an RFC 6186 client would connect to port 0; the fix gives IMAP's port.
    const incoming = goal(e, 'rfc6186', 'incoming');
    expect(incoming.outcome).toBe('fails');
    expect(incoming.fix).toEqual(['_imap._tcp.example.com. 3600 IN SRV 0 0 143 imap4.example.com.']);
    // MDaemon's AutoDiscovery reads only the target name: port 0 does not stop it.
    expect(goal(e, 'mdaemon-autodiscovery', 'imap').endsUp?.host).toBe('imap4.example.com.');
    golden('seed-as-published.txt', formatExplanation(e, 'text'));
    golden('seed-as-published.json', formatExplanation(e, 'json'));
  });

  it('examples/example.com.yaml: Outlook ends at adsc over HTTPS; RFC 6186 clients find IMAP but not _smtp._tcp', () => {
    const spec = resolveSpecText(readFileSync(join(REPO_ROOT, 'examples', 'example.com.yaml'), 'utf8'), { file: 'examples/example.com.yaml' });
    const e = explainZone(spec.zones[0]!);
    expect(e.loads).toBe(true);
    const outlook = goal(e, 'outlook', 'autodiscover');
    expect(outlook.outcome).toBe('found');
    expect(outlook.endsUp).toMatchObject({ host: 'adsc.example.com.', attempts: [{ port: 443, security: 'https' }], addresses: ['192.0.2.101'] });
    const imap = goal(e, 'rfc6186', 'incoming');
    expect(imap.endsUp).toMatchObject({ host: 'imap4.example.com.', attempts: [{ port: 143, security: 'starttls' }] });
    const outgoing = goal(e, 'rfc6186', 'outgoing');
    expect(outgoing.outcome).toBe('fails');
    expect(outgoing.steps[1]!.says).toContain('_smtp._tcp');
    // The zone shows msa serves submission (at MDaemon's label): the fix points there, not at a guess.
    expect(outgoing.fix).toEqual(['_submission._tcp.example.com. 3600 IN SRV 0 1 587 msa.example.com.']);
    expect(e.ok).toBe(false);
    golden('example.com.yaml.txt', formatExplanation(e, 'text'));
    golden('example.com.yaml.json', formatExplanation(e, 'json'));
  });
});

describe('hosted mail, from the precision corpus', () => {
  it('Microsoft 365: Outlook follows the autodiscover CNAME to Microsoft; an RFC 6186 client finds nothing and is set up by hand', () => {
    const e = explainZone(zoneFile(join(FIXTURES, 'vendors', 'microsoft365.dns')));
    expect(e.hosted?.id).toBe('microsoft365');
    const outlook = goal(e, 'outlook', 'autodiscover');
    expect(outlook.outcome).toBe('found');
    expect(outlook.endsUp).toMatchObject({ host: 'autodiscover.example.com.', outside: true });
    expect(outlook.endsUp?.operator).toContain('Microsoft 365');
    expect(outlook.steps[1]!.answers[0]!.text).toBe('autodiscover.example.com. CNAME autodiscover.outlook.com.');
    const incoming = goal(e, 'rfc6186', 'incoming');
    expect(incoming.outcome).toBe('fails');
    expect(incoming.vendorGap).toBe(true);
    expect(incoming.byHand).toContain('outlook.office365.com. port 993 (imaps)');
    // MDaemon's clients find an MDaemon server: left out on a hosted domain unless asked for.
    expect(e.clients.map((c) => c.id)).not.toContain('mdaemon-connector');
    expect(e.leftOut?.map((c) => c.id)).toEqual(['mdaemon-autodiscovery', 'mdaemon-connector']);
    // The zone is as Microsoft documents it: no problem of the zone's.
    expect(e.ok).toBe(true);
  });

  it('Fastmail: an RFC 6186 client ends at Fastmail over implicit TLS for IMAP and on 587 for submission', () => {
    const e = explainZone(zoneFile(join(FIXTURES, 'vendors', 'fastmail.dns')));
    expect(e.hosted?.id).toBe('fastmail');
    const incoming = goal(e, 'rfc6186', 'incoming');
    expect(incoming.endsUp).toMatchObject({ host: 'imap.fastmail.com.', attempts: [{ port: 993, security: 'implicit-tls' }], outside: true });
    expect(incoming.steps.filter((s) => s.verdict === 'not-offered').map((s) => s.asks)).toEqual(['SRV _imap._tcp.example.com.', 'SRV _pop3._tcp.example.com.']);
    expect(goal(e, 'rfc6186', 'outgoing').endsUp).toMatchObject({ host: 'smtp.fastmail.com.', attempts: [{ port: 587, security: 'starttls' }] });
    // Fastmail publishes no Autodiscover: Outlook can only hope the web server at the domain answers.
    const outlook = goal(e, 'outlook', 'autodiscover');
    expect(outlook.outcome).toBe('maybe');
    expect(outlook.endsUp?.host).toBe('example.com.');
    expect(outlook.fix).toEqual([]);
    expect(goal(e, 'dav', 'caldav').endsUp?.url).toBe('https://caldav.fastmail.com/.well-known/caldav');
  });
});

describe('hosted mail, as the vendor documents its clients', () => {
  it('Google Workspace: Thunderbird finds Google through the ISPDB, as Google says; the MX step names Google', () => {
    const e = explainZone(zoneFile(join(FIXTURES, 'vendors', 'google-workspace.dns')), { clients: ['thunderbird'] });
    expect(e.clients[0]!.vendorSays).toMatch(/^Google Workspace \(Gmail\) documents: Thunderbird finds Google through its ISPDB/);
    expect(goal(e, 'thunderbird', 'config').steps.find((s) => s.asks.startsWith('MX'))?.says).toContain('(Google Workspace (Gmail))');
  });

  it('Migadu: Thunderbird follows autoconfig.<domain> to the host Migadu documents for it', () => {
    const config = goal(explainZone(zoneFile(join(FIXTURES, 'vendors', 'migadu.dns')), { clients: ['thunderbird'] }), 'thunderbird', 'config');
    expect(config.outcome).toBe('found');
    expect(config.endsUp).toMatchObject({ host: 'autoconfig.example.com.', operator: "Migadu's autoconfig service", outside: true });
  });
});

describe('what the walker says plainly', () => {
  it('SRV 0 0 0 . : not offered, and XMPP does not fall back to the domain', () => {
    const xmpp = goal(explainCase('notoffered', ['xmpp']), 'xmpp', 'xmpp-client');
    expect(xmpp.outcome).toBe('not-offered');
    expect(xmpp.steps).toHaveLength(1);
  });

  it('port 0 with a real target is broken, fixed with the catalog port', () => {
    const incoming = goal(explainCase('portzero', ['rfc6186']), 'rfc6186', 'incoming');
    expect(incoming.steps[0]!.verdict).toBe('broken');
    expect(incoming.fix).toEqual(['_imaps._tcp.portzero.example.org. 3600 IN SRV 0 1 993 mail.portzero.example.org.']);
  });

  it('an SRV target without an address names the A record to add', () => {
    const incoming = goal(explainCase('noaddr', ['rfc6186']), 'rfc6186', 'incoming');
    expect(incoming.steps[0]!.verdict).toBe('broken');
    expect(incoming.steps[0]!.says).toContain('imap.noaddr.example.org. has records but no A or AAAA');
    expect(incoming.fix).toEqual(['imap.noaddr.example.org. 3600 IN A <address of imap.noaddr.example.org.>']);
  });

  it('a CNAME chain leaving the zone is said to leave it, not checked', () => {
    const step = goal(explainCase('cnameout', ['outlook']), 'outlook', 'autodiscover').steps[1]!;
    expect(step.verdict).toBe('maybe');
    expect(step.endpoint?.outside).toBe(true);
    expect(step.says).toContain('ends at autodiscover.hoster.net., outside this zone');
  });

  it('a dangling CNAME and a CNAME loop are broken; the dangling one names the record to add', () => {
    const dangling = goal(explainCase('dangling', ['outlook']), 'outlook', 'autodiscover').steps[1]!;
    expect(dangling.verdict).toBe('broken');
    expect(dangling.fix).toEqual(['ad.dangling.example.org. 3600 IN A <address of ad.dangling.example.org.>']);
    const loop = goal(explainCase('loop', ['outlook']), 'outlook', 'autodiscover').steps[1]!;
    expect(loop.verdict).toBe('broken');
    expect(loop.says).toContain('loops');
  });

  it('a wildcard answers for a name the zone does not have', () => {
    const step = goal(explainCase('wild', ['thunderbird']), 'thunderbird', 'config').steps[1]!;
    expect(step.verdict).toBe('maybe');
    expect(step.endpoint?.addresses).toEqual(['192.0.2.9']);
    expect(step.answers[0]!.text).toBe('autoconfig.wild.example.org. A 192.0.2.9');
  });

  it('below a delegation the zone cannot tell', () => {
    const incoming = goal(explainCase('sub', ['rfc6186']), 'rfc6186', 'incoming');
    expect(incoming.outcome).toBe('unknown');
    expect(incoming.steps[0]!.says).toContain('below the delegation sub.example.org.');
  });

  it('RFC 6764: the TXT path beside the SRV record makes the URL', () => {
    const caldav = goal(explainCase('dav', ['dav']), 'dav', 'caldav');
    expect(caldav.endsUp?.url).toBe('https://cal.dav.example.org/cal/');
  });

  it('RFC 6186 §3.4: the lowest priority wins across IMAP and POP', () => {
    expect(goal(explainCase('prio', ['rfc6186']), 'rfc6186', 'incoming').endsUp).toMatchObject({ host: 'pop.prio.example.org.', attempts: [{ port: 995 }] });
  });

  it('Outlook takes the SRV priority; Thunderbird the lowest weight and port 443', () => {
    const e = explainCase('tb', ['outlook', 'thunderbird']);
    expect(goal(e, 'outlook', 'autodiscover').endsUp?.host).toBe('a.tb.example.org.');
    const tb = goal(e, 'thunderbird', 'config').endsUp!;
    expect(tb).toMatchObject({ host: 'b.tb.example.org.', url: 'https://b.tb.example.org/autodiscover/autodiscover.xml' });
  });

  it('a nonexistent mail domain fails every step, with a placeholder where the zone shows no server', () => {
    const outlook = goal(explainCase('nothing', ['outlook']), 'outlook', 'autodiscover');
    expect(outlook.outcome).toBe('fails');
    expect(outlook.fix[0]).toMatch(/^_autodiscover\._tcp\.nothing\.example\.org\. 3600 IN SRV 0 1 443 <server>\./);
    expect(outlook.fix[1]).toBe('or autodiscover.nothing.example.org. 3600 IN A <address of autodiscover.nothing.example.org.>');
  });

  it('keeps only what a look-up reads: address, alias, SRV, MX, NS records and TXT at _service names', () => {
    const records = new ZoneRecords();
    const zone = zoneFile(join(FIXTURES, 'vendors', 'microsoft365.dns'));
    for (const record of zone.records) records.add(record);
    const kept = zone.records.flatMap((r) => records.at(r.owner)!).filter((r, i, all) => all.findIndex((o) => o.owner.equals(r.owner) && o.type === r.type && o.data === r.data) === i);
    expect(new Set(kept.map((r) => r.type))).toEqual(new Set(['A', 'CNAME', 'MX', 'NS', 'SRV', 'TXT']));
    // The apex TXT (SPF, verification) is not kept; _dmarc's is (an underscore name).
    expect(kept.filter((r) => r.type === 'TXT').map((r) => r.owner.toString())).toEqual(['_dmarc.example.com.']);
    // Every owner exists, and the names above it (an empty non-terminal above _sip._tls).
    expect(records.has(Name.from('_tls.example.com.'))).toBe(true);
    expect(records.at(Name.from('_tls.example.com.'))).toEqual([]);
    expect(records.has(Name.from('nowhere.example.com.'))).toBe(false);
  });

  it('a mail domain too long for the names clients build below it is refused, not a crash', () => {
    const long = `${'d'.repeat(20)}.${'c'.repeat(63)}.${'b'.repeat(63)}.${'a'.repeat(63)}.example.org`;
    expect(() => explainZone(zoneFile(CASES), { email: `user@${long}` })).toThrow(/too long for the names clients look up/);
  });

  it('the same input gives the same bytes', () => {
    const once = formatExplanation(explainZone(zoneFile(CASES)), 'json');
    expect(formatExplanation(explainZone(zoneFile(CASES)), 'json')).toBe(once);
  });
});

/** The fixes explain suggests that name no placeholder: records one can add as they are. */
function concreteFixes(e: Explanation): string[] {
  const lines = e.clients.flatMap((c) => c.goals.flatMap((g) => g.fix)).filter((line) => !line.includes('<') && !line.startsWith('or '));
  return [...new Set(lines)];
}

describe('the fixes explain suggests', () => {
  it.runIf(bindAvailable())('make the client find its server, and the zone still loads in BIND (examples/example.com.dns)', () => {
    const file = join(REPO_ROOT, 'examples', 'example.com.dns');
    const text = readFileSync(file, 'utf8');
    const before = explainZone(parseZone(text, { file: 'example.com.dns' }), { clients: ['rfc6186', 'mdaemon-connector'] });
    const fixes = concreteFixes(before);
    expect(fixes).toContain('_submission._tcp.example.com. 3600 IN SRV 0 1 587 msa.example.com.');
    expect(fixes).toContain('imap.example.com. 3600 IN CNAME imap4.example.com.');
    const fixed = `${text}\n${fixes.join('\n')}\n`;
    const after = explainZone(parseZone(fixed, { file: 'example.com.dns' }), { clients: ['rfc6186', 'mdaemon-connector'] });
    expect(after.clients.map((c) => [c.id, c.setUp])).toEqual([['rfc6186', true], ['mdaemon-connector', true]]);
    expect(goal(after, 'mdaemon-connector', 'imap').endsUp).toMatchObject({ host: 'imap.example.com.', addresses: ['192.0.2.103'] });
    expect(checkZoneText('example.com', fixed).code).toBe(0);
  });

  it('repair a port-0 SRV record and point an RFC 6186 client at the label it reads', () => {
    const text = readFileSync(CASES, 'utf8');
    for (const label of ['portzero', 'dialect']) {
      const email = `user@${label}.example.org`;
      const fixes = concreteFixes(explainZone(parseZone(text, { file: 'cases.dns' }), { email, clients: ['rfc6186'] }));
      expect(fixes.length, label).toBeGreaterThan(0);
      // A port-0 record is replaced, not added beside: drop the broken one first.
      const kept = text.split('\n').filter((line) => !/^_imaps\._tcp\.portzero .* 0 mail\.portzero$/.test(line)).join('\n');
      const after = explainZone(parseZone(`${kept}\n${fixes.join('\n')}\n`, { file: 'cases.dns' }), { email, clients: ['rfc6186'] });
      const found = after.clients[0]!.goals.filter((g) => g.outcome === 'found').map((g) => g.id);
      expect(found, label).toContain(label === 'portzero' ? 'incoming' : 'outgoing');
    }
  });
});

describe('zonesmith explain', () => {
  it("leaves MDaemon's clients out of a zone that shows no MDaemon server, and every client of the hosting example finds its servers", async () => {
    const result = await run('explain', 'examples/hosting.yaml', '--format', 'json');
    expect(result.code).toBe(0);
    const explanations = JSON.parse(result.stdout) as Explanation[];
    expect(explanations).toHaveLength(3);
    for (const e of explanations) {
      expect(e.leftOut?.map((c) => c.id)).toEqual(['mdaemon-autodiscovery', 'mdaemon-connector']);
      expect(e.leftOut?.[0]?.why).toContain('_airsync._tcp, _pop._tcp, _smtp._tcp');
    }
    const asked = await run('explain', 'examples/hosting.yaml', '--zone', 'example.org', '--client', 'mdaemon-autodiscovery');
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain("MDaemon's AutoDiscovery service: cannot set itself up");
  });

  it('picks the zone of a multi-zone spec that holds the address', async () => {
    const result = await run('explain', 'examples/hosting.yaml', '--email', 'ann@example.net', '--client', 'rfc6186', '--format', 'json');
    expect(result.code).toBe(0);
    const [e, more] = JSON.parse(result.stdout) as Explanation[];
    expect(more).toBeUndefined();
    expect(e!.zone).toBe('example.net.');
    expect(goal(e!, 'rfc6186', 'outgoing').endsUp).toMatchObject({ host: 'mail.hostingco.net.', attempts: [{ port: 465, security: 'implicit-tls' }], outside: true });
  });

  it.runIf(requireShared(SEED_ZONE))('exits 1 on the seed as published and says BIND refuses it', async () => {
    const result = await run('explain', SEED_ZONE, '--origin', 'example.com', '--client', 'outlook');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('BIND refuses this zone as written');
  });

  it('exits 0 when the clients asked for all find their servers, with JSON for scripts', async () => {
    const result = await run('explain', 'examples/example.com.yaml', '--client', 'outlook', '--client', 'mdaemon-autodiscovery', '--format', 'json');
    expect(result.code).toBe(0);
    const explanations = JSON.parse(result.stdout) as Explanation[];
    expect(explanations.map((e) => e.clients.map((c) => c.id))).toEqual([['outlook', 'mdaemon-autodiscovery']]);
  });

  it('exits 1 when a client finds nothing, with the record to add', async () => {
    const result = await run('explain', 'examples/example.com.yaml', '--client', 'rfc6186', '--email', 'ann@example.com');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('_submission._tcp.example.com. 3600 IN SRV 0 1 587 msa.example.com.');
    expect(result.stdout).toContain('explained for ann@example.com');
  });

  it('a spec with errors is reported as validate reports it, and not explained', async () => {
    const result = await run('explain', 'test/fixtures/specs/four-problems.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('test/fixtures/specs/four-problems.yaml:10:10');
    expect(result.stdout).toBe('');
  });

  it('a device named as the zone is refused at once, as by every command', async () => {
    const result = await run('explain', '/dev/zero', '--origin', 'example.com');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a regular file');
  });

  it('usage errors exit 2: an unknown client, an address outside the zone', async () => {
    const unknown = await run('explain', 'examples/example.com.yaml', '--client', 'outlok');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('outlook');
    const outside = await run('explain', CASES, '--email', 'bob@example.net');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('example.net. is not in the zone example.org.');
  });
});
