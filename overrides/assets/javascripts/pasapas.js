/* Pas à pas — progressive enhancement of lessons. Without this script every lesson still
   reads, navigates and prints; with it, helpers can share a step, learners can listen and
   keep their place in this browser only (localStorage, never a cookie). */
(function () {
  "use strict";

  var STORAGE_PREFIX = "pasapas:progress:";
  var tools = document.querySelector(".pap-tools");

  function readProgress(key) {
    try { return JSON.parse(window.localStorage.getItem(STORAGE_PREFIX + key) || "{}") || {}; }
    catch (error) { return {}; }
  }

  function writeProgress(key, progress) {
    try { window.localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(progress)); }
    catch (error) { /* private mode or full storage: progress is simply not kept */ }
  }

  /* Home page: which lessons are started or finished on this device. */
  document.querySelectorAll("[data-pap-lesson]").forEach(function (item) {
    var progress = readProgress(item.getAttribute("data-pap-lesson"));
    var done = Object.keys(progress.done || {}).length;
    if (!done) { return; }
    var status = document.createElement("span");
    status.className = "pap-status-badge";
    var list = item.closest("[data-started]");
    status.textContent = done >= (progress.total || Infinity) ? list.getAttribute("data-finished") : list.getAttribute("data-started");
    item.appendChild(document.createTextNode(" "));
    item.appendChild(status);
  });

  /* The phone menu (the theme's drawer, below 76.25em) with the keyboard and a screen
     reader. The theme opens its menu and each of its panels with <label>s: they work by
     touch without this script, but Tab never reaches them and they are no buttons. Here
     each of those labels gets a real <button> inside, holding what it showed (the label
     stays, for the theme's styles): it opens (or closes) what it names and puts the focus
     on the first thing shown; Escape, or leaving the menu, closes it. Then what is closed
     or covered leaves the Tab order (pasapas.css, pap-menu-button). */
  var drawer = document.getElementById("__drawer");
  var menuLabel = document.querySelector('.md-header label[for="__drawer"]');
  var menu = document.querySelector(".md-sidebar--primary");
  var menuName = menu && menu.querySelector("nav[aria-label]");
  if (drawer && menuLabel && menu && menuName) {
    var toggleOf = function (button) { return document.getElementById(button.parentNode.htmlFor); };
    var buttons = [menuLabel].concat(Array.prototype.slice.call(
      menu.querySelectorAll('label.md-nav__link[for], label.md-nav__title[for]:not([for="__drawer"])')
    )).filter(function (label) { return document.getElementById(label.htmlFor); }).map(function (label) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pap-menu-toggle";
      while (label.firstChild) { button.appendChild(label.firstChild); }
      label.appendChild(button);
      label.removeAttribute("tabindex");
      // A path with a page of its own shows its name as a link, and beside it an arrow
      // alone that opens its panel: the arrow is named after the panel it opens.
      var title = menu.querySelector('label.md-nav__title[for="' + label.htmlFor + '"]');
      if (!button.textContent.trim() && title) { button.setAttribute("aria-label", title.textContent.trim()); }
      return button;
    });
    var menuButton = buttons[0];
    menuButton.setAttribute("aria-label", menuName.getAttribute("aria-label"));
    // The theme's icons are drawings: the buttons and links around them carry the names.
    [menuLabel, menu].forEach(function (part) {
      part.querySelectorAll("svg").forEach(function (icon) { icon.setAttribute("aria-hidden", "true"); });
    });
    var shown = function (element) {
      return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
    };
    var firstShown = function (container) {
      var candidates = container.querySelectorAll("a[href], button");
      for (var k = 0; k < candidates.length; k++) {
        if (shown(candidates[k])) { return candidates[k]; }
      }
      return null;
    };
    var showState = function () {
      buttons.forEach(function (button) { button.setAttribute("aria-expanded", String(toggleOf(button).checked)); });
    };
    var setOpen = function (toggle, open) {
      if (toggle.checked !== open) {
        toggle.checked = open;
        toggle.dispatchEvent(new Event("change", { bubbles: true }));  // the theme follows it too
      }
    };
    var closeMenu = function () { setOpen(drawer, false); };
    showState();
    // The menu closes by a tap on the page beside it too: every toggle of the theme reports.
    document.addEventListener("change", function (event) {
      if (event.target.classList.contains("md-toggle")) { showState(); }
    });
    buttons.forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();  // the label around the button toggles nothing more
        var toggle = toggleOf(button);
        setOpen(toggle, !toggle.checked);
        var next = toggle === drawer
          ? (drawer.checked ? firstShown(menu) : null)
          : (toggle.checked ? firstShown(toggle.parentNode.querySelector(".md-nav"))
                            : menu.querySelector('label.md-nav__link[for="' + toggle.id + '"] > button'));
        if (next) { next.focus(); }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        closeMenu();
        menuButton.focus();
      }
    });
    menu.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (drawer.checked && next && !menu.contains(next) && next !== menuButton) { closeMenu(); }
    });
    document.documentElement.classList.add("pap-menu-button");
  }

  if (!tools) { return; }
  var lessonKey = tools.getAttribute("data-lesson");
  var live = tools.querySelector(".pap-live");
  var article = document.querySelector("article.md-content__inner");

  function announce(message) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  /* Share a step: the system share sheet where there is one, else copy the address. */
  document.querySelectorAll("a.pap-share").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var url = new URL(link.getAttribute("href"), window.location.href).href;
      var copy = function () {
        if (!navigator.clipboard) { announce(tools.getAttribute("data-copy-failed") + " " + url); return; }
        navigator.clipboard.writeText(url).then(
          function () { announce(tools.getAttribute("data-copied")); },
          function () { announce(tools.getAttribute("data-copy-failed") + " " + url); }
        );
      };
      if (navigator.share) {
        navigator.share({ title: document.title, url: url }).catch(function (error) {
          if (error && error.name !== "AbortError") { copy(); }
        });
      } else {
        copy();
      }
    });
  });

  /* A step's tools say its id once, on their container (.pap-step-tools[data-step]). */
  function stepOf(element) {
    return element.closest(".pap-step-tools").getAttribute("data-step");
  }

  /* Keep my place: "I did this step" boxes, saved in this browser only. */
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.pap-done__box"));
  var progress = readProgress(lessonKey);
  progress.done = progress.done || {};
  progress.total = boxes.length;
  boxes.forEach(function (box) {
    var step = stepOf(box);
    box.closest(".pap-done").hidden = false;
    box.checked = !!progress.done[step];
    box.addEventListener("change", function () {
      if (box.checked) { progress.done[step] = 1; }
      else { delete progress.done[step]; }
      writeProgress(lessonKey, progress);
    });
  });
  var progressBar = tools.querySelector(".pap-progress");
  progressBar.hidden = false;
  progressBar.querySelector("button").addEventListener("click", function () {
    try { window.localStorage.removeItem(STORAGE_PREFIX + lessonKey); } catch (error) { /* nothing kept */ }
    progress.done = {};
    boxes.forEach(function (box) { box.checked = false; });
    announce(tools.getAttribute("data-cleared"));
  });

  /* Listen: the browser's own speech, each part in its own language (a French label marked
     lang="fr" in an Arabic step gets a French voice); hidden without a voice for the page's
     language. A part without a voice is left out: its meaning beside it is still read. */
  var speech = window.speechSynthesis;
  var listenBar = tools.querySelector(".pap-listen");
  var stepButtons = Array.prototype.slice.call(document.querySelectorAll(".pap-listen-step"));

  function primary(lang) { return (lang || "").toLowerCase().split(/[-_]/)[0]; }
  var language = primary(document.documentElement.lang);

  function voiceFor(lang) {
    if (!speech) { return null; }
    var voices = speech.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (primary(voices[i].lang) === lang) { return voices[i]; }
    }
    return null;
  }

  function readable(element) {
    return !element.closest(".pap-tools, .pap-step-tools, .pap-qr, .pap-card, .headerlink, details:not([open]) > :not(summary)");
  }

  /* The shown text of `nodes` as runs [{lang, text}], by the nearest lang attribute; spaces
     and punctuation join the run before them; a line ends each node; a node inside the one
     before it (a list in a list item) is read once, with it. */
  var NEUTRAL = /^[\s.,;:!?'"«»()\[\]،؛؟…*\/+\-–—]*$/;
  function runsOf(nodes) {
    var runs = [];
    var outer = null;
    function add(lang, text) {
      var last = runs[runs.length - 1];
      if (last && (last.lang === lang || NEUTRAL.test(text))) { last.text += text; }
      else if (!NEUTRAL.test(text)) { runs.push({ lang: lang, text: text }); }
    }
    nodes.filter(readable).forEach(function (node) {
      if (outer && outer.contains(node)) { return; }
      outer = node;
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (var text = walker.nextNode(); text; text = walker.nextNode()) {
        var parent = text.parentElement;
        if (!parent.getClientRects().length || !readable(parent)) { continue; }  // not shown
        add(primary(parent.closest('[lang]:not([lang=""])').lang), text.data.replace(/\s+/g, " "));
      }
      add(language, "\n");
    });
    return runs;
  }

  /* One utterance per run, in the browser's queue: pause and stop act on the whole queue. */
  function speak(runs) {
    var spoken = [];
    runs.forEach(function (run) {  // a run without a voice goes; those around it join
      run.voice = voiceFor(run.lang);
      var last = spoken[spoken.length - 1];
      if (!run.voice) { return; }
      if (last && last.lang === run.lang) { last.text += " " + run.text; } else { spoken.push(run); }
    });
    if (!spoken.length) { return; }
    speech.cancel();
    spoken.forEach(function (run) {
      var utterance = new SpeechSynthesisUtterance(run.text.replace(/ *\n\s*/g, "\n").replace(/ +/g, " ").trim());
      utterance.lang = run.voice.lang;
      utterance.voice = run.voice;
      speech.speak(utterance);
    });
  }

  function stepNodes(stepId) {
    var heading = document.getElementById(stepId);
    var nodes = [heading];
    var level = Number(heading.tagName.charAt(1));
    for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      if (/^H[1-6]$/.test(node.tagName) && Number(node.tagName.charAt(1)) <= level) { break; }
      nodes.push(node);
    }
    return nodes;
  }

  function enableListening() {
    if (!voiceFor(language)) { return; }
    listenBar.hidden = false;
    stepButtons.forEach(function (button) { button.hidden = false; });
  }

  if (speech) {
    listenBar.addEventListener("click", function (event) {
      var action = event.target.getAttribute("data-listen");
      if (action === "lesson") {
        speak(runsOf(Array.prototype.slice.call(article.querySelectorAll("h1, h2, h3, h4, p, li, summary"))));
      } else if (action === "pause") {
        if (speech.paused) { speech.resume(); } else { speech.pause(); }
      } else if (action === "stop") {
        speech.cancel();
      }
    });
    stepButtons.forEach(function (button) {
      button.addEventListener("click", function () {
        speak(runsOf(stepNodes(stepOf(button))));
      });
    });
    enableListening();
    if (speech.addEventListener) { speech.addEventListener("voiceschanged", enableListening); }
  }
})();
