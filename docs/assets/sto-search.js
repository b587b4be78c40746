/* The site search, loaded by sto.js when a visitor first opens it; Pagefind's own script and
   index (pagefind/, written by the build: sto.mkdocs.site_search) are loaded from then on, only
   the chunks a query needs. A native <dialog>: focus stays inside, Escape closes it, focus
   returns to the button. Results are built as DOM nodes from text; of Pagefind's excerpt only
   the text and its <mark> elements are kept. */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var root = new URL("../", here);  /* this script lives in assets/ */
  var PAGE = 10;
  var pagefind = null;
  var dialog, input, status, list, more, opener, results = [], shownCount = 0, query = "";

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (found) {
        return found.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
          found.init();
          return found;
        });
      });
      pagefind.catch(function () {
        pagefind = null;
        say("Het zoeken kon niet worden geladen. Probeer het opnieuw, of kijk in de overzichten.");
      });
    }
    return pagefind;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function say(text) { status.textContent = text; }

  /* Pagefind's excerpt is HTML: parsed inert (a template), only text and <mark> are copied. */
  function appendExcerpt(target, excerpt) {
    var template = document.createElement("template");
    template.innerHTML = excerpt || "";
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) target.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === "MARK") target.appendChild(element("mark", "", node.textContent));
      else target.appendChild(document.createTextNode(node.textContent || ""));
    });
  }

  function fillResult(item, data) {
    var meta = [data.meta.soort, data.meta.datum].filter(Boolean).join(" · ");
    if (meta) item.appendChild(element("p", "sto-search__meta", meta));
    var link = element("a", "sto-search__link", data.meta.title || data.url);
    link.href = data.url;
    item.appendChild(link);
    var excerpt = element("p", "sto-search__excerpt");
    appendExcerpt(excerpt, data.excerpt);
    item.appendChild(excerpt);
    item.hidden = false;
  }

  function counted(count) {
    return count === 1 ? "1 resultaat" : count + " resultaten";
  }

  /* Each result is shown as soon as its fragment arrives, in the order of the results. */
  function showMore(forQuery) {
    var next = results.slice(shownCount, shownCount + PAGE);
    shownCount += next.length;
    more.hidden = true;
    return Promise.all(next.map(function (result) {
      var item = element("li", "sto-search__result");
      item.hidden = true;
      list.appendChild(item);
      return result.data().then(function (data) {
        if (forQuery === query) fillResult(item, data);
      });
    })).then(function () {
      if (forQuery === query) more.hidden = shownCount >= results.length;
    });
  }

  function search() {
    var asked = input.value.trim();
    query = asked;
    if (!asked) {
      results = [];
      list.textContent = "";
      more.hidden = true;
      say("");
      return;
    }
    load().then(function (found) {
      found.preload(asked);  /* fetches the index chunks while the visitor types on */
      return found.debouncedSearch(asked, {}, 150);
    }).then(function (found) {
      if (!found || asked !== query) return;  /* a newer query is under way */
      results = found.results;
      shownCount = 0;
      list.textContent = "";
      return showMore(asked).then(function () {
        if (asked !== query) return;
        say(results.length ? counted(results.length) + " voor \u201c" + asked + "\u201d"
          : "Geen resultaten voor \u201c" + asked + "\u201d. Probeer een ander woord, of kijk in de overzichten.");
      });
    });
  }

  function build() {
    dialog = element("dialog", "sto-search");
    dialog.setAttribute("aria-labelledby", "sto-search-title");
    var bar = element("div", "sto-search__bar");
    bar.appendChild(element("h2", "sto-search__title", "Zoeken")).id = "sto-search-title";
    var close = element("button", "sto-search__close md-button", "Sluiten");
    close.type = "button";
    close.addEventListener("click", function () { dialog.close(); });
    bar.appendChild(close);
    var form = element("form", "sto-search__form");
    form.setAttribute("role", "search");
    var label = element("label", "sto-search__label", "Zoek in nieuws, agenda en veelgestelde vragen");
    label.htmlFor = "sto-search-query";
    input = element("input", "sto-search__input");
    input.id = "sto-search-query";
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("enterkeyhint", "search");
    form.appendChild(label);
    form.appendChild(input);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.focus();
    });
    input.addEventListener("input", search);
    status = element("p", "sto-search__status");
    status.setAttribute("role", "status");
    list = element("ol", "sto-search__results");
    more = element("button", "sto-search__more md-button", "Meer resultaten");
    more.type = "button";
    more.hidden = true;
    more.addEventListener("click", function () {
      var before = list.children.length;
      showMore(query).then(function () {
        var link = list.children[before] && list.children[before].querySelector("a");
        if (link) link.focus();
      });
    });
    [bar, form, status, list, more].forEach(function (node) { dialog.appendChild(node); });
    dialog.addEventListener("close", function () {
      if (opener && opener.focus) opener.focus();  /* also when it was opened with "/" */
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();  /* a click beside the panel */
    });
    document.body.appendChild(dialog);
  }

  window.stoSearch = {
    open: function (from, typed) {
      opener = from;
      if (!dialog) build();
      if (!dialog.open) dialog.showModal();
      input.focus();
      load();
      if (typed) {
        input.value = typed;
        search();
      } else {
        input.select();
      }
    }
  };
})();
