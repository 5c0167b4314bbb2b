// calendar-daemon agenda: optional enhancements; the page works without them.
// - show times in the browser's time zone (toggle, remembered in localStorage)
// - copy the feed URL to the clipboard
(function () {
  "use strict";
  var KEY = "calendar-daemon.zone";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function localParts(date) {
    return {
      day: date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()),
      time: pad(date.getHours()) + ":" + pad(date.getMinutes())
    };
  }

  function applyZone(useMine) {
    var times = document.querySelectorAll("time.ev-time[data-day]");
    for (var i = 0; i < times.length; i++) {
      var el = times[i];
      if (!el.hasAttribute("data-server-text")) { el.setAttribute("data-server-text", el.textContent); }
      if (useMine) {
        var parts = localParts(new Date(el.getAttribute("datetime")));
        el.textContent = parts.day === el.getAttribute("data-day") ? parts.time : parts.day.slice(5) + " " + parts.time;
      } else {
        el.textContent = el.getAttribute("data-server-text");
      }
    }
    var name = document.getElementById("zone-name");
    var button = document.getElementById("zone-toggle");
    if (name) {
      var mine = Intl.DateTimeFormat().resolvedOptions().timeZone || "local";
      name.textContent = useMine ? mine : name.getAttribute("data-server-zone");
    }
    if (button) {
      button.textContent = button.getAttribute(useMine ? "data-label-server" : "data-label-mine");
      button.setAttribute("aria-pressed", useMine ? "true" : "false");
    }
  }

  function setupZone() {
    var button = document.getElementById("zone-toggle");
    if (!button) { return; }
    var useMine = false;
    try { useMine = window.localStorage.getItem(KEY) === "browser"; } catch (e) { useMine = false; }
    button.hidden = false;
    applyZone(useMine);
    button.addEventListener("click", function () {
      useMine = !useMine;
      try { window.localStorage.setItem(KEY, useMine ? "browser" : "server"); } catch (e) { /* private mode */ }
      applyZone(useMine);
    });
  }

  function setupCopy() {
    var buttons = document.querySelectorAll("button.copy[data-copy-target]");
    for (var i = 0; i < buttons.length; i++) {
      (function (button) {
        var input = document.getElementById(button.getAttribute("data-copy-target"));
        if (!input) { return; }
        button.hidden = false;
        var label = button.textContent;
        button.addEventListener("click", function () {
          var done = function () {
            button.textContent = button.getAttribute("data-copied");
            window.setTimeout(function () { button.textContent = label; }, 1500);
          };
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
          } else {
            input.select();
            try { if (document.execCommand("copy")) { done(); } } catch (e) { /* leave it selected */ }
          }
        });
      })(buttons[i]);
    }
  }

  document.addEventListener("DOMContentLoaded", function () { setupZone(); setupCopy(); });
})();
