/**
 * A hosting provider's spec of N zones (10,000 by default): `defaults` as in examples/hosting.yaml
 * (shared SOA, name servers, web and mail hosts, services, SPF and CAA), and zones that each add a
 * little of their own: every 4th its own web server (IPv4 and IPv6), every 8th a chat host with XMPP,
 * every 16th a DMARC record and a CNAME. Deterministic: the same N gives the same bytes.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const HOSTING_DEFAULTS = `version: 1
defaults:
  ttl: 1h
  soa:
    primary: ns1.hostingco.net
    contact: hostmaster@hostingco.net
    serial: 2026010101
  nameservers: [ns1.hostingco.net, ns2.hostingco.net]
  profiles: [standard]
  hosts:
    "@": 203.0.113.80
    www: 203.0.113.80
    autodiscover: 203.0.113.25
    autoconfig: 203.0.113.25
  mx:
    - { host: mx1.hostingco.net, priority: 10 }
    - { host: mx2.hostingco.net, priority: 20 }
  services:
    autodiscover: mail.hostingco.net
    submissions: mail.hostingco.net
    submission: mail.hostingco.net
    imaps: mail.hostingco.net
    pop3s: { host: mail.hostingco.net, priority: 10 }
    imap: false
    pop3: false
    caldavs: { host: dav.hostingco.net, path: /dav/calendars }
    carddavs: { host: dav.hostingco.net, path: /dav/addressbooks }
  records:
    - { name: "@", type: TXT, value: "v=spf1 include:_spf.hostingco.net -all" }
    - { name: "@", type: CAA, value: '0 issue "letsencrypt.org"' }
zones:
`;

/** The zone entries of the spec, one YAML block each. */
function zoneBlock(i) {
  const lines = [`  - domain: customer${i}.example`];
  const own = i % 4 === 0;
  const chat = i % 8 === 0;
  if (own || chat) {
    lines.push('    hosts:');
    if (own) {
      const a = `198.51.100.${(i % 250) + 1}`;
      const aaaa = `2001:db8:${(i % 65535).toString(16)}::7`;
      lines.push(`      "@": [${a}, "${aaaa}"]`, `      www: [${a}, "${aaaa}"]`);
    }
    if (chat) lines.push(`      chat: 198.51.100.${(i % 250) + 1}`);
  }
  if (chat) lines.push('    services:', '      xmpp-client: chat', '      xmpp-server: chat');
  if (i % 16 === 0) {
    lines.push(
      '    records:',
      `      - { name: _dmarc, type: TXT, value: "v=DMARC1; p=quarantine; rua=mailto:dmarc@customer${i}.example" }`,
      '      - { name: blog, type: CNAME, value: "sites.hostingco.net" }',
    );
  }
  return lines.join('\n') + '\n';
}

export function hostingSpecText(zones) {
  const parts = [HOSTING_DEFAULTS];
  for (let i = 1; i <= zones; i++) parts.push(zoneBlock(i));
  return parts.join('');
}

/** Writes the spec to `file` (atomically) and returns its size in bytes. */
export function writeHostingSpec(file, zones) {
  const text = hostingSpecText(zones);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  return Buffer.byteLength(text);
}
