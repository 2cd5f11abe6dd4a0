/** Options that more than one command declares. */
export const ZONE_OPTION = { alias: 'z', type: 'string', array: true, describe: 'Only these zones of the spec (repeatable)' } as const;
