/**
 * Rules that report one of BIND's zone-level refusals as the zone checks find it (src/zone/zone-checks.ts):
 * each run alone still gets its problems, and says that BIND refuses the zone.
 */
import { apexNoNs } from '../../src/lint/rules/apex-no-ns.js';
import { multipleDname } from '../../src/lint/rules/multiple-dname.js';
import { nsAtWildcard } from '../../src/lint/rules/ns-at-wildcard.js';
import { HEAD, ruleTester } from './helpers.js';

const SOA = '$TTL 3600\n@ IN SOA ns1 hostmaster 2024010100 14400 3600 1209600 3600\nns1 IN A 192.0.2.1';

ruleTester(apexNoNs, {
  valid: [HEAD, `${HEAD}\nsub IN NS ns1`],
  invalid: [
    { zone: SOA, errors: [{ line: 2, message: /has no NS records: BIND refuses it/ }] },
    { zone: `${SOA}\nsub IN NS ns1`, errors: [{ line: 2 }] },
  ],
});

ruleTester(nsAtWildcard, {
  valid: [`${HEAD}\nsub IN NS ns1\n*.any IN A 192.0.2.9`],
  invalid: [{ zone: `${HEAD}\n*.star IN NS ns1`, errors: [{ line: 7, message: /wildcard.*BIND refuses the zone/ }] }],
});

ruleTester(multipleDname, {
  valid: [`${HEAD}\nold IN DNAME new.example.net.\nold IN DNAME new.example.net.`],
  invalid: [{ zone: `${HEAD}\nold IN DNAME a.example.net.\nold IN DNAME b.example.net.`, errors: [{ line: 8, message: /more than one DNAME.*BIND refuses the zone/ }] }],
});
