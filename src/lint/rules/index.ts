/** The registry: every rule, in the order the README's table lists them. Ids are an interface. */
import type { Rule } from '../rule.js';
import { apexNoMx } from './apex-no-mx.js';
import { apexNoNs } from './apex-no-ns.js';
import { cdsDeleteMixed } from './cds-delete-mixed.js';
import { cdsNoDnskey } from './cds-no-dnskey.js';
import { cnameAndOtherData } from './cname-and-other-data.js';
import { dsAtApex } from './ds-at-apex.js';
import { duplicateRecord } from './duplicate-record.js';
import { inheritedOwner } from './inherited-owner.js';
import { missingAutodiscoveryRecord } from './missing-autodiscovery-record.js';
import { missingTtl } from './missing-ttl.js';
import { multipleDname } from './multiple-dname.js';
import { mxTargetCname } from './mx-target-cname.js';
import { nameSyntax } from './name-syntax.js';
import { nonAsciiWhitespace } from './non-ascii-whitespace.js';
import { nonstandardServiceLabel } from './nonstandard-service-label.js';
import { nsAtWildcard } from './ns-at-wildcard.js';
import { nsTargetBelowDname } from './ns-target-below-dname.js';
import { nsTargetCname } from './ns-target-cname.js';
import { nullMxMixed } from './null-mx-mixed.js';
import { privateAddress } from './private-address.js';
import { profileAnnotation } from './profile-annotation.js';
import { relativeNameLooksAbsolute } from './relative-name-looks-absolute.js';
import { rrsetTtlMismatch } from './rrset-ttl-mismatch.js';
import { singleNameserver } from './single-nameserver.js';
import { soaValues } from './soa-values.js';
import { spfRecord } from './spf-record.js';
import { srvOwnerForm } from './srv-owner-form.js';
import { srvPortZero } from './srv-port-zero.js';
import { srvTargetCname } from './srv-target-cname.js';
import { syntax } from './syntax.js';
import { targetIsAddress } from './target-is-address.js';
import { targetNoAddress } from './target-no-address.js';
import { unusedDisableDirective } from './unused-disable-directive.js';

export const RULES: readonly Rule[] = [
  syntax,
  nonAsciiWhitespace,
  missingTtl,
  nameSyntax,
  relativeNameLooksAbsolute,
  inheritedOwner,
  apexNoMx,
  mxTargetCname,
  nsTargetCname,
  srvTargetCname,
  targetNoAddress,
  targetIsAddress,
  cnameAndOtherData,
  multipleDname,
  nsTargetBelowDname,
  nsAtWildcard,
  apexNoNs,
  dsAtApex,
  cdsNoDnskey,
  cdsDeleteMixed,
  nullMxMixed,
  srvPortZero,
  srvOwnerForm,
  nonstandardServiceLabel,
  missingAutodiscoveryRecord,
  profileAnnotation,
  soaValues,
  singleNameserver,
  rrsetTtlMismatch,
  duplicateRecord,
  privateAddress,
  spfRecord,
  unusedDisableDirective,
];

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.meta.id);
