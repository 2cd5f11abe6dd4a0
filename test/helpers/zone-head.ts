/** The head of a correct zone for example.com. (SOA with sane timers, two NS outside the zone), for tests that lint a few records after it. */
export const ZONE_HEAD = [
  '$TTL 3600',
  '@ IN SOA ns1.example.net. hostmaster.example.com. 1 14400 3600 1209600 3600',
  '@ IN NS ns1.example.net.',
  '@ IN NS ns2.example.org.',
].join('\n');
