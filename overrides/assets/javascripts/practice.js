/* Pas à pas — practice screens (pasapas/transform/practice.py writes their HTML from the
   lesson's data file). One component for every practice: it reads the mistakes to watch for
   from the page, and answers in the page's language. Nothing typed leaves the page or is
   kept: no request, no storage, no cookie. Loaded only on lessons with a practice. */
(function () {
  "use strict";

  /* Arabic-Indic digits (٠١٢…, ۰۱۲…) count as the digits the real screens expect. */
  function westernDigits(value) {
    return value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, function (digit) { return String(digit.charCodeAt(0) & 15); });
  }
  function squeeze(value) { return westernDigits(value).replace(/\s+/g, "").toLowerCase(); }
  function digitCount(value) { return westernDigits(value).replace(/\D/g, "").length; }
  function onlyDigits(value) { return /^[\d\s]*$/.test(westernDigits(value)); }
  /* What {count} says: the characters typed, spaces aside (13 digits and a dash are 14). */
  function typedCount(value) { return value.replace(/\s+/g, "").length; }

  /* Each `when:` of the data file: does the learner's answer show this mistake? */
  var MISTAKES = {
    empty: function (value) { return !value.trim(); },
    lacks: function (value, m) { return value.indexOf(m.text) < 0; },
    digits: function (value, m) { return onlyDigits(value) && digitCount(value) === m.count; },
    not_digits: function (value, m) { return !onlyDigits(value) || digitCount(value) !== m.count; },
    is: function (value, m) { return squeeze(value) === squeeze(m.text); },
    is_not: function (value, m) { return squeeze(value) !== squeeze(m.text); },
    empty_and_mentioned: function (value, m, form) {
      var other = form.elements[m.field];
      var said = other ? other.value.toLowerCase() : "";
      return !value.trim() && m.words.some(function (word) { return said.indexOf(word.toLowerCase()) >= 0; });
    }
  };

  function valueOf(field, form) {
    if (field.getAttribute("data-pap-type") === "choice") {
      var chosen = field.querySelector("input:checked");
      return chosen ? chosen.value : "";
    }
    return form.elements[field.getAttribute("data-pap-field")].value;
  }

  function focusTarget(field) {
    return field.querySelector("input:checked") || field.querySelector(".pap-practice-attach, input:not([type=hidden]), textarea");
  }

  /* The first mistake on this screen, as {field, say}; null when all is right. */
  function firstMistake(form) {
    var fields = form.querySelectorAll("[data-pap-field]");
    for (var i = 0; i < fields.length; i += 1) {
      var field = fields[i];
      var value = valueOf(field, form);
      var mistakes = JSON.parse(field.getAttribute("data-pap-mistakes"));
      for (var j = 0; j < mistakes.length; j += 1) {
        if (MISTAKES[mistakes[j].when](value, mistakes[j], form)) {
          return { field: field, say: mistakes[j].say.replace("{count}", String(typedCount(value))) };
        }
      }
      var chosen = field.querySelector("input[type=radio]:checked[data-pap-say]");
      if (chosen && !chosen.hasAttribute("data-pap-correct")) {
        return { field: field, say: chosen.getAttribute("data-pap-say") };
      }
    }
    return null;
  }

  function whatWentWell(form) {
    var said = [];
    form.querySelectorAll("input[data-pap-correct]:checked").forEach(function (option) {
      said.push(option.getAttribute("data-pap-say"));
    });
    if (form.hasAttribute("data-pap-success")) { said.push(form.getAttribute("data-pap-success")); }
    return said.join(" ");
  }

  function clearMistake(form) {
    form.querySelectorAll("[aria-invalid]").forEach(function (control) {
      control.removeAttribute("aria-invalid");
      var described = (control.getAttribute("data-pap-described") || "").trim();
      if (described) { control.setAttribute("aria-describedby", described); } else { control.removeAttribute("aria-describedby"); }
    });
    form.querySelector(".pap-practice-feedback").textContent = "";
  }

  function showMistake(form, mistake) {
    var feedback = form.querySelector(".pap-practice-feedback");
    var control = focusTarget(mistake.field);
    feedback.textContent = mistake.say;
    control.setAttribute("data-pap-described", control.getAttribute("aria-describedby") || "");
    control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + feedback.id).trim());
    control.setAttribute("aria-invalid", "true");
    control.focus();
  }

  function setUpAttachment(field, app) {
    var button = field.querySelector(".pap-practice-attach");
    var folder = field.querySelector(".pap-practice-folder");
    var shown = field.querySelector(".pap-practice-attached");
    var kept = field.querySelector("input[type=hidden]");
    var empty = shown.textContent;
    function close() {
      folder.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
    button.addEventListener("click", function () {
      var opening = folder.hidden;
      folder.hidden = !opening;
      button.setAttribute("aria-expanded", String(opening));
      if (opening) { (folder.querySelector("input:checked") || folder.querySelector("input")).focus(); }
    });
    folder.querySelector(".pap-practice-open").addEventListener("click", function () {
      var chosen = folder.querySelector("input:checked");
      if (chosen) {
        kept.value = chosen.value;
        shown.textContent = app.getAttribute("data-pap-attached").replace("{file}", chosen.value);
      }
      close();
    });
    folder.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    field.papReset = function () { kept.value = ""; shown.textContent = empty; folder.hidden = true; button.setAttribute("aria-expanded", "false"); };
  }

  function show(part, said) {
    part.hidden = false;
    var passed = part.querySelector(".pap-practice-passed");
    if (passed && said) {
      passed.textContent = said;
      passed.focus();
    } else {
      part.querySelector(".pap-practice-title, .pap-practice-passed").focus();
    }
  }

  function setUp(block) {
    var app = block.querySelector(".pap-practice-app");
    var screens = Array.prototype.slice.call(app.querySelectorAll(".pap-practice-screen"));
    var done = app.querySelector(".pap-practice-done");
    app.hidden = false;
    block.classList.add("pap-practice-ready");
    app.querySelectorAll("[data-pap-type=attachment]").forEach(function (field) { setUpAttachment(field, app); });
    screens.forEach(function (form, index) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearMistake(form);
        var mistake = firstMistake(form);
        if (mistake) { showMistake(form, mistake); return; }
        form.hidden = true;
        show(screens[index + 1] || done, whatWentWell(form));
      });
      form.addEventListener("input", function () { form.querySelector(".pap-practice-feedback").textContent = ""; });
    });
    done.querySelector(".pap-practice-restart").addEventListener("click", function () {
      screens.forEach(function (form, index) {
        form.reset();
        clearMistake(form);
        form.hidden = index > 0;
        form.querySelectorAll(".pap-practice-passed").forEach(function (passed) { passed.textContent = ""; });
        form.querySelectorAll("[data-pap-type=attachment]").forEach(function (field) { field.papReset(); });
      });
      done.hidden = true;
      screens[0].querySelector(".pap-practice-title").focus();
    });
  }

  document.querySelectorAll(".pap-practice").forEach(setUp);
})();
