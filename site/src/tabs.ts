/**
 * ARIA tabs: click or arrow keys (Home/End too) switch; the chosen tab is in the URL's #fragment.
 * `onShow` hears which panel (`check`, `build`, ...) was just shown.
 */
export function setUpTabs(onShow: (panel: string) => void = () => {}): { show(panel: string): void } {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement, focus: boolean) => {
    for (const other of tabs) {
      const chosen = other === tab;
      other.setAttribute('aria-selected', String(chosen));
      other.tabIndex = chosen ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')!)!.hidden = !chosen;
    }
    if (focus) tab.focus();
    const panel = tab.id.replace(/^tab-/, '');
    history.replaceState(null, '', `#${panel}`);
    onShow(panel);
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length]!, true);
    });
  });
  const start = tabs.find((tab) => `#${tab.id.replace(/^tab-/, '')}` === location.hash);
  if (start) select(start, false);
  return {
    show(panel) {
      const tab = tabs.find((t) => t.id === `tab-${panel}`);
      if (tab) select(tab, false);
    },
  };
}
