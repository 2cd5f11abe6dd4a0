/** Golden files under test/fixtures/: compared byte for byte; ZONESMITH_UPDATE_GOLDEN=1 rewrites them. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './shared.js';

export function expectGolden(relative: string, text: string): void {
  const file = join(REPO_ROOT, 'test', 'fixtures', relative);
  if (process.env.ZONESMITH_UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text, `golden ${relative} (refresh: ZONESMITH_UPDATE_GOLDEN=1)`).toBe(readFileSync(file, 'utf8'));
}
