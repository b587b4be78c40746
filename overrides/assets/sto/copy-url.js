// Copy buttons on the "Agenda volgen" page. Without JavaScript the buttons stay invisible (their
// space is kept, so showing them moves nothing) and the address stays selectable text. Own
// code, loaded from this site only.
(function () {
  "use strict";
  var status = document.querySelector(".sto-copy-status");
  function say(text) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }
  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  document.querySelectorAll("button[data-sto-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-sto-copy"));
    if (!source) return;
    button.classList.add("sto-copy--ready");
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      var done = function () { say("Adres gekopieerd: " + text); };
      var fallback = function () {
        selectText(source);
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        say(copied ? "Adres gekopieerd: " + text : "Kopiëren lukte niet; het adres is geselecteerd, kopieer het met Ctrl+C of Cmd+C.");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
})();
