// Review queue by keyboard: j / k move between items, a approves, r retires, e edits the selected one, u undoes.
// Review actions (one item, bulk, undo) are sent in the background and the page is updated in place; when
// that fails for any reason, the form is submitted as usual and the server answers with the whole page.
(function () {
  "use strict";
  function items() {
    return Array.prototype.slice.call(document.querySelectorAll(".review-item")).filter(function (item) {
      return !item.hidden;
    });
  }
  function selected() { return document.querySelector(".review-item.selected"); }
  function select(item) {
    Array.prototype.forEach.call(document.querySelectorAll(".review-item"), function (other) {
      other.classList.remove("selected"); other.removeAttribute("aria-current");
    });
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

  // The undo bar says what the last action did; other answers (errors, what an undo did) go above it.
  function showAnswer(answer) {
    var bar = document.getElementById("undo-bar"), status = document.getElementById("action-status");
    var what = document.getElementById("undo-what"), form = document.querySelector("#undo-bar form");
    if (!bar || !status || !what || !form) return;
    var own = answer.ok && answer.message === answer.undo;
    status.hidden = own;
    status.className = "flash " + (answer.ok ? "flash-success" : "flash-error");
    status.textContent = own ? "" : answer.message;
    what.textContent = answer.undo || "";
    form.hidden = !answer.undo;
    bar.hidden = false;
  }
  // An item's new status: the review queue shows drafts only, the deck list shows the new status.
  function applyStatus(id, change) {
    var article = document.querySelector('article[data-id="' + CSS.escape(id) + '"]');
    if (!article) return;
    if (article.classList.contains("review-item")) {
      var wasSelected = article === selected();
      var next = wasSelected ? items()[items().indexOf(article) + 1] || items()[items().indexOf(article) - 1] : null;
      article.hidden = change.status !== "draft";
      if (wasSelected && article.hidden) select(next);
    }
    var label = article.querySelector(".status");
    if (label) { label.className = "status status-" + change.status; label.textContent = change.label; }
    Array.prototype.forEach.call(article.querySelectorAll("form[data-status]"), function (form) {
      form.hidden = form.dataset.status === change.status;
    });
  }
  // The bulk form acts on what is shown now (items leave the review queue when they are approved).
  function refreshBulk(clearTicks) {
    var form = document.getElementById("bulk-form");
    if (!form) return;
    var shown = Array.prototype.slice.call(document.querySelectorAll("article[data-hash]")).filter(function (a) {
      return !a.hidden;
    });
    form.elements.items.value = shown.map(function (a) { return a.dataset.id + ":" + a.dataset.hash; }).join(" ");
    var count = form.querySelector(".shown-count");
    if (count) count.textContent = shown.length;
    Array.prototype.forEach.call(document.querySelectorAll('input[name="selected"]'), function (box) {
      if (clearTicks || box.closest("article").hidden) box.checked = false;
    });
  }

  function send(form, submitter) {
    var body = new FormData(form);
    if (submitter && submitter.name) body.append(submitter.name, submitter.value);
    if (form.id === "bulk-form") {
      refreshBulk(false);
      body.set("items", form.elements.items.value);  // ticked boxes are in `body` already (form="bulk-form")
    }
    return fetch(form.getAttribute("action"), { method: "POST", body: body, credentials: "same-origin",
                                headers: { "Accept": "application/json" } })
      .then(function (response) {
        if ((response.headers.get("Content-Type") || "").indexOf("application/json") < 0) throw new Error("no JSON");
        return response.json();
      })
      .then(function (answer) {
        Object.keys(answer.statuses || {}).forEach(function (id) { applyStatus(id, answer.statuses[id]); });
        refreshBulk(answer.ok && form.id === "bulk-form");
        var empty = document.getElementById("queue-empty");
        if (empty) empty.hidden = items().length > 0;
        showAnswer(answer);
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("js-review") || !window.fetch || !window.FormData) return;
    event.preventDefault();
    var submitter = event.submitter;
    var buttons = form.querySelectorAll("button");
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    send(form, submitter).catch(function () {
      if (submitter && submitter.name) {
        var hidden = document.createElement("input");
        hidden.type = "hidden"; hidden.name = submitter.name; hidden.value = submitter.value;
        form.appendChild(hidden);
      }
      HTMLFormElement.prototype.submit.call(form);  // the server answers with the whole page
    }).then(function () {
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
    });
  });

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
    if (event.key === "u") {
      var undo = document.querySelector('#undo-bar form[data-key="u"]');
      if (undo && !undo.hidden && !document.getElementById("undo-bar").hidden) {
        event.preventDefault();
        undo.requestSubmit();
      }
      return;
    }
    var item = selected();
    if (!item || ["a", "r", "e"].indexOf(event.key) < 0) return;
    var action = item.querySelector('[data-key="' + event.key + '"]');
    if (!action) return;
    event.preventDefault();
    if (action.tagName === "FORM") { action.requestSubmit(); } else { action.click(); }
  });
})();
