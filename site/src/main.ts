/** The page's entry point: the tabs, and the views behind them. */
import { setUpBuild } from './build.js';
import { setUpCheck } from './check.js';
import { setUpExplain, type ExplainView } from './explain.js';
import { setUpTabs } from './tabs.js';

let explain: ExplainView | undefined;
// Explain follows the other views' zones: it is worked out when its tab is shown.
const tabs = setUpTabs((panel) => {
  if (panel === 'explain') explain?.update();
});
const check = setUpCheck();
const build = setUpBuild(() => check.zoneInput());
explain = setUpExplain({
  checked: () => check.zoneInput(),
  built: () => build.pickedZone(),
  reveal(from, line) {
    tabs.show(from);
    (from === 'check' ? check : build).reveal(line);
  },
});
if (location.hash === '#explain') explain.update();
// For the browser tests: lint, render or explain now, without waiting for a debounce.
(window as unknown as { zonesmith: unknown }).zonesmith = { check, build, explain };
