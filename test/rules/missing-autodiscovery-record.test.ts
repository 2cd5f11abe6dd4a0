import { missingAutodiscoveryRecord } from '../../src/lint/rules/missing-autodiscovery-record.js';
import { HEAD, ruleTester } from './helpers.js';

const MAIL = `${HEAD}\n@ IN MX 10 mail\nmail IN A 192.0.2.3`;
const STANDARD = [
  '_autodiscover._tcp IN SRV 0 1 443 mail',
  '_submissions._tcp IN SRV 0 1 465 mail',
  '_imaps._tcp IN SRV 0 1 993 mail',
].join('\n');
const MDAEMON = [
  '_autodiscover._tcp IN SRV 0 1 443 mail',
  '_airsync._tcp IN SRV 0 1 443 mail',
  '_imap._tcp IN SRV 0 1 143 mail',
  '_pop._tcp IN SRV 0 1 110 mail',
  '_smtp._tcp IN SRV 0 1 587 mail',
  '_caldav._tcp IN SRV 0 1 80 mail',
  '_carddav._tcp IN SRV 0 1 80 mail',
  '_xmpp-client._tcp IN SRV 0 1 5222 mail',
  'autodiscover IN CNAME mail',
].join('\n');

ruleTester(missingAutodiscoveryRecord, {
  valid: [
    // No mail, no default profile.
    HEAD,
    `${MAIL}\n${STANDARD}`,
    // "Not offered" counts as published.
    `${MAIL}\n_autodiscover._tcp IN SRV 0 0 0 .\n_submission._tcp IN SRV 0 1 587 mail\n_pop3._tcp IN SRV 0 0 0 .`,
    { zone: `${MAIL}\n${MDAEMON}`, options: { profiles: ['mdaemon'] } },
    // mail.<domain> has an address: MDaemon Connector finds both servers there.
    { zone: MAIL, options: { profiles: ['connector'] } },
  ],
  invalid: [
    {
      zone: MAIL,
      errors: [
        { line: 2, message: /profile standard: no SRV record at _autodiscover\._tcp\.example\.com\..*add `_autodiscover\._tcp\.example\.com\. 3600 IN SRV 0 1 443 mail\.example\.com\.`/ },
        { line: 2, message: /_submissions\._tcp\.example\.com\. or _submission\._tcp\.example\.com\.: .*add `_submissions\._tcp\.example\.com\. 3600 IN SRV 0 1 465 mail\.example\.com\.`/ },
        { line: 2, message: /_imaps\._tcp\.example\.com\. or _imap\._tcp/ },
      ],
    },
    {
      zone: `${MAIL}\n${STANDARD}`,
      options: { profiles: ['mdaemon'] },
      errors: [
        { line: 2, message: /_airsync\._tcp/ },
        { line: 2, message: /_imap\._tcp\.example\.com\. 3600 IN SRV 0 1 143/ },
        { line: 2, message: /_pop\._tcp/ },
        { line: 2, message: /_smtp\._tcp\.example\.com\. 3600 IN SRV 0 1 587/ },
        { line: 2, message: /_caldav\._tcp/ },
        { line: 2, message: /_carddav\._tcp/ },
        { line: 2, message: /_xmpp-client\._tcp/ },
        { line: 2, message: /autodiscover\.example\.com\. has an address.*add `autodiscover\.example\.com\. 3600 IN A 192\.0\.2\.3`/ },
      ],
    },
    {
      zone: `${HEAD}\n@ IN MX 10 inbound\ninbound IN A 192.0.2.9`,
      options: { profiles: ['connector'] },
      // One record (an address for mail.example.com.) satisfies both the IMAP and the SMTP probe: said once.
      errors: [
        { line: 2, message: /none of mail\.example\.com\., imap\.example\.com\., example\.com\., imap\.mail\.example\.com\. has an address.*add `mail\.example\.com\. 3600 IN A 192\.0\.2\.9`/ },
      ],
    },
  ],
});
