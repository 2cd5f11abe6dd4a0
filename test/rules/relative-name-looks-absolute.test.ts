import { relativeNameLooksAbsolute } from '../../src/lint/rules/relative-name-looks-absolute.js';
import { HEAD, ruleTester } from './helpers.js';

ruleTester(relativeNameLooksAbsolute, {
  valid: [
    `${HEAD}\n@ IN NS dns.mydnsprovider.org.`,
    `${HEAD}\nwww IN CNAME web.lab`,
    `${HEAD}\n@ IN MX 10 mail\nmail IN A 192.0.2.3`,
    `${HEAD}\nmail.lab IN A 192.0.2.3`,
    // Owners below the apex whatever their last label: the hosts the connector profile asks for,
    // a TLSA owner, web hosts one level down (issue 9).
    `${HEAD}\nmail IN A 192.0.2.3\nimap.mail IN CNAME mail\nsmtp.mail IN CNAME mail\n_25._tcp.mail IN TXT x\napi.dev IN A 192.0.2.4\nwww.blog IN A 192.0.2.5`,
    // A target that names data in the zone (defined before or after) is what was meant.
    `${HEAD}\nblog IN CNAME www.blog\nwww.blog IN A 192.0.2.5\n@ IN MX 10 mx.mail.eu\nmx.mail.eu IN A 192.0.2.6`,
    // An owner spelled with another domain is a name in this zone, not a lost dot.
    `${HEAD}\nwww.example.net IN A 192.0.2.9`,
  ],
  invalid: [
    {
      // The seed's line 15.
      zone: `${HEAD}\n@ IN NS dns.mydnsprovider.org`,
      errors: [{ line: 7, column: 9, message: /`dns\.mydnsprovider\.org` has no trailing dot.*means dns\.mydnsprovider\.org\.example\.com\..*write `dns\.mydnsprovider\.org\.`/ }],
    },
    {
      // Ends in the zone's own top-level label: the origin written out without its dot.
      zone: `${HEAD}\n@ IN MX 10 mail.example.com`,
      errors: [{ line: 7, message: /mail\.example\.com\.example\.com\./ }],
    },
    {
      // The owner spells out the zone's own name.
      zone: `${HEAD}\nwww.example.com IN A 192.0.2.9\n_imaps._tcp IN SRV 0 1 993 imap.example.de`,
      errors: [{ line: 7, message: /^the owner `www\.example\.com` .* means www\.example\.com\.example\.com\.; write `www` or `www\.example\.com\.`/ }, { line: 8, message: /the SRV name/ }],
    },
    {
      zone: '@ IN SOA ns1.example.net hostmaster.example.net. 1 14400 3600 1209600 3600',
      errors: [{ line: 1, column: 10 }],
    },
  ],
});
