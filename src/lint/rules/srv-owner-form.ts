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

const PROTOCOLS = new Set(['_tcp', '_udp', '_sctp', '_dccp']);

export const srvOwnerForm: Rule = {
  meta: {
    id: 'srv-owner-form',
    severity: 'warning',
    description: 'An SRV owner that is not `_service._proto.name` with an RFC 6335 service name',
    source: 'RFC 2782 (format), RFC 6335 §5.1',
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
        } else if (!PROTOCOLS.has(proto.toLowerCase())) {
          problem = `${form}: the second label must be the protocol, such as _tcp or _udp (RFC 2782)`;
        } else {
          const why = serviceNameProblem(service.slice(1));
          if (why) problem = `service name "${service.slice(1)}" in ${record.owner} ${why} (RFC 6335 §5.1)`;
        }
        if (problem) context.report({ where: recordWhere(record), message: problem });
      },
    };
  },
};
