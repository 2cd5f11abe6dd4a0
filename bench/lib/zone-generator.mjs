/**
 * A realistic, deterministic zone for the benchmark: the same (records, seed) always gives the same
 * bytes (seeded PRNG, no clock). The text exercises what a real zone file has and a parser must get
 * right: blank owners, comments (also `;` inside quotes), parentheses across lines, TTL units, TTL and
 * class in either order, relative and absolute names, `$ORIGIN` sections.
 *
 * It must load cleanly in `named-checkzone -i full`, so every MX/SRV/CNAME/NS target is an in-zone
 * host with an address (no resolver lookups), names of different roles
 * live in different namespaces (a CNAME owner never has other data), every RRset keeps one TTL,
 * and no record repeats. Addresses come from the documentation ranges (RFC 5737, RFC 3849), which
 * the linter does not count as private.
 */

export const APEX = 'bench.example.';
export const DEFAULT_SEED = 20261122;
/** The apex alone (SOA, two NS, MX, SPF, ns1, ns2, mx1, h0) takes this many records. */
export const MIN_RECORDS = 9;

/**
 * Weights per 200 picks; a delegation is two NS records, so 205 records per 200 picks give about
 * 56% A, 10% AAAA, 10% TXT, 5% each MX, CNAME, SRV, NS, and 5% CAA/PTR/TLSA/SSHFP.
 */
const KINDS = [
  ['A', 115],
  ['AAAA', 20],
  ['TXT', 20],
  ['MX', 10],
  ['CNAME', 10],
  ['SRV', 10],
  ['DELEGATION', 5],
  ['CAA', 4],
  ['PTR', 2],
  ['TLSA', 2],
  ['SSHFP', 2],
];
const KIND_TOTAL = KINDS.reduce((sum, [, weight]) => sum + weight, 0);

