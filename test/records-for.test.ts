/**
 * `zonesmith records --for PROVIDER` on the two examples: a golden checklist per provider and example
 * (test/fixtures/records-for/), and every row checked against the form the provider documents. The
 * checks below restate each provider's documented form from its own pages (quoted beside each), not
 * from src/services/consoles.ts, so a wrong entry in that table fails here.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { bufferIo } from '../src/io.js';
import { CONSOLE_PROVIDERS } from '../src/services/consoles.js';
import { run } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

interface Row {
  zone: string;
  fqdn: string;
  type: string;
  ttl: number;
  data: string;
  fields: Record<string, string>;
  notes: string[];
}
interface Sheet {
  provider: { id: string; source: string };
  columns: { field: string; label: string }[];
  records: Row[];
  notes: { id: string; severity: string; source: string; rows: number }[];
}

const EXAMPLES = ['example.com.yaml', 'hosting.yaml'] as const;
const example = (name: string) => join(REPO_ROOT, 'examples', name);

async function sheet(provider: string, file: string): Promise<Sheet> {
  const r = await run('records', example(file), '--for', provider, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Sheet;
}

const isApex = (r: Row) => r.fqdn === r.zone;
/** The owner relative to the zone, as the zone file writes it. */
const relative = (r: Row) => r.fqdn.slice(0, -r.zone.length - 1);
/** The record data's fields (`10 mx1.example.` → ['10', 'mx1.example.']). */
const parts = (r: Row) => r.data.split(' ');
const noDot = (name: string) => (name === '.' ? '.' : name.replace(/\.$/, ''));
const TARGET_TYPES = ['CNAME', 'MX', 'SRV', 'NS'];
const unquoted = (data: string) => JSON.parse(`[${data.replace(/" "/g, '","')}]`).join('') as string;

type Check = (r: Row) => void;

