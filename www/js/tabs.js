// @ts-check
// ARIA tabs (WAI-ARIA Authoring Practices, automatic activation): one tab stop for the tab list,
// Left/Right/Home/End move and activate, the selected tab's panel is the only one shown.
import { byId } from './dom.js';

/**
 * Wires a `[role=tablist]` whose tabs have `aria-controls`.
 * @param {HTMLElement} tablist
 * @param {(panel: HTMLElement) => void} [onSelect]
 */
export function setupTabs(tablist, onSelect) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')].filter((t) => t instanceof HTMLElement);
  /** @param {HTMLElement} tab */
  const panelOf = (tab) => byId(tab.getAttribute('aria-controls') ?? '');

  /**
   * @param {HTMLElement} tab
   * @param {{ focus?: boolean }} [options]
   */
  function select(tab, { focus = true } = {}) {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      panelOf(t).hidden = !selected;
    }
    if (focus) tab.focus();
    if (history.replaceState) history.replaceState(null, '', `#${tab.id.replace(/^tab-/, '')}`);
    onSelect?.(panelOf(tab));
  }

  tablist.addEventListener('click', (event) => {
    const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    if (tab instanceof HTMLElement) select(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.findIndex((t) => t === document.activeElement);
    if (index < 0) return;
    const next = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[next]);
  });

  const initial = tabs.find((t) => `#${t.id.replace(/^tab-/, '')}` === location.hash) ?? tabs[0];
  select(initial, { focus: false });
  return { select };
}
