/* Pas à pas — the theme's script (about 35 KB compressed, a third of a first visit) is
   loaded at the reader's first gesture, not with the page. Nothing on screen needs it
   before: the menu, the language list and the answers open without JavaScript, and
   the page is read before it is used. At the first key, tap, click, touch or pointer
   move, it is loaded and started. (From disk, the offline copy loads it at once.)
   The theme starts on the DOMContentLoaded event, which has passed by then: it is
   sent again for it, after which the search box gets what was typed meanwhile.
   The theme's inline <head> script is gone (overrides/partials/javascripts/base.html):
   what it defined for the bundle is defined here, before the bundle runs, the same way:
   __md_scope is the site's root (this file is in <root>/assets/javascripts/), and
   __md_get/__md_set keep the theme's settings under that path in localStorage. */
(function () {
  "use strict";
  var script = document.currentScript;
  var source = script && script.getAttribute("data-theme-script");
  if (!source) { return; }
  window.__md_scope = new URL("../..", script.src);
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (error) { /* full or refused */ }
  };
  var gestures = ["keydown", "pointerdown", "pointermove", "touchstart", "focusin", "wheel"];
  var loading = false;

  function listen() {
    gestures.forEach(function (name) { window.addEventListener(name, load, { capture: true, passive: true }); });
  }

  function start() {
    document.dispatchEvent(new Event("DOMContentLoaded"));
    var query = document.querySelector(".md-search__input");
    if (query && query.value) {
      query.dispatchEvent(new Event("focus"));
      query.dispatchEvent(new KeyboardEvent("keyup"));
    }
    document.documentElement.setAttribute("data-pap-theme", "ready");
  }

  function load() {
    if (loading) { return; }
    loading = true;
    gestures.forEach(function (name) { window.removeEventListener(name, load, true); });
    var element = document.createElement("script");
    element.src = source;
    element.onload = start;
    // A phone's connection drops: the page stays usable without the theme, and the
    // reader's next gesture asks for its script again instead of never starting it.
    element.onerror = function () {
      element.remove();
      loading = false;
      listen();
    };
    document.body.appendChild(element);
  }

  if (location.protocol === "file:") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", load, { once: true });
    } else { load(); }
    return;
  }
  listen();
}());
