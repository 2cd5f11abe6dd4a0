/**
 * The vendor data beside the catalog (src/services/hosted-mail.ts, service-labels.ts): each entry
 * has a source, names catalog protocols, and its records are records BIND loads; MX patterns find the
 * vendor from a tenant's MX host and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { lintZoneText } from '../src/lint/engine.js';
import { protocolById } from '../src/services/catalog.js';
import { HOSTED_MAIL_VENDORS, hostedMailVendorById, hostedMailVendorFor, vendorRecordLine } from '../src/services/hosted-mail.js';
import { DIALECT_LABELS, VENDOR_SERVICE_LABELS } from '../src/services/service-labels.js';
import { Name } from '../src/zone/name.js';
import { bindAvailable, checkZoneText } from './helpers/bind.js';
import { ZONE_HEAD } from './helpers/zone-head.js';

/** Web services that are not catalog protocols but that vendors' clients use. */
const WEB_SERVICES = new Set(['jmap', 'exchange']);


/** A vendor's documented MX and discovery records for example.com (placeholders filled in). */
function vendorZone(vendor: (typeof HOSTED_MAIL_VENDORS)[number]): string {
  const domain = Name.from('example.com.');
  const records = [...vendor.mxRecords, ...vendor.discovery.flatMap((d) => d.records.slice(0, 1))];
  return `${ZONE_HEAD}\n${records.map((r) => vendorRecordLine(r, domain, 3600).replace('<domain-key>', 'example-com')).join('\n')}\n`;
}

describe('hosted mail vendors', () => {
  it('are found from their MX hosts, a tenant name below a pattern included, and from nothing else', () => {
    expect(hostedMailVendorFor('contoso-com.mail.protection.outlook.com')?.id).toBe('microsoft365');
    expect(hostedMailVendorFor(Name.from('ASPMX.L.GOOGLE.COM.'))?.id).toBe('google-workspace');
    expect(hostedMailVendorFor('alt1.aspmx.l.google.com.')?.id).toBe('google-workspace');
    expect(hostedMailVendorFor('in2-smtp.messagingengine.com.')?.id).toBe('fastmail');
    expect(hostedMailVendorFor('mail.protection.outlook.com.')).toBeUndefined();
    expect(hostedMailVendorFor('mail.example.com.')).toBeUndefined();
    expect(hostedMailVendorFor('evilmail.protection.outlook.com.evil.example.')).toBeUndefined();
    expect(hostedMailVendorById('fastmail')?.name).toBe('Fastmail');
  });

  it.each(HOSTED_MAIL_VENDORS.map((v) => [v.id, v] as const))('%s: a source, catalog protocols, its own MX recognised', (_id, vendor) => {
    expect(vendor.source).toMatch(/^https:\/\//);
    for (const expectation of vendor.discovery) {
      expect(expectation.records.length).toBeGreaterThan(0);
      for (const id of expectation.protocols) expect(protocolById(id) ?? WEB_SERVICES.has(id)).toBeTruthy();
    }
    for (const server of vendor.servers) expect(protocolById(server.protocol) ?? WEB_SERVICES.has(server.protocol)).toBeTruthy();
    for (const mx of vendor.mxRecords) {
      const exchange = mx.data.split(' ')[1]!.replace('<domain-key>', 'example-com');
      expect(hostedMailVendorFor(exchange)?.id).toBe(vendor.id);
    }
  });

  it.each(HOSTED_MAIL_VENDORS.map((v) => [v.id, v] as const))('%s: its documented records make a zone BIND loads and lint judges under its profile, silently', (_id, vendor) => {
    const text = vendorZone(vendor);
    if (bindAvailable()) expect(checkZoneText('example.com', text).code).toBe(0);
    const { profiles, diagnostics } = lintZoneText(text, { file: 'example.com.dns', origin: Name.from('example.com.') });
    expect(profiles).toEqual([vendor.id]);
    expect(diagnostics.filter((d) => d.rule === 'missing-autodiscovery-record')).toEqual([]);
  });
});

describe('a hosted mail profile asked for by name', () => {
  const zone = `${ZONE_HEAD}\n@ IN MX 10 mail\nmail IN A 192.0.2.25\n`;
  const judged = (text: string, profiles?: ('microsoft365' | 'fastmail')[]) =>
    lintZoneText(text, { file: 'example.com.dns', origin: Name.from('example.com.'), ...(profiles ? { profiles } : {}) });

  it('--profile microsoft365 holds any zone to the autodiscover CNAME, named exactly', () => {
    const { profiles, diagnostics } = judged(zone, ['microsoft365']);
    expect(profiles).toEqual(['microsoft365']);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('add `autodiscover.example.com. 3600 IN CNAME autodiscover.outlook.com.`')]);
  });

  it('a "; zonesmith: profiles fastmail" header declares it', () => {
    const { profiles } = judged(`; zonesmith: profiles fastmail\n${zone}`);
    expect(profiles).toEqual(['fastmail']);
  });
});

describe('SRV labels as the world writes them', () => {
  it('each vendor label and dialect has a source; each dialect names a catalog protocol whose standard label it gives', () => {
    for (const entry of VENDOR_SERVICE_LABELS) {
      expect(entry.label).toMatch(/^_[a-z0-9-]+\._[a-z0-9-]+$/);
      expect(entry.source.length).toBeGreaterThan(5);
    }
    for (const entry of DIALECT_LABELS) {
      expect(protocolById(entry.protocol)?.labels.standard).toBe(entry.standard);
      expect(entry.source.length).toBeGreaterThan(5);
    }
  });
});
