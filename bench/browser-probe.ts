/**
 * Injected into the harness page before any of its scripts (page.addInitScript). It is plain JavaScript
 * source on purpose: a function passed from here would be serialised after tsx's transform, which may add
 * helper calls (e.g. __name) that do not exist in the page.
 * - First render: the moment the first account row is in the DOM (React committed the dashboard), and the
 *   moment after the next frame was painted (requestAnimationFrame, then a task).
 * - Countdown tick: wraps the page ticker's setInterval (the clock store polls every tickMs / 4 = 250 ms) and
 *   times each poll that changed the DOM: the poll itself, React's synchronous re-render (flushed in a
 *   microtask queued during the poll), then a forced style + layout, as the next frame would do.
 */
export interface BrowserProbeState {
  committedAt: number | null;
  paintedAt: number | null;
  ticks: number[];
}

export function browserProbeSource(tickPollMs: number): string {
  return `(() => {
  const state = { committedAt: null, paintedAt: null, ticks: [] };
  window.__benchProbe = state;
  const firstRow = new MutationObserver(() => {
    if (state.committedAt !== null || document.querySelector('[data-testid="account-row"]') === null) return;
    state.committedAt = performance.now();
    firstRow.disconnect();
    requestAnimationFrame(() => setTimeout(() => { state.paintedAt = performance.now(); }, 0));
  });
  firstRow.observe(document, { childList: true, subtree: true });

  const mutations = new MutationObserver(() => undefined);
  let observing = false;
  const nativeSetInterval = window.setInterval.bind(window);
  window.setInterval = (handler, timeout, ...rest) => {
    if (typeof handler !== 'function' || timeout !== ${tickPollMs}) return nativeSetInterval(handler, timeout, ...rest);
    return nativeSetInterval(() => {
      if (!observing && document.body !== null) {
        mutations.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        observing = true;
      }
      mutations.takeRecords();
      const start = performance.now();
      handler(...rest);
      queueMicrotask(() => {
        if (mutations.takeRecords().length === 0) return; // a poll within the same second: nothing changed
        void document.body.offsetHeight;
        state.ticks.push(performance.now() - start);
      });
    }, timeout);
  };
})();`;
}
