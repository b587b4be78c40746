/* Progressive enhancement only: without JavaScript every FAQ answer is visible and every
   recording is a plain link. Nothing here loads anything from another site until a visitor
   clicks "Speel de opname af". */
(function () {
  "use strict";

  /* Click-to-load facade for webinar recordings */
  function setUpPlayer(box) {
    var button = box.querySelector(".sto-video__play");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var player;
      if (box.dataset.stoPlayer === "iframe") {
        player = document.createElement("iframe");
        player.src = box.dataset.stoSrc;
        player.title = box.dataset.stoTitle;
        player.allow = "autoplay; fullscreen; picture-in-picture";
        player.allowFullscreen = true;
      } else {
        player = document.createElement("video");
        player.src = box.dataset.stoSrc;
        player.controls = true;
        player.autoplay = true;
        player.setAttribute("aria-label", box.dataset.stoTitle);
        if (box.dataset.stoCaptions) {
          var track = document.createElement("track");
          track.kind = "captions";
          track.srclang = "nl";
          track.label = "Nederlands";
          track.src = box.dataset.stoCaptions;
          track.default = true;
          player.appendChild(track);
        }
      }
      box.textContent = "";
      box.classList.add("sto-video--playing");
      box.appendChild(player);
      player.focus();
    });
  }

  /* FAQ topic filter: the topic links (in the HTML, so nothing shifts) become toggle buttons
     that hide the other topics' questions. */
  function setUpFaqFilter(nav, faq) {
    var chips = nav.querySelectorAll("a[data-topic]");
    var status = nav.querySelector(".sto-faq-topics__status");
    if (!chips.length) return;

    function show(topic) {
      var current = "";
      var shown = 0;
      Array.prototype.forEach.call(faq.children, function (element) {
        if (element.dataset.topic && element.tagName === "H2") current = element.dataset.topic;
        element.hidden = topic !== "" && current !== topic;
        if (!element.hidden && element.tagName === "H3") shown += 1;
      });
      chips.forEach(function (chip) {
        chip.setAttribute("aria-pressed", String(chip.dataset.topic === topic));
      });
      if (status) status.textContent = shown === 1 ? "1 vraag getoond" : shown + " vragen getoond";
    }
    chips.forEach(function (chip) {
      chip.setAttribute("role", "button");
      chip.setAttribute("aria-pressed", String(chip.dataset.topic === ""));
      chip.addEventListener("click", function (event) {
        event.preventDefault();
        show(chip.dataset.topic);
      });
      chip.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); show(chip.dataset.topic); }
      });
    });

    /* A link to a question always shows it, whatever the filter says. */
    function revealTarget() {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (target && target.closest("[hidden]")) {
        show("");
        target.scrollIntoView();
      }
    }
    window.addEventListener("hashchange", revealTarget);
  }

  /* Print every FAQ answer on the home page, then restore what was open; date the print. */
  function setUpPrint() {
    var opened = [];
    var printed = document.querySelector("[data-sto-print-date]");
    window.addEventListener("beforeprint", function () {
      if (printed) {
        printed.textContent = new Date().toLocaleDateString("nl-NL",
          { weekday: "long", day: "numeric", month: "long", year: "numeric" });
      }
      document.querySelectorAll("details.sto-faq-details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  /* Site search: the header's link to the search page opens the search instead (also on "/").
     Its script, sto-search.js, is loaded at the first opening, Pagefind's files only then. */
  var searchScript = document.currentScript ? new URL("sto-search.js", document.currentScript.src).href : "";

  /* What the visitor types while the search's script loads goes into its field once it opens. */
  var typedEarly = "";
  function keepTyping(event) {
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      typedEarly += event.key;
      event.preventDefault();
    }
  }

  function openSearch(opener) {
    if (window.stoSearch) { window.stoSearch.open(opener, ""); return; }
    if (document.querySelector("script[data-sto-search]")) return;  /* loading */
    var script = document.createElement("script");
    script.src = searchScript;
    script.setAttribute("data-sto-search", "");
    document.addEventListener("keydown", keepTyping);
    script.addEventListener("load", function () {
      document.removeEventListener("keydown", keepTyping);
      if (window.stoSearch) window.stoSearch.open(opener, typedEarly);
    });
    document.head.appendChild(script);
  }

  function setUpSearch(link) {
    if (!searchScript || !("HTMLDialogElement" in window)) return;  /* the link stays a link */
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button) return;
      event.preventDefault();
      openSearch(link);
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      openSearch(link);
    });
  }

  function start() {
    var searchLink = document.querySelector("[data-sto-search-open]");
    if (searchLink) setUpSearch(searchLink);
    document.querySelectorAll(".sto-video[data-sto-src]").forEach(setUpPlayer);
    var nav = document.querySelector("[data-sto-faq-filter]");
    var faq = document.querySelector("[data-sto-faq]");
    if (nav && faq) setUpFaqFilter(nav, faq);
    setUpPrint();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
