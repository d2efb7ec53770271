// A download link says "Preparing…" until the server starts sending the file.
// The link carries a random ticket; the response sets a cookie with it as it starts,
// and this script, polling the cookie, puts the link's label back then.
(function () {
  "use strict";
  var POLL_MS = 250;
  var GIVE_UP_MS = 10 * 60 * 1000;

  function cookieHas(ticket) {
    return document.cookie.split("; ").indexOf("download=" + ticket) !== -1;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-download]");
    if (!link || link.dataset.preparing) {
      return;
    }
    var ticket = Math.random().toString(36).slice(2, 12);
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("download", ticket);
    link.href = url.toString();
    var label = link.textContent;
    link.dataset.preparing = "1";
    link.textContent = "Preparing " + label + "…";
    link.setAttribute("aria-busy", "true");
    var started = Date.now();
    var timer = window.setInterval(function () {
      if (cookieHas(ticket) || Date.now() - started > GIVE_UP_MS) {
        window.clearInterval(timer);
        document.cookie = "download=; Max-Age=0; path=/; SameSite=Lax";
        link.textContent = label;
        link.removeAttribute("aria-busy");
        delete link.dataset.preparing;
      }
    }, POLL_MS);
  });
})();
