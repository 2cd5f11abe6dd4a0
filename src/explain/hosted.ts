/**
 * Hosted mail as explain sees it: which vendor runs a host outside the zone. A CNAME from
 * `autodiscover.<domain>` to `autodiscover.outlook.com` is how Microsoft 365 tells Outlook where to go;
 * the zone cannot check that host, but the vendor data (beside the service catalog) says who answers there.
 */
import type { Name } from '../zone/name.js';

export interface HostedMail {
  /** Who answers at this host, in words ("Microsoft 365's Autodiscover service"), when the vendor data knows it. */
  operatorOf(host: Name): string | undefined;
  /** The hosted-mail service whose MX host this is ("Microsoft 365"), when the vendor data knows it. */
  mailOperatorOf(exchange: Name): string | undefined;
}

/** No vendor knowledge: every host outside the zone is simply outside. */
export const NO_HOSTED_MAIL: HostedMail = {
  operatorOf: () => undefined,
  mailOperatorOf: () => undefined,
};
