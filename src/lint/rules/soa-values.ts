import type { Severity } from '../../diagnostics.js';
import { isType, type SoaData } from '../../zone/record.js';
import { formatDuration } from '../../zone/ttl.js';
import { dataWhere, type Rule } from '../rule.js';

/** Zonemaster's limits (Zone-TP zone02-zone06, TestRequirements R11000-R15000), with RFC 1912 §2.2's advice. */
export const SOA_LIMITS = {
  expireMin: 604800,
  refreshMin: 14400,
  retryMin: 3600,
  minimumMin: 300,
  minimumMax: 86400,
} as const;

/** SOA data fields in the order they are written; the index is the data token's. */
const FIELD_TOKEN: Record<'refresh' | 'retry' | 'expire' | 'minimum', number> = { refresh: 3, retry: 4, expire: 5, minimum: 6 };

interface SoaFinding {
  field: keyof typeof FIELD_TOKEN;
  severity: Severity;
  message: string;
}

const d = (seconds: number) => `${seconds} (${formatDuration(seconds)})`;

export function soaFindings(soa: SoaData): SoaFinding[] {
  const found: SoaFinding[] = [];
  if (soa.expire < SOA_LIMITS.expireMin) {
    found.push({
      field: 'expire',
      severity: 'warning',
      message: `SOA expire ${d(soa.expire)} is below Zonemaster's minimum of ${d(SOA_LIMITS.expireMin)}: secondaries drop the zone after one outage that long; RFC 1912 §2.2 advises 2-4 weeks (1209600-2419200)`,
    });
  } else if (soa.expire < soa.refresh) {
    found.push({
      field: 'expire',
      severity: 'warning',
      message: `SOA expire ${d(soa.expire)} is shorter than refresh ${d(soa.refresh)}: the zone expires on secondaries before they refresh it (Zonemaster; RFC 1912 §2.2 advises 2-4 weeks)`,
    });
  }
  if (soa.refresh < SOA_LIMITS.refreshMin) {
    found.push({
      field: 'refresh',
      severity: 'info',
      message: `SOA refresh ${d(soa.refresh)} is below Zonemaster's ${d(SOA_LIMITS.refreshMin)}; with NOTIFY a longer refresh costs nothing (RFC 1912 §2.2)`,
    });
  }
  if (soa.retry < SOA_LIMITS.retryMin) {
    found.push({
      field: 'retry',
      severity: 'info',
      message: `SOA retry ${d(soa.retry)} is below Zonemaster's ${d(SOA_LIMITS.retryMin)} (RFC 1912 §2.2: a fraction of refresh)`,
    });
  }
  if (soa.retry >= soa.refresh) {
    found.push({
      field: 'retry',
      severity: 'info',
      message: `SOA retry ${d(soa.retry)} is not shorter than refresh ${d(soa.refresh)}; retry should be a fraction of refresh (RFC 1912 §2.2, Zonemaster)`,
    });
  }
  if (soa.minimum < SOA_LIMITS.minimumMin || soa.minimum > SOA_LIMITS.minimumMax) {
    found.push({
      field: 'minimum',
      severity: 'info',
      message: `SOA minimum ${d(soa.minimum)} is outside Zonemaster's ${SOA_LIMITS.minimumMin}..${SOA_LIMITS.minimumMax}; it is the negative-caching TTL (RFC 2308 §4)`,
    });
  }
  return found;
}

export const soaValues: Rule = {
  meta: {
    id: 'soa-values',
    severity: 'warning',
    description:
      "SOA timers outside Zonemaster's limits: expire < 604800 or < refresh (warning); refresh < 14400, retry < 3600, retry >= refresh, minimum outside 300..86400 (info)",
    source: 'RFC 1912 §2.2, Zonemaster Zone-TP zone02-zone06',
    fixable: false,
    docs: 'https://github.com/zonemaster/zonemaster/blob/master/docs/public/specifications/tests/Zone-TP/README.md',
  },
  create(context) {
    return {
      record(record) {
        if (!isType(record, 'SOA')) return;
        for (const finding of soaFindings(record.data)) {
          context.report({
            where: dataWhere(record, FIELD_TOKEN[finding.field], finding.field),
            severity: finding.severity,
            message: finding.message,
          });
        }
      },
    };
  },
};
