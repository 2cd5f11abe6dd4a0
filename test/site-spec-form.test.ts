/**
 * The web page's form and YAML kept in step (site/src/spec-form.ts): the form writes only what
 * changed into the YAML, and keeps what it does not show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EMPTY_SPEC, modelFromSpec, notInForm, writeModel } from '../site/src/spec-form.js';
import { REPO_ROOT } from './helpers/shared.js';

const read = (...path: string[]) => readFileSync(join(REPO_ROOT, ...path), 'utf8');
const COMMENTED = read('test', 'fixtures', 'site', 'commented.yaml');

describe('the Build view form and its YAML', () => {
  it.each([['examples', 'example.com.yaml'], ['examples', 'hosting.yaml'], ['test', 'fixtures', 'site', 'commented.yaml']])('form read from %s/%s and written back leaves the text byte for byte', (...path) => {
    const text = read(...path);
    expect(writeModel(text, modelFromSpec(parse(text)))).toBe(text);
  });

  it('an edit in the form changes its key only: comments, layout, defaults, records and a service\'s port stay', () => {
    const model = modelFromSpec(parse(COMMENTED));
    model.domain = 'example.com';
    model.services.imaps = 'imap';
    model.hosts.push({ name: 'imap', addresses: ['192.0.2.26', '2001:db8::26'] });
    model.profiles = ['mdaemon'];
    const text = writeModel(COMMENTED, model)!;
    // Every line but those of the keys edited is as it was.
    expect(text).toBe(
      COMMENTED.replace('domain: example.org   #', 'domain: example.com   #')
        .replace('      mail: 192.0.2.25\n', '      mail: 192.0.2.25\n      imap: [192.0.2.26, 2001:db8::26]\n')
        .replace('imaps: { host: mail, port: 993, priority: 5 }', 'imaps: {host: imap, port: 993, priority: 5}')
        .concat('    profiles: [mdaemon]\n'),
    );
    const zone = parse(text).zones[0];
    expect(zone.services).toEqual({ imaps: { host: 'imap', port: 993, priority: 5 }, submissions: 'mail' });
    expect(zone.records).toEqual([{ name: '@', type: 'TXT', value: 'v=spf1 mx -all' }]);
  });

  it('a key the zone lacks is added after its last key; a map it lacks (soa) is added holding it; a key emptied goes with its comment', () => {
    const text = 'version: 1\nzones:\n  - domain: example.com\n    ttl: 1h # an hour\n    mx: [{ host: mx, priority: 10 }]\n';
    const model = modelFromSpec(parse(text));
    model.ttl = '';
    model.primary = 'ns1.example.net';
    model.hosts = [{ name: 'mx', addresses: ['192.0.2.1'] }];
    expect(writeModel(text, model)).toBe(
      'version: 1\nzones:\n  - domain: example.com\n    mx: [{ host: mx, priority: 10 }]\n    soa:\n      primary: ns1.example.net\n    hosts:\n      mx: 192.0.2.1\n',
    );
  });

  it('empty fields leave their keys out; numbers are numbers', () => {
    const model = modelFromSpec(parse(COMMENTED));
    model.nameservers = [];
    model.services = {};
    model.ttl = '3600';
    model.mx = [{ host: 'mail', priority: '10' }];
    const zone = parse(writeModel(COMMENTED, model)!).zones[0];
    expect(zone.nameservers).toBeUndefined();
    expect(zone.services).toBeUndefined();
    expect(zone.ttl).toBe(3600);
    expect(zone.mx).toEqual([{ host: 'mail', priority: 10 }]);
  });

  it('writes a fresh spec into empty text, and nothing into YAML that does not parse', () => {
    const model = modelFromSpec(parse(EMPTY_SPEC));
    model.domain = 'example.com';
    expect(parse(writeModel('', model)!)).toEqual({ version: 1, zones: [{ domain: 'example.com' }] });
    expect(writeModel('zones: [ {domain: x', model)).toBeUndefined();
  });

  it('says what the form does not show', () => {
    expect(notInForm(parse(COMMENTED))).toEqual(['defaults', 'soa.refresh', 'services.imaps (port, priority or weight)', 'records']);
    expect(notInForm(parse(read('examples', 'example.com.yaml')))).toEqual([]);
    expect(notInForm(parse(read('examples', 'hosting.yaml')))).toEqual(['defaults', '2 more zones']);
  });
});
