// The Print button of the reports and the breakdown sheet: the site's Content-Security-Policy blocks a `javascript:` link, so the
// button is wired here, and shown only once this script has run (without it, it would do nothing).
(function () {
  "use strict";
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