/** What each provider's own documentation says a row looks like. */
const DOCUMENTED: Record<string, Check> = {
  // The zone-file presentation split into columns; names relative, `@` for the apex.
  generic: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '@' : relative(r));
    if (r.type === 'MX') expect([r.fields.priority, r.fields.value]).toEqual(parts(r));
    if (r.type === 'SRV') expect([r.fields.priority, r.fields.weight, r.fields.port, r.fields.value]).toEqual(parts(r));
  },
  // developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/: "Name: A subdomain or
  // the zone apex (@)"; SRV data { priority: 10, weight: 5, port: 5223, target: "server.example.com" };
  // TXT "if you save your TXT content without any quotes, Cloudflare will automatically add double quotes";
  // "These records [A, AAAA, CNAME] are the only ones you can proxy".
  cloudflare: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '@' : relative(r));
    if (r.type === 'SRV') expect([r.fields.priority, r.fields.weight, r.fields.port, r.fields.value]).toEqual(parts(r).map((p, i) => (i === 3 ? noDot(p) : p)));
    if (r.type === 'MX') expect([r.fields.priority, r.fields.value]).toEqual([parts(r)[0], noDot(parts(r)[1]!)]);
    if (r.type === 'TXT') expect(r.fields.value).toBe(unquoted(r.data));
    expect(r.fields.proxy).toBe(['A', 'AAAA', 'CNAME'].includes(r.type) ? 'DNS only' : undefined);
  },
  // docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html: MX "10 mail.example.com",
  // SRV "1 10 5269 xmpp-server.example.com", TXT "\"Sample text entries\""; the record name of the apex is left blank.
  route53: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '' : relative(r));
    expect(Object.keys(r.fields).sort()).toEqual(['name', 'ttl', 'type', 'value']);
    if (r.type === 'MX') expect(r.fields.value).toMatch(/^\d+ [a-z0-9.-]+[a-z0-9]$/);
    if (r.type === 'SRV') expect(r.fields.value).toMatch(/^\d+ \d+ \d+ ([a-z0-9.-]+[a-z0-9]|\.)$/);
    if (r.type === 'TXT') expect(r.fields.value).toMatch(/^"[^"]{0,255}"( "[^"]{0,255}")*$/);
  },
  // learn.microsoft.com/azure/dns/dns-zones-records: "@" for the apex record set; SRV priority, weight,
  // port, target; TXT "you should specify a single string per record ... automatically divided into
  // 255-character segments".
  azure: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '@' : relative(r));
    expect(r.fields.ttlUnit).toBe('Seconds');
    if (r.type === 'SRV') expect(r.fields.port).toBe(parts(r)[2]);
    if (r.type === 'MX') expect(r.fields.priority).toBe(parts(r)[0]);
    if (r.type === 'TXT') expect(r.fields.value).toBe(unquoted(r.data));
  },
  // cloud.google.com/dns/records/json-record: rrdatas in zone-file form, MX "10 mail.example.com.",
  // CNAME "example.com.": "hostnames must end with periods or trailing dots"; TXT quoted.
  gcloud: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '' : relative(r));
    if (TARGET_TYPES.includes(r.type)) expect(r.fields.value).toMatch(/\.$/);
    if (['MX', 'SRV', 'TXT', 'CAA', 'A', 'AAAA'].includes(r.type)) expect(r.fields.value).toBe(r.data);
  },
  // docs.digitalocean.com/products/networking/dns/how-to/manage-records/: Hostname "@" for the root;
  // SRV "Will direct to", port, priority, weight. The API takes names with the final dot (dnscontrol
  // providers/digitalocean: toReq), TXT as one joined value.
  digitalocean: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '@' : relative(r));
    if (r.type === 'SRV') expect([r.fields.priority, r.fields.weight, r.fields.port, r.fields.value]).toEqual(parts(r));
    if (r.type === 'TXT') expect(r.fields.value).toBe(unquoted(r.data));
    const notOffered = r.type === 'SRV' && r.data.endsWith(' 0 .');
    expect(r.notes.includes('srv-not-offered')).toBe(notOffered);
  },
  // Hetzner's console takes the value in zone-file form and appends the zone to a name without its final dot.
  hetzner: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '@' : relative(r));
    expect(r.fields.value).toBe(r.data);
  },
  // ovh/docs dns_zone_mx guide: "Domain: leave blank | TTL 3600 | MX | Priority 1 | Target mx0.mail.ovh.net.";
  // dns_zone_edit: "remember to punctuate [the target]. If you do not do this, your domain name will be
  // automatically added"; "The TXT record is limited to 255 characters" in the assistant.
  ovh: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '' : relative(r));
    if (r.type === 'MX') expect([r.fields.priority, r.fields.value]).toEqual(parts(r));
    if (TARGET_TYPES.includes(r.type)) expect(r.fields.value).toMatch(/\.$/);
    if (r.type === 'TXT') expect(r.notes.includes('txt-255')).toBe(unquoted(r.data).length > 255);
    if (r.type === 'SRV') expect([r.fields.priority, r.fields.weight, r.fields.port, r.fields.value]).toEqual(parts(r));
  },
  // godaddy.com/help/add-an-srv-record-19216: Service (_ldap), Protocol (_tcp), Name (@ for the domain),
  // Value (target), Priority, Weight, Port, TTL.
  godaddy: (r) => {
    if (r.type === 'SRV') {
      const [service, protocol, ...rest] = relative(r).split('.');
      expect([r.fields.service, r.fields.protocol, r.fields.name]).toEqual([service, protocol, rest.length > 0 ? rest.join('.') : '@']);
      expect(r.fields.value).toBe(noDot(parts(r)[3]!));
    } else {
      expect(r.fields.name).toBe(isApex(r) ? '@' : relative(r));
      expect(r.fields.service).toBeUndefined();
    }
  },
  // thunderbird/dns-scripts records.json (Namecheap): MX after "Custom MX", Host "@", SRV Host "_imaps._tcp",
  // values without the final dot; dnscontrol providers/namecheap: TXT without double quotes.
  namecheap: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '@' : relative(r));
    if (TARGET_TYPES.includes(r.type)) expect(r.fields.value).not.toMatch(/.\.$/);
    if (r.type === 'MX') expect(r.notes).toContain('custom-mx');
    if (r.type === 'TXT') expect(r.fields.value).not.toContain('"');
  },
  // dnscontrol providers/bunnydns (convert.go): Priority, Weight, Port apart from Value; names without the final dot.
  bunny: (r) => {
    expect(r.fields.name).toBe(isApex(r) ? '@' : relative(r));
    if (TARGET_TYPES.includes(r.type)) expect(r.fields.value).not.toMatch(/.\.$/);
    if (r.type === 'SRV') expect([r.fields.priority, r.fields.weight, r.fields.port]).toEqual(parts(r).slice(0, 3));
  },
};

