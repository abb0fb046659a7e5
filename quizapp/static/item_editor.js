// Item editor: a live preview of the item as students will see it, and a "mark the gap" button that writes
// the cloze syntax {{cN::...}} around the selected words. Without JavaScript the page shows the saved item.
(function () {
  "use strict";
  var GAP_RE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function value(form, name) {
    var field = form.elements.namedItem(name);
    return field ? field.value.trim() : "";
  }
  function lines(text) {
    return text.split("\n").map(function (l) { return l.trim(); }).filter(Boolean);
  }

  function clozeStem(text, gapName) {
    var stem = el("p", "stem cloze"), last = 0, match, answers = [];
    GAP_RE.lastIndex = 0;
    while ((match = GAP_RE.exec(text)) !== null) {
      stem.appendChild(document.createTextNode(text.slice(last, match.index)));
      var gap = el("input", "gap");
      gap.type = "text";
      gap.disabled = true;
      gap.size = Math.max(6, match[2].length + 2);
      gap.placeholder = match[3] || "";
      gap.setAttribute("aria-label", gapName.replace("N", match[1]));
      stem.appendChild(gap);
      answers.push(match[2]);
      last = GAP_RE.lastIndex;
    }
    stem.appendChild(document.createTextNode(text.slice(last)));
    return { stem: stem, answers: answers };
  }

  function render(form, target) {
    var preview = el("div", "preview"), text = value(form, "text");
    if (!text) {
      target.replaceChildren(el("p", "meta", target.dataset.empty));
      return;
    }
    var context = value(form, "source_context");
    if (context) preview.appendChild(el("p", "context", context));
    if (form.dataset.type === "mcq") {
      preview.appendChild(el("p", "stem", text));
      var answer = value(form, "answer"), options = el("ol", "preview-options");
      var all = lines(value(form, "distractors")).concat(answer ? [answer] : []);
      all.sort(function (a, b) { return a.localeCompare(b); });  // students get them shuffled
      all.forEach(function (option) {
        options.appendChild(el("li", option === answer ? "right-option" : "", option));
      });
      preview.appendChild(options);
    } else {
      var cloze = clozeStem(text, form.dataset.gapName);
      preview.appendChild(cloze.stem);
      var accepted = lines(value(form, "accept"));
      preview.appendChild(el("p", "meta", target.dataset.answerLabel + ": " + cloze.answers.join(" … ") +
                                          (accepted.length ? " · " + accepted.join(", ") : "")));
    }
    var sentence = value(form, "source_sentence");
    if (!sentence && form.dataset.type === "cloze") {  // what saving uses: the text with its gaps filled in
      sentence = text.replace(GAP_RE, function (whole, number, answer) { return answer; });
    }
    if (sentence) preview.appendChild(el("blockquote", "source-sentence", sentence));
    target.replaceChildren(preview);
  }

  function nextGapNumber(text) {
    var highest = 0, match;
    GAP_RE.lastIndex = 0;
    while ((match = GAP_RE.exec(text)) !== null) highest = Math.max(highest, parseInt(match[1], 10));
    return highest + 1;
  }

  function markGap(textarea) {
    var start = textarea.selectionStart, end = textarea.selectionEnd, text = textarea.value;
    var chosen = text.slice(start, end), number = nextGapNumber(text);
    var trimmed = chosen.trim(), before = chosen.slice(0, chosen.indexOf(trimmed));
    var after = chosen.slice(before.length + trimmed.length);
    var open = "{{c" + number + "::", written = before + open + trimmed + "}}" + after;
    textarea.focus();
    textarea.setRangeText(written, start, end, "end");
    if (!trimmed) textarea.setSelectionRange(start + before.length + open.length, start + before.length + open.length);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.edit-form[data-type]");
    var target = document.getElementById("live-preview");
    if (!form || !target) return;
    if (form.dataset.type === "cloze") {
      var textarea = form.elements.namedItem("text");
      var button = el("button", "gap-button", form.dataset.gapLabel);
      button.type = "button";
      button.id = "mark-gap";
      button.title = form.dataset.gapHelp;
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the selection
      button.addEventListener("click", function () { markGap(textarea); });
      textarea.insertAdjacentElement("afterend", button);
    }
    form.addEventListener("input", function () { render(form, target); });
    render(form, target);
  });
})();
