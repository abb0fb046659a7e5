// Keyboard use of the quiz: keys 1-9 pick an option, Enter checks; Enter on feedback goes on.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var form = document.getElementById("answer-form");
    var target = event.target;
    var typing = target && (target.tagName === "TEXTAREA" ||
      (target.tagName === "INPUT" && target.type !== "radio" && target.type !== "checkbox"));
    if (form && !typing && /^[1-9]$/.test(event.key)) {
      var options = form.querySelectorAll("input[type=radio]");
      var option = options[parseInt(event.key, 10) - 1];
      if (option) { option.checked = true; option.focus(); event.preventDefault(); }
      return;
    }
    if (event.key === "Enter" && form && form.contains(target) && target.type === "radio") {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    if (event.key === "Enter" && !form && !typing) {
      var next = document.getElementById("next");
      if (next && target !== next && target.tagName !== "BUTTON" && target.tagName !== "A") {
        event.preventDefault();
        next.click();
      }
    }
  });
  // Lets a page (and the browser tests) know the shortcuts are live.
  document.documentElement.dataset.keys = "ready";
  // A second click on "Check" while the first is on its way sends nothing more.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.sent) { event.preventDefault(); return; }
    form.dataset.sent = "1";
  });
})();
