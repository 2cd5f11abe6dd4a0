/** The page's entry point: the tabs, and the views behind them. */
import { setUpBuild } from './build.js';
import { setUpCheck } from './check.js';
import { setUpTabs } from './tabs.js';

setUpTabs();
const check = setUpCheck();
const build = setUpBuild();
// For the browser tests: lint or render now, without waiting for a debounce.
(window as unknown as { zonesmith: unknown }).zonesmith = { check, build };
