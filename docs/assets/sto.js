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

  /* FAQ topic filter: radio buttons that hide the other topics' questions */
  function setUpFaqFilter(nav, faq) {
    var links = nav.querySelectorAll("a[data-topic]");
    if (!links.length) return;
    var fieldset = document.createElement("fieldset");
    fieldset.className = "sto-faq-filter";
    var legend = document.createElement("legend");
    legend.textContent = "Toon vragen over";
    fieldset.appendChild(legend);
    function option(value, text, checked) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "sto-faq-onderwerp";
      input.value = value;
      input.checked = checked;
      label.appendChild(input);
      label.appendChild(document.createTextNode(text));
      fieldset.appendChild(label);
    }
    option("", "Alle onderwerpen", true);
    links.forEach(function (link) { option(link.dataset.topic, link.textContent, false); });

    function show(topic) {
      var current = "";
      Array.prototype.forEach.call(faq.children, function (element) {
        if (element.dataset.topic && element.tagName === "H2") current = element.dataset.topic;
        element.hidden = topic !== "" && current !== topic;
      });
    }
    fieldset.addEventListener("change", function (event) { show(event.target.value); });
    nav.insertBefore(fieldset, nav.firstChild);

    /* A link to a question always shows it, whatever the filter says. */
    function revealTarget() {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (target && target.closest("[hidden]")) {
        fieldset.querySelector("input[value='']").checked = true;
        show("");
        target.scrollIntoView();
      }
    }
    window.addEventListener("hashchange", revealTarget);
  }

  /* Print every FAQ answer on the home page, then restore what was open. */
  function setUpPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  function start() {
    document.querySelectorAll(".sto-video[data-sto-src]").forEach(setUpPlayer);
    var nav = document.querySelector("[data-sto-faq-filter]");
    var faq = document.querySelector("[data-sto-faq]");
    if (nav && faq) setUpFaqFilter(nav, faq);
    setUpPrint();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
