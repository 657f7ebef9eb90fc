/* Pas à pas — download search only when it is used. Material fetches the search index
   and starts its search worker as soon as a page loads; on prepaid data that costs
   every reader, on every page. This script, which runs before Material's, holds both
   back until the reader opens the search box. (The offline copy, read from disk, loads
   them at once.)
   Then it loads search-words.js, which makes the words typed short before they are
   searched and fills the panel when nothing is found: the messages between the theme
   and its search worker pass through it, on the web and in the offline copy alike.
   It also skips Material's look-ups of a sitemap.xml beside each language alternate:
   they map pages between languages, which our language menu already does page by page,
   so they would only cost data (and fail). */
(function () {
  "use strict";
  /* Scripts run here: from the first drawing of the page, pasapas.css keeps room for
     what they will show, so that nothing moves when they show it. */
  document.documentElement.classList.add("pap-js");
  var fromDisk = location.protocol === "file:";
  var script = document.currentScript;
  if (!window.Worker || !window.Promise || !script || (!fromDisk && !window.fetch)) { return; }

  var release;
  var wanted = new Promise(function (resolve) { release = resolve; });
  function isSearch(target) { return /search_index\.json|workers\/search/.test(String(target)); }
  /* search-words.js, beside this file, asked twice if the connection drops; without it
     search still works, on the words as typed (which find fewer lessons). */
  function loadWords(tries) {
    return new Promise(function (resolve) {
      var element = document.createElement("script");
      element.src = new URL("search-words.js", script.src).href;
      element.onload = function () { resolve(window.papSearchWords || null); };
      element.onerror = function () {
        element.remove();
        resolve(tries > 1 ? loadWords(tries - 1) : null);
      };
      document.head.appendChild(element);
    });
  }
  var words = wanted.then(function () { return loadWords(2); });

  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!isSearch(url)) { return new RealWorker(url, options); }
    var listeners = [];
    var worker = null;
    var proxy = {
      onmessage: null,
      onerror: null,
      addEventListener: function (type, listener) { listeners.push([type, listener]); if (worker) { worker.addEventListener(type, listener); } },
      removeEventListener: function (type, listener) { if (worker) { worker.removeEventListener(type, listener); } },
      /* In order, once the worker is made (its promise reaction comes first). */
      postMessage: function (message) {
        words.then(function (hook) {
          var sent = message;
          try { sent = hook ? hook.outgoing(message) : message; } catch (error) { sent = message; }
          worker.postMessage(sent);
        });
      },
      terminate: function () { if (worker) { worker.terminate(); } }
    };
    words.then(function (hook) {
      worker = new RealWorker(url, options);
      if (hook) {
        worker.addEventListener("message", function (event) {
          try { hook.incoming(event.data); } catch (error) { /* the theme shows its own result */ }
        });
      }
      listeners.forEach(function (pair) { worker.addEventListener(pair[0], pair[1]); });
      worker.onmessage = function (event) { if (proxy.onmessage) { proxy.onmessage(event); } };
      worker.onerror = function (event) { if (proxy.onerror) { proxy.onerror(event); } };
    });
    return proxy;
  };
  if (fromDisk) { release(); return; }
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
})();
