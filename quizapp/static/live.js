// Live quiz pages: follow the game without reloading. The server tells of changes by server-sent events
// ("<version> <stage>"); the page then fetches its panel again. A student's page refetches only when the
// stage moves on (data-refetch="stage"), the projector on every change. Without EventSource, or when the
// stream keeps failing, the page polls. The countdown counts from the server's remaining milliseconds.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-panel]");
  if (!root) return;
  var panelUrl = root.getAttribute("data-panel-url");
  var eventsUrl = root.getAttribute("data-events-url");
  var byStage = root.getAttribute("data-refetch") === "stage";
  var version = parseInt(root.getAttribute("data-version"), 10) || 0;
  var stage = null;
  var fetching = false, again = false, timer = null, poller = null, failures = 0, source = null;

  function panel() { return root.querySelector(".live-panel"); }

  function refresh() {
    if (fetching) { again = true; return; }
    fetching = true;
    fetch(panelUrl, { cache: "no-store", credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) {
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var fresh = holder.querySelector(".live-panel");
      var old = panel();
      if (fresh && (!old || fresh.getAttribute("data-key") !== old.getAttribute("data-key") || !byStage)) {
        var focused = document.activeElement && old && old.contains(document.activeElement);
        root.replaceChildren(fresh);
        wire();
        if (focused || byStage) {
          var target = fresh.querySelector("input.gap, .tile, h1");
          if (target) { if (target.tagName === "H1") target.setAttribute("tabindex", "-1"); target.focus(); }
        }
      }
    }).catch(function () { /* the next notice or poll tries again */ }).then(function () {
      fetching = false;
      if (again) { again = false; refresh(); }
    });
  }

  function countdown() {
    if (timer) { clearInterval(timer); timer = null; }
    var clock = root.querySelector("[data-ends-in]");
    if (!clock) return;
    var ends = performance.now() + (parseInt(clock.getAttribute("data-ends-in"), 10) || 0);
    function tick() {
      var left = Math.max(0, Math.ceil((ends - performance.now()) / 1000));
      clock.textContent = String(left);
      if (left <= 5) clock.classList.add("soon");
      if (left === 0) { clearInterval(timer); timer = null; setTimeout(refresh, 300); }
    }
    tick();
    timer = setInterval(tick, 250);
  }

  function wire() {
    countdown();
    root.querySelectorAll("form.live-answer").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var data = new FormData(form);
        if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
        form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
        fetch(form.action, { method: "POST", body: data, credentials: "same-origin",
                             headers: { "X-Live-Answer": "1" } })
          .then(function (response) {
            if (response.status === 409) {  // refused (too late, empty): say why where the answer was
              return response.text().then(function (message) {
                var note = form.parentNode.querySelector(".live-refusal") || document.createElement("p");
                note.className = "flash flash-error live-refusal";
                note.setAttribute("role", "alert");
                note.textContent = message;
                form.parentNode.insertBefore(note, form);
                form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
              });
            }
            if (!response.ok) throw new Error(response.status);
          })
          .catch(function () { form.submit(); })
          .then(refresh);
      });
    });
  }

  function poll() {
    if (poller) return;
    poller = setInterval(refresh, 2000);
  }

  function listen() {
    if (!window.EventSource) { poll(); return; }
    source = new EventSource(eventsUrl + "?v=" + version);
    source.onmessage = function (event) {
      failures = 0;
      var parts = String(event.data).split(" ");
      var newVersion = parseInt(parts[0], 10) || 0;
      var newStage = parts.slice(1).join(" ");
      if (newVersion <= version) return;
      version = newVersion;
      if (!byStage || newStage !== stage) { stage = newStage; refresh(); }
    };
    source.onerror = function () {
      failures += 1;
      if (failures >= 3 || source.readyState === EventSource.CLOSED) {
        source.close();
        poll();
        setTimeout(function () { if (poller) { clearInterval(poller); poller = null; } failures = 0; listen(); }, 30000);
      }
    };
  }

  wire();
  listen();
  document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });
})();
