// Polls the build's status and shows it; reloads into the results once it has finished.
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box) { return; }
  var bar = document.getElementById("bar");
  var text = document.getElementById("progress-text");
  var url = box.getAttribute("data-status");
  var failures = 0;

  function show(status) {
    if (status.state === "done" || status.state === "failed") { window.location.reload(); return; }
    if (status.planned) {
      bar.max = status.planned;
      bar.value = status.done || 0;
      text.textContent = "Built " + (status.done || 0) + " of " + status.planned + " article(s)";
    } else {
      text.textContent = status.message || status.state;
    }
    window.setTimeout(poll, 700);
  }
  function poll() {
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (status) { failures = 0; show(status); })
      .catch(function () {
        failures += 1;
        text.textContent = "Cannot reach the server; trying again.";
        window.setTimeout(poll, Math.min(10000, 700 * Math.pow(2, failures)));
      });
  }
  poll();
})();
