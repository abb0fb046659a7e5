// Job page: ask the server every second how far the job is, show it, and go on when it is done.
// Without JavaScript the page refreshes itself (<noscript> meta refresh) and shows the same.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("job");
    if (!box || box.dataset.state === "failed" || box.dataset.state === "done") return;
    var message = document.getElementById("job-message");
    function poll() {
      fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (status) {
          if (!status) { window.setTimeout(poll, 3000); return; }
          if (status.next) { window.location.assign(status.next); return; }
          if (status.state === "failed") { window.location.reload(); return; }
          if (message && message.textContent !== status.message) message.textContent = status.message;
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
  });
})();