describe('the provider table', () => {
  it('has the providers the issue names, each with a form, a source and notes with sources', () => {
    expect(CONSOLE_PROVIDERS.map((p) => p.id)).toEqual(Object.keys(DOCUMENTED));
    for (const p of CONSOLE_PROVIDERS) {
      expect(p.source).toMatch(/^https:\/\//);
      expect(new Set(p.columns.map((c) => c.field)).size).toBe(p.columns.length);
      for (const field of ['type', 'name', 'ttl', 'value']) expect(p.columns.map((c) => c.field)).toContain(field);
      for (const note of p.notes) expect(note.source, `${p.id} ${note.id}`).toMatch(/^https:\/\//);
    }
  });
});

describe.each(CONSOLE_PROVIDERS.map((p) => p.id))('records --for %s', (provider) => {
  it.each(EXAMPLES)('%s: the golden checklist', async (file) => {
    const r = await run('records', example(file), '--for', provider, '--format', 'md');
    expect(r.code, r.stderr).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(join(REPO_ROOT, 'test', 'fixtures', 'records-for', `${file.replace(/\.yaml$/, '')}.${provider}.md`));
  });

  it.each(EXAMPLES)('%s: every row in the documented form, no SOA or apex NS, every note sourced', async (file) => {
    const s = await sheet(provider, file);
    expect(s.records.length).toBeGreaterThan(20);
    for (const row of s.records) {
      expect(row.type).not.toBe('SOA');
      if (row.type === 'NS') expect(isApex(row)).toBe(false);
      DOCUMENTED[provider]!(row);
      for (const id of row.notes) expect(s.notes.map((n) => n.id)).toContain(id);
    }
    for (const note of s.notes) expect(note.source).toMatch(/^https:\/\//);
    expect(s.notes.at(-1)).toMatchObject({ id: 'soa-ns-left-out' });
  });
});

describe('what a provider cannot represent is said, with the rows it concerns', () => {
  it('DigitalOcean and bunny.net: "service not offered" SRV records are flagged, to be checked once published', async () => {
    for (const provider of ['digitalocean', 'bunny']) {
      const s = await sheet(provider, 'hosting.yaml');
      const note = s.notes.find((n) => n.id === 'srv-not-offered');
      // Each of the three zones publishes _imap._tcp and _pop3._tcp as "not offered", xn--bcher-kva.example
      // also _caldavs._tcp and _carddavs._tcp.
      expect(note).toMatchObject({ severity: 'differs', rows: 8 });
    }
  });

  it('Cloudflare: mail hosts must not be proxied; Namecheap: MX needs Custom MX', async () => {
    expect((await sheet('cloudflare', 'example.com.yaml')).notes.find((n) => n.id === 'proxy-off')).toMatchObject({ severity: 'differs' });
    expect((await sheet('namecheap', 'example.com.yaml')).notes.find((n) => n.id === 'custom-mx')).toMatchObject({ rows: 1 });
  });

  it('a long DKIM key: one joined text for the consoles that split it themselves, quoted strings for the others', async () => {
    const dkim = (s: Sheet) => s.records.find((r) => r.fqdn.startsWith('mail2025._domainkey.'))!;
    const joined = dkim(await sheet('azure', 'hosting.yaml'));
    expect(joined.fields.value).toMatch(/^v=DKIM1; k=rsa; p=\S+$/);
    expect(joined.fields.value!.length).toBeGreaterThan(255);
    const quoted = dkim(await sheet('route53', 'hosting.yaml'));
    expect(quoted.fields.value).toMatch(/^"v=DKIM1; [^"]{246}" "[^"]+"$/);
  });

  it('null MX, long or escaped TXT, CAA with a space, unprintable TXT: each on its rows, for the providers that document it', async () => {
    const quirks = join(REPO_ROOT, 'test', 'fixtures', 'records-for', 'quirks.example.dns');
    const list = async (provider: string) => {
      const r = await run('records', quirks, '--for', provider, '--format', 'json');
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout) as Sheet;
      const notesOf = (fqdn: string, type: string) => s.records.find((row) => row.fqdn === fqdn && row.type === type)!.notes;
      return { s, notesOf };
    };
    const ocean = await list('digitalocean');
    expect(ocean.notesOf('quirks.example.', 'MX')).toEqual(['null-mx']);
    expect(ocean.notesOf('long.quirks.example.', 'TXT')).toEqual(['txt-length']);
    expect(ocean.notesOf('slash.quirks.example.', 'TXT')).toEqual(['txt-backslash']);
    expect(ocean.s.notes.filter((n) => n.severity === 'cannot').map((n) => n.id)).toEqual(['null-mx', 'txt-length', 'txt-backslash']);
    expect((await list('namecheap')).notesOf('quirks.example.', 'MX')).toEqual(['custom-mx', 'null-mx']);
    expect((await list('hetzner')).notesOf('quirks.example.', 'CAA')).toEqual(['caa-space']);
    // Azure wants the joined text; octets that are not text stay quoted with their escapes, and it is said.
    const azure = await list('azure');
    expect(azure.s.records.find((row) => row.fqdn === 'bin.quirks.example.')!.fields.value).toBe('"\\001\\002binary"');
    expect(azure.notesOf('bin.quirks.example.', 'TXT')).toEqual(['txt-one-string', 'txt-unprintable']);
    expect(azure.s.records.find((row) => row.fqdn === 'long.quirks.example.')!.fields.value).toBe('a'.repeat(255) + 'b'.repeat(255));
    // Route 53 takes quoted strings anyway: only its usual TXT note.
    expect((await list('route53')).notesOf('bin.quirks.example.', 'TXT')).toEqual(['txt-quoted']);
  });

  it('a type the console does not offer is a "cannot" note on its row', async () => {
    const zone = ['$TTL 3600', '@ SOA ns1.example.net. h.example.com. 1 7200 3600 1209600 3600', '@ NS ns1.example.net.', '@ NS ns2.example.net.', 'www A 192.0.2.1', '_25._tcp.mail TLSA 3 1 1 ' + 'ab'.repeat(32)].join('\n') + '\n';
    const io = bufferIo(zone);
    expect(await main(['records', '-', '--origin', 'example.com', '--for', 'godaddy', '--format', 'json'], io)).toBe(0);
    const s = JSON.parse(io.stdout()) as Sheet;
    expect(s.records.find((row) => row.type === 'TLSA')!.notes).toEqual(['unsupported-type']);
    expect(s.notes.find((n) => n.id === 'unsupported-type')).toMatchObject({ severity: 'cannot', rows: 1 });
  });
});
