// Review queue by keyboard: j / k move between items, a approves, r retires, e edits the selected one.
(function () {
  "use strict";
  function items() { return Array.prototype.slice.call(document.querySelectorAll(".review-item")); }
  function selected() { return document.querySelector(".review-item.selected"); }
  function select(item) {
    items().forEach(function (other) { other.classList.remove("selected"); other.removeAttribute("aria-current"); });
    if (!item) return;
    item.classList.add("selected");
    item.setAttribute("aria-current", "true");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }
  function move(step) {
    var all = items();
    if (!all.length) return;
    var index = all.indexOf(selected());
    select(all[Math.max(0, Math.min(all.length - 1, index < 0 ? 0 : index + step))]);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var queue = document.getElementById("review-queue");
    if (!queue) return;
    var all = items();
    var position = parseInt(queue.dataset.position || "0", 10) || 0;
    select(all[Math.min(position, all.length - 1)]);
    queue.addEventListener("click", function (event) {
      var item = event.target.closest(".review-item");
      if (item && item !== selected()) select(item);
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !document.getElementById("review-queue")) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
                   target.isContentEditable)) return;
    if (event.key === "j") { move(1); event.preventDefault(); return; }
    if (event.key === "k") { move(-1); event.preventDefault(); return; }
    var item = selected();
    if (!item || ["a", "r", "e"].indexOf(event.key) < 0) return;
    var action = item.querySelector('[data-key="' + event.key + '"]');
    if (!action) return;
    event.preventDefault();
    if (action.tagName === "FORM") { action.requestSubmit(); } else { action.click(); }
  });
})();
