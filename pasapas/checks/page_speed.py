"""How a page behaves while it arrives, measured in Debian's chromium (no Lighthouse):

- layout shift: every shift the reader did not cause, from the first drawing of the page
  until after the theme's script has started (it starts at the first gesture), summed
  as browsers define cumulative layout shift;
- first and largest contentful paint on a slow phone: 4× slower processor and a slow
  4G network (150 ms, 1.6 Mbit/s down, 750 kbit/s up: Lighthouse's mobile settings),
  with the site served gzip-compressed as a real host would.
"""

from __future__ import annotations

from dataclasses import dataclass

SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) {
        shifts.push([entry.value, entry.sources.map(s => s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?').join(' ')]);
      }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(shifts), 300);
})"""
PAINTS = """() => new Promise(resolve => {
  let largest = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) largest = Math.max(largest, e.startTime); })
    .observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => {
    const first = performance.getEntriesByName('first-contentful-paint')[0];
    resolve([first ? first.startTime : null, largest || null]);
  }, 500);
})"""
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
CPU_SLOWDOWN = 4


@dataclass(frozen=True)
class LayoutShift:
    total: float
    shifts: list  # [value, what moved]


def layout_shift(browser, url: str, width: int, height: int = 800) -> LayoutShift:
    """Load the page, make the reader's first gesture (which starts the theme's script,
    see lazy-theme.js) away from any control, and sum the shifts the reader did not cause."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        start_theme(page, url, width, height)
        page.wait_for_timeout(300)
        shifts = page.evaluate(SHIFTS)
        return LayoutShift(round(sum(value for value, _ in shifts), 4), shifts)
    finally:
        context.close()


def start_theme(page, url: str, width: int, height: int, seconds: int = 30) -> None:
    """Move the pointer along the bottom edge, away from any control, until the theme's
    script has started. What is measured here is what moves once it runs, not how soon a
    busy machine delivers the first gesture: a reader who moves again is moved again
    (that the first gesture is enough is tested on its own, test_repeat_visit.py)."""
    # Polled from here: wait_for_function evaluates a string, which the page's CSP forbids.
    for tenth in range(seconds * 10):
        if tenth % 20 == 0:
            page.mouse.move(width // 2 + tenth // 20, height - 5)
        if page.evaluate("() => document.documentElement.getAttribute('data-pap-theme')") == "ready":
            return
        page.wait_for_timeout(100)
    requested = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name.split('/').pop())")
    raise TimeoutError(
        f"{url}: the theme's script did not start after {seconds} s of pointer moves; files the page asked for: {requested}"
    )


def paint_times(browser, url: str, width: int = 360, height: int = 740) -> tuple[float, float]:
    """(first contentful paint, largest contentful paint) in ms on a throttled phone."""
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True)
    try:
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        session.send("Network.emulateNetworkConditions", SLOW_4G)
        session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="load", timeout=120_000)
        first, largest = page.evaluate(PAINTS)
        return round(first), round(largest or first)
    finally:
        context.close()
