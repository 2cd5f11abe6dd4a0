import { spfRecord } from '../../src/lint/rules/spf-record.js';
import { HEAD, ruleTester } from './helpers.js';

ruleTester(spfRecord, {
  valid: [
    `${HEAD}\n@ IN TXT v=spf1`,
    // One policy per name: the apex and a subdomain each have theirs; other TXT beside it is fine.
    `${HEAD}\n@ IN TXT v=spf1\n@ IN TXT google-site-verification=abc\nmail IN TXT v=spf1`,
    // v=spf10 is not an SPF record (RFC 7208 §4.5).
    `${HEAD}\n@ IN TXT v=spf1\n@ IN TXT v=spf10`,
  ],
  invalid: [
    {
      zone: `${HEAD}\n@ IN TXT v=spf1\n@ IN TXT V=SPF1`,
      errors: [{ line: 8, message: /second v=spf1 TXT record \(the first is at line 7\).*permerror/ }],
    },
    { zone: `${HEAD}\n@ IN SPF v=spf1`, errors: [{ line: 7, severity: 'warning', message: /discontinued/ }] },
  ],
});
