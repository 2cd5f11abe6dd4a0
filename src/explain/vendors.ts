/**
 * The adapter between the hosted-mail vendor data (beside the service catalog) and explain's
 * HostedMail. Until that data is in the tree, no host outside the zone has a known operator.
 */
import type { ResourceRecord } from '../zone/record.js';
import { NO_HOSTED_MAIL, type HostedMail } from './hosted.js';

export function hostedMailFor(_records: readonly ResourceRecord[]): HostedMail {
  return NO_HOSTED_MAIL;
}
