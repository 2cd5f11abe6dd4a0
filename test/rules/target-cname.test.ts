import { mxTargetCname } from '../../src/lint/rules/mx-target-cname.js';
import { nsTargetCname } from '../../src/lint/rules/ns-target-cname.js';
import { srvTargetCname } from '../../src/lint/rules/srv-target-cname.js';
import { HEAD, ruleTester } from './helpers.js';

const ALIAS = 'alias IN CNAME ns1';

ruleTester(mxTargetCname, {
  valid: [`${HEAD}\n@ IN MX 10 ns1`, `${HEAD}\n${ALIAS}\n@ IN MX 10 mail.example.net.`, `${HEAD}\n${ALIAS}\n_imaps._tcp IN SRV 0 1 993 alias`],
  invalid: [
    {
      zone: `${HEAD}\n${ALIAS}\n@ IN MX 10 alias`,
      errors: [{ line: 8, column: 12, message: /MX target alias\.example\.com\. is an alias \(CNAME to ns1\.example\.com\. at line 7\)/ }],
    },
  ],
});

ruleTester(nsTargetCname, {
  valid: [HEAD, `${HEAD}\n${ALIAS}\n@ IN MX 10 alias`],
  invalid: [{ zone: `${HEAD}\n${ALIAS}\n@ IN NS alias`, errors: [{ line: 8, message: /NS target alias/ }] }],
});

ruleTester(srvTargetCname, {
  valid: [`${HEAD}\n_imaps._tcp IN SRV 0 1 993 ns1`],
  invalid: [
    {
      zone: `${HEAD}\n${ALIAS}\n_imaps._tcp IN SRV 0 1 993 alias\n_pop3s._tcp IN SRV 0 1 995 alias`,
      errors: [{ line: 8 }, { line: 9 }],
    },
  ],
});
