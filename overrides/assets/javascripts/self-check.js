/* Pas à pas — the self-check page ("Ce que je sais déjà faire"), loaded by that page only.
   Without this script the page is a list of "I can…" sentences, each with a link to its
   lesson, read top to bottom. With it: a box to tick per sentence, kept in this browser
   only (localStorage, never a cookie, never sent anywhere), cleared in one click, and the
   lessons still to do shown in ladder order under "Par où commencer" (the build lists them
   in that order; a lesson is to do while one of its sentences is not ticked). */
(function () {
  "use strict";

  var STORAGE_KEY = "pasapas:can";
  var items = Array.prototype.slice.call(document.querySelectorAll("li.pap-can[data-pap-can]"));
  var result = document.querySelector(".pap-can-result");
  var live = document.querySelector(".pap-can-live");
  if (!items.length || !result || !live) { return; }
  var lessons = Array.prototype.slice.call(result.querySelectorAll("li[data-pap-lesson]"));
  var allDone = result.querySelector(".pap-can-result__done");

  function read() {
    try { return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}") || {}; }
    catch (error) { return {}; }
  }

  function write(ticked) {
    try {
      if (Object.keys(ticked).length) { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(ticked)); }
      else { window.localStorage.removeItem(STORAGE_KEY); }
    } catch (error) { /* private mode or full storage: the ticks are simply not kept */ }
  }

  function announce(message) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  var ticked = read();

  /* "lecons/sms#2" is the second sentence of the SMS lesson. */
  function lessonOf(item) { return item.getAttribute("data-pap-can").split("#")[0]; }

  function showLessonsToDo(say) {
    var toDo = {};
    items.forEach(function (item) {
      if (!ticked[item.getAttribute("data-pap-can")]) { toDo[lessonOf(item)] = true; }
    });
    var count = 0;
    lessons.forEach(function (lesson) {
      lesson.hidden = !toDo[lesson.getAttribute("data-pap-lesson")];
      if (!lesson.hidden) { count += 1; }
    });
    allDone.hidden = count > 0;
    if (say) { announce(count ? result.getAttribute("data-count").replace("{n}", String(count)) : allDone.textContent); }
  }

  items.forEach(function (item) {
    var key = item.getAttribute("data-pap-can");
    var box = item.querySelector("input.pap-can__box");
    box.checked = !!ticked[key];
    box.hidden = false;
    box.addEventListener("change", function () {
      if (box.checked) { ticked[key] = 1; } else { delete ticked[key]; }
      write(ticked);
      showLessonsToDo(true);
    });
  });
  result.hidden = false;
  showLessonsToDo(false);

  result.querySelector(".pap-can-clear").addEventListener("click", function () {
    ticked = {};
    write(ticked);
    items.forEach(function (item) { item.querySelector("input.pap-can__box").checked = false; });
    showLessonsToDo(false);
    announce(result.getAttribute("data-cleared"));
  });
})();