/** TTL spellings by value: an RRset's lines all use one value, but may spell it differently. */
const TTL_SPELLINGS = [
  [undefined], // no TTL on the line: $TTL applies
  ['300', '5m', '5M'],
  ['3600', '1h', '1H', '60m'],
  ['86400', '1d', '24h'],
  ['9000', '2h30m', '2H30M'],
  ['604800', '1w', '7d'],
];
const SRV_LABELS = ['_sip._tcp', '_sip._udp', '_sips._tcp', '_ldap._tcp', '_kerberos._udp', '_stun._udp', '_turn._tcp'];
const TEST_NETS = ['192.0.2', '198.51.100', '203.0.113'];
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';
/** A comment block (and a blank line) every this many records, as hand-kept zones group hosts. */
const BLOCK_SIZE = 1000;
/** `$ORIGIN site<k>` sections: the first after this many records, then every SECTION_EVERY. */
const FIRST_SECTION_AT = 2000;
const SECTION_EVERY = 25000;
const SECTION_LENGTH = 400;
const CHUNK_CHARS = 1 << 20;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; the whole point is that it is seeded. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The (records, seed) a zone is made from, checked. */
export function zoneShape({ records, seed = DEFAULT_SEED }) {
  if (!Number.isSafeInteger(records) || records < MIN_RECORDS) {
    throw new RangeError(`records must be an integer >= ${MIN_RECORDS}, got ${records}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return { records, seed };
}

/**
 * The zone text in chunks of about 1 MiB, so a million records never sit in memory as one string.
 * `counts` (type -> records) is filled as the chunks are taken.
 */
export function* zoneChunks(options, counts = {}) {
  const { records, seed } = zoneShape(options);
  const random = prng(seed);
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => random() < p;

  let out = '';
  let written = 0;
  /** Top-level hosts h0..h{hosts-1} all have an A record: the pool every target is drawn from. */
  let hosts = 0;
  let serial = 0; // makes each owner and each piece of data unique
  let section = 0; // 0: origin is the apex; k: inside $ORIGIN site<k>.
  let sections = 0;
  let nextSectionAt = FIRST_SECTION_AT;
  let sectionEndsAt = 0;
  let nextBlockAt = BLOCK_SIZE;
  /** Owner and type of the previous record, for blank-owner continuations; undefined after a break. */
  let previous;

  const ttlToken = (key, type) => {
    const spellings = TTL_SPELLINGS[hashOf(key + ' ' + type) % TTL_SPELLINGS.length];
    return pick(spellings);
  };
  /** A name relative to the apex, written as the current $ORIGIN requires (relative or absolute). */
  const nameText = (relative) => (section === 0 && !chance(0.1) ? relative : `${relative}.${APEX}`);
  const host = () => `h${int(hosts)}`;
  const v4 = () => `${pick(TEST_NETS)}.${1 + int(254)}`;
  const v6 = () => `2001:db8:${(serial >>> 16).toString(16)}:${(serial & 0xffff).toString(16)}::${(1 + int(0xfffe)).toString(16)}`;
  const chars = (alphabet, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[int(alphabet.length)];
    return s;
  };

  /**
   * One record line. `ownerKey` identifies the owner (for the RRset's TTL and continuations);
   * `owner` is its text, written blank when it continues the previous record's owner.
   */
  const emit = (ownerKey, owner, type, rdata, { allowBlankOwner = false, comment } = {}) => {
    const continues = allowBlankOwner && previous?.ownerKey === ownerKey;
    const ttl = ttlToken(ownerKey, type);
    const cls = chance(0.85) ? 'IN' : undefined;
    const fields = [];
    if (ttl !== undefined && cls !== undefined && chance(0.2)) fields.push(cls, ttl);
    else fields.push(ttl, cls);
    const typeText = chance(0.01) ? type.toLowerCase() : type;
    const head = [continues ? '' : owner, ...fields.filter((f) => f !== undefined), typeText].join('\t');
    out += `${head}\t${rdata}${comment ? ` ; ${comment}` : ''}\n`;
    previous = { ownerKey, type };
    counts[type] = (counts[type] ?? 0) + 1;
    written++;
  };

  const apex = () => {
    out += `; Benchmark zone: ${records} records, seed ${seed}. Generated by bench/lib/zone-generator.mjs.\n`;
    out += `$ORIGIN ${APEX}\n$TTL 1h\n`;
    out += `@\tIN\tSOA\tns1.${APEX} hostmaster.${APEX} (\n`;
    out += `\t\t2026112201 ; serial\n\t\t2h         ; refresh\n\t\t1h         ; retry\n\t\t2w         ; expire\n\t\t1h )       ; negative caching\n`;
    counts.SOA = 1;
    written = 1;
    emit('@', '@', 'NS', 'ns1');
    emit('@', '@', 'NS', `ns2.${APEX}`, { allowBlankOwner: true });
    emit('@', '@', 'MX', '10 mx1', { allowBlankOwner: true });
    emit('@', '@', 'TXT', '"v=spf1 mx ip4:192.0.2.0/24 ip6:2001:db8::/32 -all"', { allowBlankOwner: true });
    emit('ns1', 'ns1', 'A', '192.0.2.1');
    emit('ns2', 'ns2', 'A', '192.0.2.2');
    emit('mx1', 'mx1', 'A', '192.0.2.25');
    // h0 exists from the start, so every target drawn from the host pool has an address.
    emit('h0', 'h0', 'A', '192.0.2.80', { comment: 'first web host' });
    hosts = 1;
  };

  const dkim = () => {
    // A 2048-bit key's base64 is ~392 characters: several quoted strings inside parentheses,
    // with `;` inside the quotes (not a comment) and a real comment after a string.
    const key = chars(BASE64, 392);
    const parts = [key.slice(0, 130), key.slice(130, 260), key.slice(260)];
    return `( "v=DKIM1; k=rsa; t=s; "\n\t\t"p=${parts[0]}"\n\t\t"${parts[1]}" ; key, continued\n\t\t"${parts[2]}" )`;
  };

  const record = (kind) => {
    serial++;
    switch (kind) {
      case 'A': {
        if (section > 0) {
          emit(`w${serial}.site${section}`, `w${serial}`, 'A', v4());
          return;
        }
        const name = `h${hosts++}`;
        emit(name, nameText(name), 'A', v4(), { comment: chance(0.02) ? `rack ${int(40)}, "frontend"` : undefined });
        return;
      }
      case 'AAAA': {
        // Dual-stack hosts: mostly the AAAA right under the host's A, with a blank owner.
        if (previous?.type === 'A' && section === 0 && chance(0.7)) emit(previous.ownerKey, '', 'AAAA', v6(), { allowBlankOwner: true });
        else {
          const name = host();
          emit(name, nameText(name), 'AAAA', v6());
        }
        return;
      }
      case 'TXT': {
        const roll = random();
        if (roll < 0.25) emit(`s${serial}._domainkey`, nameText(`s${serial}._domainkey`), 'TXT', dkim());
        else if (roll < 0.5) {
          const name = `spf${serial}`;
          const includes = Array.from({ length: 1 + int(4) }, () => `include:_spf${int(50)}.${APEX}`).join(' ');
          emit(name, nameText(name), 'TXT', `"v=spf1 ip4:${v4()} ip6:2001:db8::/48 " "${includes} ~all"`);
        } else if (previous?.type === 'A' && section === 0 && roll < 0.75) {
          emit(previous.ownerKey, '', 'TXT', `"owner=team-${int(100)}" "ticket=${serial}"`, { allowBlankOwner: true });
        } else {
          const name = `verify${serial}`;
          emit(name, nameText(name), 'TXT', `"site-verification=${chars(BASE64, 43)}"`);
        }
        return;
      }
      case 'MX': {
        // Mail domains below the apex; a second MX continues the owner with a higher preference.
        if (previous?.type === 'MX' && previous.ownerKey.startsWith('dept') && chance(0.6)) {
          emit(previous.ownerKey, '', 'MX', `20 ${nameText(host())}`, { allowBlankOwner: true });
          previous = { ownerKey: 'done', type: 'MX' }; // at most two MX per mail domain, no duplicates
        } else {
          const name = `dept${serial}`;
          emit(name, nameText(name), 'MX', `10 ${nameText(host())}`);
        }
        return;
      }
      case 'CNAME': {
        const name = chance(0.3) ? `www.alias${serial}` : `alias${serial}`;
        emit(name, nameText(name), 'CNAME', nameText(host()));
        return;
      }
      case 'SRV': {
        const name = `${pick(SRV_LABELS)}.svc${serial}`;
        emit(name, nameText(name), 'SRV', `${int(20)} ${int(100)} ${1024 + int(60000)} ${nameText(host())}`);
        return;
      }
      case 'DELEGATION': {
        // Served by in-zone hosts with authoritative addresses, not by glue below the cut: for glue,
        // `named-checkzone -i full` asks the system resolver about every glue name (check-tool.c
        // checkns), which would make its time a measure of the network, not of reading the zone.
        const child = `zone${serial}`;
        emit(child, nameText(child), 'NS', nameText(pick(['ns1', 'ns2'])), { comment: 'delegation' });
        emit(child, '', 'NS', nameText(host()), { allowBlankOwner: true });
        previous = undefined; // nothing else lives at a cut
        return;
      }
      case 'CAA': {
        const name = host();
        emit(name, nameText(name), 'CAA', `0 issue "ca${serial}.example.net"`);
        return;
      }
      case 'PTR': {
        const name = `${serial & 255}.${serial >>> 8}.rev`;
        emit(name, nameText(name), 'PTR', `${host()}.${APEX}`);
        return;
      }
      case 'TLSA': {
        const name = `_443._tcp.${host()}`;
        emit(name, nameText(name), 'TLSA', `3 1 1 ${chars(HEX, 64)}`);
        return;
      }
      case 'SSHFP': {
        const name = host();
        emit(name, nameText(name), 'SSHFP', `4 2 ${chars(HEX, 64)}`);
        return;
      }
    }
  };

  const chooseKind = () => {
    let roll = int(KIND_TOTAL);
    for (const [kind, weight] of KINDS) {
      if (roll < weight) return kind;
      roll -= weight;
    }
    return 'A';
  };

  apex();
  while (written < records) {
    if (written >= nextBlockAt) {
      out += `\n; ---- from record ${written} ----\n`;
      nextBlockAt += BLOCK_SIZE;
      previous = undefined;
    }
    if (section === 0 && written >= nextSectionAt) {
      section = ++sections;
      sectionEndsAt = written + SECTION_LENGTH;
      nextSectionAt += SECTION_EVERY;
      out += `$ORIGIN site${section}.${APEX}\n`;
      previous = undefined;
    } else if (section > 0 && written >= sectionEndsAt) {
      section = 0;
      out += `$ORIGIN ${APEX}\n`;
      previous = undefined;
    }
    let kind = chooseKind();
    // A delegation needs two records; the last slot takes a plain host instead.
    if (kind === 'DELEGATION' && records - written < 2) kind = 'A';
    record(kind);
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  yield out;
}

/** The whole zone as one string: for tests and small zones. */
export function zoneText(options) {
  const counts = {};
  let text = '';
  for (const chunk of zoneChunks(options, counts)) text += chunk;
  return { text, counts };
}

/** FNV-1a: a stable small hash, so an RRset's TTL depends only on its owner and type. */
function hashOf(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
