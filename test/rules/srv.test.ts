import { nonstandardServiceLabel } from '../../src/lint/rules/nonstandard-service-label.js';
import { srvOwnerForm } from '../../src/lint/rules/srv-owner-form.js';
import { srvPortZero } from '../../src/lint/rules/srv-port-zero.js';
import { HEAD, ruleTester } from './helpers.js';

ruleTester(srvPortZero, {
  valid: [`${HEAD}\n_imap._tcp IN SRV 0 0 0 .`, `${HEAD}\n_imaps._tcp IN SRV 0 1 993 ns1`],
  invalid: [
    {
      zone: `${HEAD}\n_imap._tcp IN SRV 0 0 0 imap4.example.com.\n_pop._tcp IN SRV 0 0 0 pop3.example.com.`,
      errors: [
        { line: 7, column: 23, message: /port 0 of imap4\.example\.com\..*`SRV 0 0 0 \.`/ },
        { line: 8, column: 22 },
      ],
    },
  ],
});

ruleTester(srvOwnerForm, {
  valid: [
    `${HEAD}\n_imaps._tcp IN SRV 0 1 993 ns1`,
    `${HEAD}\n_xmpp-client._tcp IN SRV 0 1 5222 ns1`,
    `${HEAD}\n_sip._udp IN SRV 0 1 5060 ns1`,
    // Microsoft 365's records as Microsoft requires them: a _tls protocol label (RFC 2782 allows any
    // protocol name) and a 16-character service name listed in src/services/service-labels.ts.
    `${HEAD}\n_sip._tls IN SRV 100 1 443 sipdir.online.lync.com.\n_sipfederationtls._tcp IN SRV 100 1 5061 sipfed.online.lync.com.`,
    `${HEAD}\n_diameter._sctp IN SRV 0 1 3868 ns1`,
  ],
  invalid: [
    { zone: `${HEAD}\nimaps._tcp IN SRV 0 1 993 ns1`, errors: [{ line: 7, message: /first label/ }] },
    { zone: `${HEAD}\n_imaps.tcp IN SRV 0 1 993 ns1`, errors: [{ line: 7, message: /second label/ }] },
    { zone: `${HEAD}\n_imap-over-tls-please._tcp IN SRV 0 1 993 ns1`, errors: [{ line: 7, message: /characters long/ }] },
    { zone: `${HEAD}\n_443._tcp IN SRV 0 1 443 ns1`, errors: [{ line: 7, message: /at least one letter/ }] },
    { zone: `${HEAD}\n_x--y._tcp IN SRV 0 1 443 ns1`, errors: [{ line: 7, message: /two hyphens/ }] },
    { zone: `${HEAD}\n_im_ap._tcp IN SRV 0 1 443 ns1`, errors: [{ line: 7, message: /only letters, digits and hyphens/ }] },
  ],
});

ruleTester(nonstandardServiceLabel, {
  valid: [
    `${HEAD}\n_pop3._tcp IN SRV 0 1 110 ns1`,
    // Both spellings published: nothing to say.
    `${HEAD}\n_pop._tcp IN SRV 0 1 110 ns1\n_pop3._tcp IN SRV 0 1 110 ns1`,
    // MDaemon's labels under the mdaemon profile are what the profile publishes: never flagged.
    { zone: `${HEAD}\n_airsync._tcp IN SRV 0 1 443 ns1`, options: { profiles: ['mdaemon'] } },
    { zone: `${HEAD}\n_pop._tcp IN SRV 0 1 110 ns1\n_smtp._tcp IN SRV 0 1 587 ns1`, options: { profiles: ['mdaemon'] } },
    { zone: `${HEAD}\n_pop._tcp IN SRV 0 1 110 ns1`, options: { profiles: ['standard', 'mdaemon'] } },
    // The dialect beside its RFC label: RFC clients find the service.
    `${HEAD}\n_smtps._tcp IN SRV 0 1 465 ns1\n_submissions._tcp IN SRV 0 1 465 ns1`,
  ],
  invalid: [
    {
      zone: `${HEAD}\n_pop._tcp IN SRV 0 1 110 ns1\n_smtp._tcp IN SRV 0 1 587 ns1`,
      errors: [
        { line: 7, message: /_pop\._tcp is not an RFC label.*_pop3\._tcp.*publish _pop3\._tcp\.example\.com\. as well/ },
        { line: 8, message: /_smtp\._tcp.*_submission\._tcp/ },
      ],
    },
    {
      zone: `${HEAD}\n_airsync._tcp IN SRV 0 1 443 ns1`,
      errors: [{ line: 7, message: /_airsync\._tcp has no RFC label/ }],
    },
    {
      // mailcow's label for port 465: RFC 8314 clients ask for _submissions._tcp and never find it.
      zone: `${HEAD}\n_smtps._tcp IN SRV 0 1 465 ns1`,
      errors: [{ line: 7, message: /_smtps\._tcp is not an RFC label \(it comes from mailcow's DNS guide.*_submissions\._tcp.*publish _submissions\._tcp\.example\.com\. as well/ }],
    },
    {
      zone: `${HEAD}\n_jabber._tcp IN SRV 0 1 5269 ns1`,
      errors: [{ line: 7, message: /_jabber\._tcp is not an RFC label.*_xmpp-server\._tcp/ }],
    },
    {
      // Another profile in force does not excuse the dialect.
      zone: `${HEAD}\n_pop._tcp IN SRV 0 1 110 ns1`,
      options: { profiles: ['standard', 'connector'] },
      errors: [{ line: 7, message: /_pop\._tcp is not an RFC label/ }],
    },
  ],
});
