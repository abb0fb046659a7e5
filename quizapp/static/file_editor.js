// Whole-file editor: line numbers beside the text area, the lines with problems marked in them, and each
// problem's link selecting its line in the text. Without JavaScript the page lists each problem with its
// numbered lines, and the text area stays a plain text area.
(function () {
  "use strict";

  function lineStart(text, line) {
    var offset = 0;
    for (var n = 1; n < line; n++) {
      var next = text.indexOf("\n", offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    return offset;
  }

  function setUp(textarea) {
    var errors = {};
    var lines = (textarea.dataset.errorLines || "").split(",").filter(Boolean);
    var messages = (textarea.dataset.errorMessages || "").split("\n");
    lines.forEach(function (line, i) {
      errors[line] = (errors[line] ? errors[line] + "\n" : "") + (messages[i] || "");
    });
    var gutter = document.createElement("pre");
    gutter.className = "gutter";
    gutter.setAttribute("aria-hidden", "true");
    textarea.parentNode.insertBefore(gutter, textarea);
    textarea.parentNode.classList.add("numbered");
    var shown = -1;

    function number() {
      var count = textarea.value.split("\n").length;
      if (count === shown) return;
      shown = count;
      gutter.replaceChildren();
      for (var n = 1; n <= count; n++) {
        var cell = document.createElement("span");
        cell.textContent = String(n);
        if (errors[n]) {
          cell.className = "gutter-error";
          cell.title = errors[n];
        }
        gutter.appendChild(cell);
        gutter.appendChild(document.createTextNode("\n"));
      }
      gutter.style.minWidth = (String(count).length + 1.5) + "ch";
    }

    function sync() { gutter.scrollTop = textarea.scrollTop; }

    function goTo(line, column) {
      var text = textarea.value, start = lineStart(text, line);
      var end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      var lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
      textarea.focus({ preventScroll: true });
      textarea.setSelectionRange(Math.min(start + Math.max(column - 1, 0), end), end);
      textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 3);
      textarea.scrollIntoView({ block: "center" });
      sync();
    }

    textarea.addEventListener("input", number);
    textarea.addEventListener("scroll", sync);
    document.querySelectorAll(".problem-link[data-line]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        goTo(parseInt(link.dataset.line, 10), parseInt(link.dataset.column || "1", 10));
      });
    });
    function fit() { gutter.style.height = textarea.offsetHeight + "px"; sync(); }  // the text area sets the height
    if (window.ResizeObserver) new ResizeObserver(fit).observe(textarea);
    number();
    fit();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var textarea = document.querySelector(".code-editor textarea");
    if (textarea) setUp(textarea);
  });
})();
