/* The web editor's own script (after decap-cms.js): the preview in the site's stylesheet, and
   the checks Decap's configuration cannot express, generated from the content model
   (sto.editors.cms_config.editor_rules; the build puts them where RULES is). */
(function () {
  "use strict";
  var GENERATED = /*STO_RULES*/ {};
  var RULES = GENERATED.collections, CMS = window.CMS, h = window.h, createClass = window.createClass;

  CMS.registerPreviewStyle(new URL("../assets/sto.css", document.baseURI).href);

  function isEmpty(value) {
    if (value === undefined || value === null || value === "") return true;
    if (typeof value.every === "function" && typeof value.size === "number") {  // an Immutable Map or List
      return value.every(isEmpty);
    }
    return false;
  }

  // Optional values left empty are left out of the file (the models refuse '' for a date or a link).
  function pruned(value) {
    if (value && typeof value.filter === "function" && typeof value.map === "function" && value.size !== undefined) {
      var kept = value.map(pruned);
      if (typeof value.keySeq === "function") {  // a Map: drop empty entries
        kept = kept.filter(function (v) { return !isEmpty(v); });
      }
      return kept;
    }
    return value;
  }

  // Fields required once their optional object is filled in (an image's alt text).
  function incomplete(data, rules) {
    var problems = [];
    (rules.required_when_filled || []).forEach(function (rule) {
      var found = data.getIn(rule.path);
      if (isEmpty(found)) return;
      rule.fields.forEach(function (field) {
        if (isEmpty(found.get(field[0]))) {
          problems.push("Vul bij \u2018" + rule.label + "\u2019 ook \u2018" + field[1] + "\u2019 in, of maak \u2018" +
                        rule.label + "\u2019 helemaal leeg");
        }
      });
    });
    return problems;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry, rules = RULES[entry.get("collection")] || {};
      var problems = incomplete(entry.get("data"), rules);
      if (problems.length) {
        // A plain string: Decap shows it after "Kan item niet opslaan:" as it is.
        throw problems.join("; ") + ". Er is niets opgeslagen.";
      }
      return pruned(entry.get("data"));
    }
  });

  function text(value) { return value === undefined || value === null ? "" : String(value); }

  var NewsPreview = createClass({
    render: function () {
      var entry = this.props.entry, data = entry.get("data"), image = data.get("image");
      var src = image && image.get("src"), asset = src ? this.props.getAsset(src) : null;
      return h("article", { className: "md-typeset sto-page" },
        h("div", { className: "sto-page__main" },
          h("h1", {}, text(data.get("title"))),
          h("p", { className: "sto-dates" }, text(data.get("date"))),
          h("p", { className: "sto-summary" }, text(data.get("summary"))),
          asset ? h("img", { className: "sto-image", src: asset.toString(), alt: text(image.get("alt")) }) : null,
          this.props.widgetFor("body")));
    }
  });

  var EventPreview = createClass({
    render: function () {
      var data = this.props.entry.get("data"), start = text(data.get("start")), end = text(data.get("end"));
      var place = data.get("online") ? "Online" : text(data.get("location"));
      return h("article", { className: "md-typeset sto-page" },
        h("div", { className: "sto-page__main" },
          h("h1", {}, text(data.get("title"))),
          h("p", { className: "sto-teaser__meta" }, h("span", { className: "sto-kind" }, text(data.get("kind")))),
          h("dl", { className: "sto-terms" },
            h("dt", {}, "Wanneer"), h("dd", {}, end ? start + " tot " + end : start),
            h("dt", {}, "Waar"), h("dd", {}, place || "Nog niet bekend")),
          h("p", { className: "sto-summary" }, text(data.get("summary"))),
          this.props.widgetFor("body")));
    }
  });

  Object.keys(RULES).forEach(function (collection) {
    var preview = RULES[collection].preview;
    if (preview === "news") CMS.registerPreviewTemplate(collection, NewsPreview);
    if (preview === "event") CMS.registerPreviewTemplate(collection, EventPreview);
  });

  // Decap edits a local clone through decap-server on these hosts only (its local_backend); elsewhere
  // it saves to GitHub, which needs the repository STO names in mkdocs.yml (make todo lists it).
  var local = ["localhost", "127.0.0.1"].indexOf(window.location.hostname) >= 0;
  if (GENERATED.connected || local) {
    CMS.init();
  } else {
    var notice = document.createElement("main");
    notice.setAttribute("style", "max-width: 36rem; margin: 4rem auto; font: 1.1rem/1.5 system-ui, sans-serif");
    var heading = document.createElement("h1");
    heading.textContent = "De beheeromgeving is nog niet gekoppeld";
    var text = document.createElement("p");
    text.textContent = "Deze beheeromgeving is nog niet aan de GitHub-repository van de site gekoppeld. " +
      "Een beheerder vult die in mkdocs.yml in (zie README.md, \u2018Web editor\u2019). Tot die tijd kunt u " +
      "berichten voorstellen via GitHub zelf, zoals CONTRIBUTING.md beschrijft.";
    notice.appendChild(heading);
    notice.appendChild(text);
    document.body.appendChild(notice);
  }
})();
