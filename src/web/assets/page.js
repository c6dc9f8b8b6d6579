// lovefund's web page: checks a field as it is typed, with the ledger's own
// parsing and sentences (POST /check), so the form says what is wrong before it
// is sent. Plain JS, no library; the page works without it.
"use strict";
(function () {
  var csrf = document.querySelector('meta[name="csrf"]');
  if (!csrf) return;
  var timers = {};
  function check(input) {
    var body = new URLSearchParams();
    body.set("csrf", csrf.content);
    body.set("field", input.dataset.check);
    body.set("value", input.value);
    fetch("/check", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (text) {
        var hint = input.parentNode.querySelector(".hint");
        if (hint) hint.textContent = text;
        input.classList.toggle("bad", text !== "");
        input.setCustomValidity(text);
      })
      .catch(function () {});
  }
  document.querySelectorAll("[data-check]").forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timers[input.name]);
      timers[input.name] = setTimeout(function () { check(input); }, 250);
    });
    input.addEventListener("blur", function () { check(input); });
  });
})();

// The menu's groups: opening one closes the others; a click elsewhere closes all.
(function () {
  var groups = document.querySelectorAll("details.group");
  groups.forEach(function (g) {
    g.addEventListener("toggle", function () {
      if (!g.open) return;
      groups.forEach(function (o) { if (o !== g) o.open = false; });
    });
  });
  document.addEventListener("click", function (e) {
    groups.forEach(function (g) { if (!g.contains(e.target)) g.open = false; });
  });
})();
