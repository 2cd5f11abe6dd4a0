/**
 * WKS (RFC 1035 §3.4.2): an IPv4 address, a protocol and a bitmap of the ports served. Ports are
 * numbers or the service names of a few well-known ports; BIND prints them as numbers.
 */
import type { FieldKind } from './fields.js';
import { field, ipv4, mnemonicUint, parseDecimal } from './fields.js';
import type { Field } from './fields.js';
import { bitmapMembers, bitmapOctets } from './bitmap.js';

/** Protocol names BIND looks up in /etc/protocols; the usual ones. */
const PROTOCOLS: Readonly<Record<string, number>> = {
  ICMP: 1, IGMP: 2, TCP: 6, UDP: 17, IPV6: 41, GRE: 47, ESP: 50, AH: 51, 'IPV6-ICMP': 58, SCTP: 132,
};

/**
 * Service names BIND resolves through the system's services database (getservbyname); the names
 * of Debian's /etc/services for the well-known ports, so a zone reads the same on any machine.
 */
const SERVICES: ReadonlyMap<string, number> = new Map(Object.entries({
  tcpmux: 1, echo: 7, discard: 9, systat: 11, daytime: 13, netstat: 15, qotd: 17, chargen: 19,
  'ftp-data': 20, ftp: 21, ssh: 22, telnet: 23, smtp: 25, time: 37, whois: 43, tacacs: 49, domain: 53,
  gopher: 70, finger: 79, http: 80, www: 80, kerberos: 88, pop3: 110, sunrpc: 111, auth: 113, nntp: 119,
  ntp: 123, epmap: 135, 'netbios-ns': 137, 'netbios-dgm': 138, 'netbios-ssn': 139, imap: 143, imap2: 143,
  snmp: 161, 'snmp-trap': 162, bgp: 179, irc: 194, ldap: 389, https: 443, 'microsoft-ds': 445,
  submissions: 465, syslog: 514, printer: 515, submission: 587, ldaps: 636, rsync: 873, imaps: 993, pop3s: 995,
}));

const MAX_PORT = 65535;

const portBitmap: FieldKind<readonly number[]> = {
  parse(cursor) {
    const ports = new Set<number>();
    let ok = true;
    for (const token of cursor.takeRest(true)) {
      const port = parseDecimal(token.text, MAX_PORT) ?? SERVICES.get(token.text.toLowerCase());
      if (port === undefined) {
        cursor.problem(token, `"${token.text}" is neither a port number in 0..${MAX_PORT} nor a known service name`);
        ok = false;
      } else ports.add(port);
    }
    return ok ? [...ports].sort((a, b) => a - b) : undefined;
  },
  format: (value) => value.join(' '),
  toWire: (value, out) => out.bytes(bitmapOctets(value)),
  fromWire: (input) => bitmapMembers(input.rest()),
};

export const WKS_FIELDS: readonly Field[] = [
  field('address', ipv4),
  field('protocol', mnemonicUint(1, PROTOCOLS, false)),
  field('ports', portBitmap),
];
