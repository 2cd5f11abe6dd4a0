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
    // `profiles: []` (a config's) asks for no profile at all.
    { zone: MAIL, options: { profiles: [] } },
    // autodiscover.<domain> meets Outlook's expectation: MS-OXDISCO tries it before the SRV record.
    `${MAIL}\nautodiscover IN CNAME mail\n_submissions._tcp IN SRV 0 1 465 mail\n_imaps._tcp IN SRV 0 1 993 mail`,
    // Hosted mail: the vendor's own expectations, not RFC 6186 records aimed at its inbound MX host.
    `${HEAD}\n@ IN MX 0 example-com.mail.protection.outlook.com.\nautodiscover IN CNAME autodiscover.outlook.com.`,
    `${HEAD}\n@ IN MX 1 smtp.google.com.`,
    `${HEAD}\n@ IN MX 10 mx01.mail.icloud.com.\n@ IN MX 10 mx02.mail.icloud.com.`,
  ],
  invalid: [
    {
      // No mail SRV at all: the zone chose no SRV discovery, so each missing record is info. No host
      // in the zone serves Autodiscover: its record has a placeholder; mail.<domain> (a name clients
      // guess, with an address) is the submission and IMAP host.
      zone: MAIL,
      errors: [
        { line: 2, severity: 'info', message: /profile standard: no SRV record at _autodiscover\._tcp\.example\.com\. or autodiscover\.example\.com\. \(A, AAAA or CNAME\).*add `_autodiscover\._tcp\.example\.com\. 3600 IN SRV 0 1 443 <autodiscover host>`, with the name of the server that serves Microsoft Autodiscover/ },
        { line: 2, severity: 'info', message: /_submissions\._tcp\.example\.com\. or _submission\._tcp\.example\.com\.: .*add `_submissions\._tcp\.example\.com\. 3600 IN SRV 0 1 465 mail\.example\.com\.`.*publishes no mail SRV record/ },
        { line: 2, severity: 'info', message: /_imaps\._tcp\.example\.com\. or _imap\._tcp/ },
      ],
    },
    {
      // A gap in published SRV discovery is a defect (warning). The inbound MX host is never the
      // suggested target: no host shows it serves submission, so the record has a placeholder.
      zone: `${HEAD}\n@ IN MX 10 inbound\ninbound IN A 192.0.2.9\nimap IN A 192.0.2.10\n_imaps._tcp IN SRV 0 1 993 imap\nautodiscover IN CNAME imap`,
      errors: [{ line: 2, message: /no SRV record at _submissions\._tcp.*add `_submissions\._tcp\.example\.com\. 3600 IN SRV 0 1 465 <submissions host>`, with the name of the server that serves Message submission over implicit TLS in place of <submissions host>/ }],
    },
    {
      // Microsoft 365 without its autodiscover CNAME: the exact record Microsoft documents.
      zone: `${HEAD}\n@ IN MX 0 example-com.mail.protection.outlook.com.`,
      errors: [{ line: 2, message: /^profile microsoft365: no autodiscover\.example\.com\. \(CNAME, A or AAAA\) or _autodiscover\._tcp\.example\.com\. \(SRV\):.*add `autodiscover\.example\.com\. 3600 IN CNAME autodiscover\.outlook\.com\.`/ }],
    },
    {
      // Fastmail documents RFC 6186 records with its own hosts, as optional: info, the exact records.
      zone: `${HEAD}\n@ IN MX 10 in1-smtp.messagingengine.com.\n@ IN MX 20 in2-smtp.messagingengine.com.\n_submission._tcp IN SRV 0 1 587 smtp.fastmail.com.\n_caldavs._tcp IN SRV 0 1 443 caldav.fastmail.com.\n_carddavs._tcp IN SRV 0 1 443 carddav.fastmail.com.`,
      errors: [{ line: 2, severity: 'info', message: /^profile fastmail: no _imaps\._tcp\.example\.com\. \(SRV\) or _pop3s\._tcp\.example\.com\. \(SRV\):.*add `_imaps\._tcp\.example\.com\. 3600 IN SRV 0 1 993 imap\.fastmail\.com\.`/ }],
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
      // The inbound MX host's address is not offered: nothing shows it serves IMAP or submission.
      errors: [
        { line: 2, message: /none of mail\.example\.com\., imap\.example\.com\., example\.com\., imap\.mail\.example\.com\. has an address.*add `mail\.example\.com\. 3600 IN A <address of the server>`/ },
      ],
    },
  ],
});
