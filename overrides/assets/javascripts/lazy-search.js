/* Pas à pas — download search only when it is used. Material fetches the search index
   and starts its search worker as soon as a page loads; on prepaid data that costs
   every reader, on every page. This script, which runs before Material's, holds both
   back until the reader opens the search box. (The offline copy, read from disk, loads
   them at once.)
   It also skips Material's look-ups of a sitemap.xml beside each language alternate:
   they map pages between languages, which our language menu already does page by page,
   so they would only cost data (and fail). */
(function () {
  "use strict";
  /* Scripts run here: from the first drawing of the page, pasapas.css keeps room for
     what they will show, so that nothing moves when they show it. */
  document.documentElement.classList.add("pap-js");
  if (location.protocol === "file:" || !window.Worker || !window.fetch) { return; }

  var release;
  var wanted = new Promise(function (resolve) { release = resolve; });
  function isSearch(target) { return /search_index\.json|workers\/search/.test(String(target)); }
  function onIntent(event) {
    var target = event.target;
    if (target && target.matches && (target.matches(".md-search__input") || target.id === "__search")) { release(); }
  }
  document.addEventListener("focusin", onIntent, true);
  document.addEventListener("change", onIntent, true);

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__papUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments, url = this.__papUrl || "";
    if (/\/sitemap\.xml$/.test(url)) {
      window.setTimeout(function () { request.dispatchEvent(new Event("error")); }, 0);
      return undefined;
    }
    if (!isSearch(url)) { return send.apply(this, args); }
    wanted.then(function () { send.apply(request, args); });
    return undefined;
  };

  var realFetch = window.fetch;
  window.fetch = function (resource) {
    var args = arguments;
    var url = resource && resource.url ? resource.url : resource;
    if (!isSearch(url)) { return realFetch.apply(this, args); }
    return wanted.then(function () { return realFetch.apply(window, args); });
  };

  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!isSearch(url)) { return new RealWorker(url, options); }
    var listeners = [];
    var queue = [];
    var worker = null;
    var proxy = {
      onmessage: null,
      onerror: null,
      addEventListener: function (type, listener) { listeners.push([type, listener]); if (worker) { worker.addEventListener(type, listener); } },
      removeEventListener: function (type, listener) { if (worker) { worker.removeEventListener(type, listener); } },
      postMessage: function (message) { if (worker) { worker.postMessage(message); } else { queue.push(message); } },
      terminate: function () { if (worker) { worker.terminate(); } }
    };
    wanted.then(function () {
      worker = new RealWorker(url, options);
      listeners.forEach(function (pair) { worker.addEventListener(pair[0], pair[1]); });
      worker.onmessage = function (event) { if (proxy.onmessage) { proxy.onmessage(event); } };
      worker.onerror = function (event) { if (proxy.onerror) { proxy.onerror(event); } };
      queue.splice(0).forEach(function (message) { worker.postMessage(message); });
    });
    return proxy;
  };
})();
