/* Pas à pas — what search does with the reader's words. Loaded with search only (by
   lazy-search.js, which hands it the theme's messages to its search worker).
   - Before a query reaches the search, each word typed is made short with the rules of
     the page's language, which come with its search index (config.words, from
     pasapas/transform/word_forms.yml; pasapas/transform/word_forms.py makes the index's
     words short the same way): «pièces» is searched as «piec», «attachments» as
     «attach», «مرفقاتك» as «مرفق», and «comment» or «how» are left out.
   - When nothing is found, the panel says so in plain words and offers the learning
     paths, the help page and asking someone (config.none, in the page's language). */
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2, RESULT = 3; /* the theme's search messages */
  var ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g;
  var LATIN_MARKS = /[\u0300-\u036f]/g;
  var QUERY_SYNTAX = /[+*~^:]/g;
  var DIGIT = /^[0-9\u0660-\u0669\u06f0-\u06f9]+$/;
  var rules = null, separator = null, none = null, panel = null;

  function plain(word) {
    var lowered = word.toLowerCase().replace(ARABIC_MARKS, "");
    var mapped = "";
    for (var i = 0; i < lowered.length; i++) {
      var letter = lowered.charAt(i);
      mapped += Object.prototype.hasOwnProperty.call(rules.letters, letter) ? rules.letters[letter] : letter;
    }
    return mapped.normalize("NFD").replace(LATIN_MARKS, "").normalize("NFC");
  }

  function stem(word) {
    var shortest = rules.shortest, undouble = rules.undouble;
    for (var p = 0; p < rules.prefixes.length; p++) {
      var prefix = rules.prefixes[p];
      if (word.length - prefix.length >= shortest && word.slice(0, prefix.length) === prefix) {
        word = word.slice(prefix.length);
        break;
      }
    }
    rules.endings.forEach(function (group) {
      for (var i = 0; i < group.length; i++) {
        var ending = group[i][0];
        if (word.length - ending.length >= shortest && word.slice(-ending.length) === ending) {
          word = word.slice(0, word.length - ending.length) + group[i][1];
          var last = word.charAt(word.length - 1);
          if (undouble.after.indexOf(ending) >= 0 && word.length > shortest &&
              last === word.charAt(word.length - 2) && undouble.letters.indexOf(last) >= 0) {
            word = word.slice(0, -1);
          }
          return;
        }
      }
    });
    return word;
  }

  function stems(word) {
    var found = [stem(word)];
    if (rules.joined.indexOf(word.charAt(0)) >= 0 && word.length - 1 >= rules.shortest) {
      var without = stem(word.slice(1));
      if (found.indexOf(without) < 0) { found.push(without); }
    }
    return found;
  }

  function isStopWord(word) {
    return rules.stop.indexOf(word) >= 0 || (word.length < 2 && !DIGIT.test(word));
  }

  /* What the query is searched as: made plain, split into words as the index's are, then
     the stems of its words, stop words left out unless nothing else was typed (as
     search_index.query and word_forms.query_stems). */
  function shorten(query) {
    var typed = [];
    plain(query).split(separator).forEach(function (word) {
      word = word && word.replace(QUERY_SYNTAX, "");
      if (word) { typed.push(word); }
    });
    var wanted = typed.filter(function (word) { return !isStopWord(word); });
    var found = [];
    (wanted.length ? wanted : typed).forEach(function (word) {
      stems(word).forEach(function (form) { if (found.indexOf(form) < 0) { found.push(form); } });
    });
    return found.join(" ");
  }

  /* The panel's part for "nothing found", made once, before it is needed, so that a
     screen reader hears its sentence when it is filled (role="status"). Its links are
     there only while it is shown: the theme's arrow keys go through every link of the
     panel. */
  function makePanel() {
    var result = document.querySelector(".md-search-result");
    var meta = result && result.querySelector(".md-search-result__meta");
    var config = document.getElementById("__config");
    if (!meta || !config || !none) { return null; }
    var block = document.createElement("div");
    block.className = "pap-search-none";
    var sentence = document.createElement("p");
    sentence.setAttribute("role", "status");
    var list = document.createElement("ul");
    block.appendChild(sentence);
    block.appendChild(list);
    meta.insertAdjacentElement("afterend", block);
    return { result: result, sentence: sentence, list: list, base: new URL(JSON.parse(config.textContent).base, location.href) };
  }

  function showNothingFound(nothing) {
    if (!panel) { return; }
    var box = document.querySelector(".md-search__input");
    nothing = nothing && !!box && box.value.trim() !== "";
    panel.sentence.textContent = nothing ? none.text : "";
    panel.list.textContent = "";
    if (nothing) {
      none.links.forEach(function (link) {
        var item = document.createElement("li");
        var anchor = document.createElement("a");
        anchor.href = new URL(link[0], panel.base).href;
        anchor.textContent = link[1];
        item.appendChild(anchor);
        panel.list.appendChild(item);
      });
    }
    panel.result.classList.toggle("pap-search-empty", nothing);
  }

  window.papSearchWords = {
    outgoing: function (message) {
      if (!message) { return message; }
      if (message.type === SETUP && message.data && message.data.config && message.data.config.words) {
        rules = message.data.config.words;
        separator = new RegExp(message.data.config.separator);
        none = message.data.config.none || null;
        panel = makePanel();
      } else if (message.type === QUERY && rules && typeof message.data === "string") {
        return { type: QUERY, data: shorten(message.data) };
      }
      return message;
    },
    incoming: function (message) {
      if (message && message.type === RESULT && message.data && message.data.items) {
        showNothingFound(message.data.items.length === 0);
      }
    },
    shorten: function (query) { return rules ? shorten(query) : query; }
  };
})();
