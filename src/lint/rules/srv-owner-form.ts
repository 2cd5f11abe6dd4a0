import { vendorServiceLabel } from '../../services/service-labels.js';
import { serviceLabel } from '../profiles.js';
import { recordWhere, type Rule } from '../rule.js';

/** RFC 6335 §5.1 service names: 1-15 letters, digits, hyphens; a letter; no hyphen at an end or doubled. */
export function serviceNameProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > 15) return `is ${name.length} characters long (1 to 15 allowed)`;
  if (!/^[A-Za-z0-9-]+$/.test(name)) return 'may hold only letters, digits and hyphens';
  if (!/[A-Za-z]/.test(name)) return 'needs at least one letter';
  if (name.startsWith('-') || name.endsWith('-')) return 'may not start or end with a hyphen';
  if (name.includes('--')) return 'may not hold two hyphens in a row';
  return undefined;
}

/**
 * RFC 2782: "_Proto" is the symbolic name of the protocol, `_tcp` and `_udp` being "at present the
 * most useful" and any other name from Assigned Numbers or locally defined allowed: `_tls` (SIP,
 * as Microsoft requires), `_sctp`, `_dccp`. So any underscore label of protocol-name characters is one.
 */
const PROTOCOL_LABEL = /^_[A-Za-z0-9][A-Za-z0-9-]*$/;

export const srvOwnerForm: Rule = {
  meta: {
    id: 'srv-owner-form',
    severity: 'warning',
    description: 'An SRV owner that is not `_service._proto.name` with an RFC 6335 service name (labels a vendor requires as written, such as `_sipfederationtls._tcp`, excepted)',
    source: 'RFC 2782 (format), RFC 6335 §5.1; src/services/service-labels.ts',
    fixable: false,
  },
  create(context) {
    return {
      record(record) {
        if (record.type !== 'SRV') return;
        const [service, proto] = record.owner.labelTexts;
        const form = `SRV owner ${record.owner} is not _service._proto.name`;
        let problem: string | undefined;
        if (service === undefined || proto === undefined || !service.startsWith('_')) {
          problem = `${form}: the first label must be an underscore and a service name, such as _imaps (RFC 2782)`;
        } else if (!PROTOCOL_LABEL.test(proto)) {
          problem = `${form}: the second label must be the protocol, an underscore and its name, such as _tcp or _udp (RFC 2782)`;
        } else if (vendorServiceLabel(serviceLabel(record.owner)!)) {
          // A label a vendor requires as written (Microsoft's 16-character _sipfederationtls._tcp):
          // src/services/service-labels.ts names it and its source; there is nothing to change.
          return;
        } else {
          const why = serviceNameProblem(service.slice(1));
          if (why) problem = `service name "${service.slice(1)}" in ${record.owner} ${why} (RFC 6335 §5.1)`;
        }
        if (problem) context.report({ where: recordWhere(record), message: problem });
      },
    };
  },
};
