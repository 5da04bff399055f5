// The drop zone: files dropped on it join those chosen with the file input, which
// stays the way to choose them with the keyboard. Without JavaScript the form works too.
(function () {
  "use strict";
  var zone = document.getElementById("drop-zone");
  var input = document.getElementById("files");
  var chosen = document.getElementById("files-chosen");
  if (!zone || !input || typeof DataTransfer === "undefined") { return; }

  function tell() {
    var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
    chosen.textContent = names.length ? names.length + " file(s) chosen: " + names.join(", ") : "";
  }
  input.addEventListener("change", tell);
  ["dragenter", "dragover"].forEach(function (kind) {
    zone.addEventListener(kind, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("over");
    var all = new DataTransfer();
    Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
    Array.prototype.forEach.call(event.dataTransfer.files, function (f) { all.items.add(f); });
    input.files = all.files;
    tell();
  });
})();
