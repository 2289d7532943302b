/**
 * The one client script (progressive enhancement, no framework): the search box's autocomplete as an ARIA
 * combobox, and "Show more" buttons that append the next items of a neighbour section in place.
 * Every page works without it.
 */

/** The script's source, served under a content-hashed URL. */
export const CLIENT_SCRIPT = `(function () {
  "use strict";
  var seq = 0;
  function href(type, id) { return "/" + encodeURIComponent(type) + "/" + encodeURIComponent(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function combobox(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) return;
    var names = JSON.parse(list.getAttribute("data-types") || "{}");
    var options = [], active = -1, timer = 0, last = "";
    function close() {
      list.hidden = true; input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant"); active = -1;
    }
    function select(i) {
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = i;
      if (i < 0 || !options[i]) { input.removeAttribute("aria-activedescendant"); return; }
      options[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    }
    function render(items) {
      list.textContent = ""; options = []; active = -1;
      if (!items.length) { close(); return; }
      var groups = {};
      var order = [];
      items.forEach(function (item) {
        if (!groups[item.type]) { groups[item.type] = []; order.push(item.type); }
        groups[item.type].push(item);
      });
      order.forEach(function (type) {
        var group = el("div", "t-" + type);
        group.setAttribute("role", "group");
        var head = el("div", "grp", names[type] || type);
        head.id = "ac-g-" + (++seq);
        head.setAttribute("role", "presentation");
        group.setAttribute("aria-labelledby", head.id);
        group.appendChild(head);
        groups[type].forEach(function (item) {
          var opt = el("div");
          opt.id = "ac-o-" + (++seq);
          opt.setAttribute("role", "option");
          opt.setAttribute("aria-selected", "false");
          opt.setAttribute("data-href", href(item.type, item.id));
          opt.appendChild(el("span", "", item.name));
          opt.addEventListener("mousedown", function (e) { e.preventDefault(); location.href = opt.getAttribute("data-href"); });
          group.appendChild(opt);
          options.push(opt);
        });
        list.appendChild(group);
      });
      list.hidden = false; input.setAttribute("aria-expanded", "true");
    }
    function query() {
      var q = input.value.trim();
      if (q === last) return;
      last = q;
      if (!q) { render([]); return; }
      fetch("/api/autocomplete?limit=8&q=" + encodeURIComponent(q), { headers: { accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (body) { if (q === input.value.trim()) render(body.items || []); })
        .catch(function () { render([]); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(query, 120); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (list.hidden) { last = ""; query(); return; }
        e.preventDefault();
        var n = options.length;
        if (!n) return;
        select(e.key === "ArrowDown" ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (e.key === "Enter" && !list.hidden && active >= 0 && options[active]) {
        e.preventDefault();
        location.href = options[active].getAttribute("data-href");
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  function showMore(button) {
    var list = document.getElementById(button.getAttribute("data-list"));
    if (!list) return;
    button.addEventListener("click", function (e) {
      e.preventDefault();
      var offset = list.children.length;
      var total = Number(button.getAttribute("data-total"));
      button.setAttribute("aria-busy", "true");
      fetch(button.getAttribute("data-more") + "&offset=" + offset)
        .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
        .then(function (text) {
          var box = document.createElement("ul");
          box.innerHTML = text;
          var first = box.firstElementChild;
          while (box.firstElementChild) list.appendChild(box.firstElementChild);
          button.removeAttribute("aria-busy");
          if (list.children.length >= total || !first) button.hidden = true;
          var link = first && first.querySelector("a");
          if (link) link.focus();
        })
        .catch(function () { location.href = button.href; });
    });
  }
  document.querySelectorAll("input[role=combobox]").forEach(combobox);
  document.querySelectorAll("a[data-more]").forEach(showMore);
})();
`;
