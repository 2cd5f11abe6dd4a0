/**
 * International names to their A-label (punycode) form, as the WHATWG URL standard's "domain to
 * ASCII" does (UTS #46 non-transitional, the same answer Node's url.domainToASCII gives), through
 * the tr46 package so the core needs no node:url.
 */
import tr46 from 'tr46';

/** Code points a domain may not hold once mapped (WHATWG URL "forbidden domain code point"). */
const FORBIDDEN_DOMAIN_CODE_POINT = /[\u0000-\u0020#%/:<>?@[\\\]^|\u007f]/;

/** The A-label form of `text`, or undefined when it has none. */
export function domainToAscii(text: string): string | undefined {
  const ascii = tr46.toASCII(text, {
    checkBidi: true,
    checkHyphens: false,
    checkJoiners: true,
    useSTD3ASCIIRules: false,
    transitionalProcessing: false,
    verifyDNSLength: false,
  });
  if (!ascii || FORBIDDEN_DOMAIN_CODE_POINT.test(ascii)) return undefined;
  return ascii;
}
