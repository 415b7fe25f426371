// LinkGraph case report: pan and zoom, search, details panel, filters, "as of" date, path,
// reporting chain, centrality table and permalink, over the case embedded in the page.
// Every string of the case reaches the page through textContent, never as markup.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("case-data").textContent);
  const $ = (id) => document.getElementById(id);
  const entities = data.entities;
  const relations = data.relations;
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const entityIndex = new Map(entities.map((e, i) => [e.id, i]));
  const outgoing = entities.map(() => []);
  const incoming = entities.map(() => []);
  for (const r of relations) {
    outgoing[entityIndex.get(r.source)].push(r.i);
    incoming[entityIndex.get(r.target)].push(r.i);
  }

  // ----- Small helpers -------------------------------------------------------------------

  /** An element with text children (strings become text nodes, never markup). */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    }
    return node;
  }
  const linkButton = (text, onclick) => h("button", { type: "button", class: "link", onclick: onclick }, text);
  const nameOf = (id) => (entityIndex.has(id) ? entities[entityIndex.get(id)].name : id);
  const fmt = (x) => (x === null || x === undefined ? "–" : Number(x).toPrecision(4).replace(/\.?0+$/, ""));
  function dates(r) {
    if (r.from && r.until) return r.from === r.until ? r.from : r.from + " to " + r.until;
    if (r.from) return "from " + r.from;
    if (r.until) return "until " + r.until;
    return "";
  }
  /** Earliest and latest day of a partial date (YYYY, YYYY-MM, YYYY-MM-DD), comparable as strings. */
  const earliest = (d) => d + ["-01-01", "-01", ""][d.split("-").length - 1];
  const latest = (d) => d + ["-12-31", "-31", ""][d.split("-").length - 1];
  /** Whether relation r may hold on date d: its [from, until] overlaps the date (open ends unbounded). */
  const validOn = (r, d) => !(r.from && earliest(r.from) > latest(d)) && !(r.until && latest(r.until) < earliest(d));

  // ----- The drawing: elements by entity and relation -------------------------------------

  const drawing = $("drawing");
  const svg = drawing.querySelector("svg");
  const byElementId = new Map();
  for (const g of drawing.querySelectorAll("g[id]")) byElementId.set(g.id, g);
  const entityElement = entities.map((e) => byElementId.get(e.svg) || null);
  const relationElement = relations.map((r) => byElementId.get("relation-" + r.i) || null);
  const entityOfElement = new Map();
  entityElement.forEach((g, i) => g && !entityOfElement.has(g) && entityOfElement.set(g, i));

  if (data.drawing.note) {
    $("drawing-note").textContent = data.drawing.note;
    $("drawing-note").hidden = false;
  }

  // ----- Pan and zoom (the SVG's viewBox) -------------------------------------------------

  const home = svg ? svg.viewBox.baseVal : null;
  const full = home ? { x: home.x, y: home.y, w: home.width, h: home.height } : null;
  let view = full ? { ...full } : null;
  if (svg) {
    svg.removeAttribute("width");
    svg.removeAttribute("height");
  }
  function applyView() {
    if (svg) svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }
  function zoom(factor, cx, cy) {
    if (!view) return;
    const px = cx === undefined ? view.x + view.w / 2 : cx;
    const py = cy === undefined ? view.y + view.h / 2 : cy;
    const w = Math.min(Math.max(view.w / factor, full.w / 200), full.w * 20);
    const k = w / view.w;
    view = { x: px - (px - view.x) * k, y: py - (py - view.y) * k, w: w, h: view.h * k };
    applyView();
  }
  /** The point of the drawing under client coordinates (x, y). */
  function toDrawing(x, y) {
    const p = svg.createSVGPoint();
    p.x = x;
    p.y = y;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function pan(dx, dy) {
    if (!view) return;
    const scale = 1 / svg.getScreenCTM().a;
    view.x -= dx * scale;
    view.y -= dy * scale;
    applyView();
  }
  function fit() {
    if (!view) return;
    view = { ...full };
    applyView();
  }
  /** One drawing unit to one screen pixel, centred where the view is centred. */
  function reset() {
    if (!view) return;
    const w = drawing.clientWidth, hgt = drawing.clientHeight;
    view = { x: view.x + view.w / 2 - w / 2, y: view.y + view.h / 2 - hgt / 2, w: w, h: hgt };
    applyView();
  }
  /** Pans the view so that element g is in its centre, keeping the zoom. */
  function centreOn(g) {
    if (!view || !g) return;
    const box = g.getBoundingClientRect();
    const c = toDrawing(box.left + box.width / 2, box.top + box.height / 2);
    view = { x: c.x - view.w / 2, y: c.y - view.h / 2, w: view.w, h: view.h };
    applyView();
  }
  /** Fits the view to the elements (a path, a chain), with a margin; the whole drawing when none is drawn. */
  function showElements(elements) {
    const boxes = elements.filter((g) => g).map((g) => g.getBoundingClientRect());
    if (!view || !boxes.length) return;
    const a = toDrawing(Math.min(...boxes.map((b) => b.left)), Math.min(...boxes.map((b) => b.top)));
    const b = toDrawing(Math.max(...boxes.map((b) => b.right)), Math.max(...boxes.map((b) => b.bottom)));
    const margin = 40;
    view = { x: a.x - margin, y: a.y - margin, w: b.x - a.x + 2 * margin, h: b.y - a.y + 2 * margin };
    applyView();
  }
  $("zoom-in").addEventListener("click", () => zoom(1.25));
  $("zoom-out").addEventListener("click", () => zoom(0.8));
  $("fit").addEventListener("click", fit);
  $("reset").addEventListener("click", reset);
  drawing.addEventListener(
    "wheel",
    (event) => {
      if (!view) return;
      event.preventDefault();
      if (event.ctrlKey || Math.abs(event.deltaY) >= Math.abs(event.deltaX) * 2) {
        const p = toDrawing(event.clientX, event.clientY);
        zoom(Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015)), p.x, p.y);
      } else {
        pan(-event.deltaX, -event.deltaY);
      }
    },
    { passive: false }
  );
  let drag = null;
  drawing.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, moved: false };
  });
  drawing.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) drawing.setPointerCapture(event.pointerId);
    drag.moved = true;
    drawing.classList.add("panning");
    pan(dx, dy);
    drag.x = event.clientX;
    drag.y = event.clientY;
  });
  drawing.addEventListener("pointerup", () => {
    drawing.classList.remove("panning");
    setTimeout(() => (drag = null), 0);
  });
  drawing.addEventListener("keydown", (event) => {
    const step = 60;
    const keys = {
      ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0),
      ArrowUp: () => pan(0, step), ArrowDown: () => pan(0, -step),
      "+": () => zoom(1.25), "=": () => zoom(1.25), "-": () => zoom(0.8), "0": fit,
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });
  drawing.addEventListener("click", (event) => {
    if (drag && drag.moved) return;
    const g = event.target.closest("g.node[id], g.edge[id]");
    if (!g) return;
    if (entityOfElement.has(g)) select({ entity: entityOfElement.get(g) });
    else if (g.id.startsWith("relation-")) select({ relation: Number(g.id.slice("relation-".length)) });
  });

  // ----- State: selection, filters, date, path; kept in the URL fragment ------------------

  const entityKinds = [...new Set(entities.map((e) => e.kind))].sort();
  const relationKinds = [...new Set(relations.map((r) => r.kind))].sort();
  const state = {
    selected: null, // {entity: i} or {relation: i}
    hiddenEntityKinds: new Set(),
    hiddenRelationKinds: new Set(),
    minConfidence: 0,
    hide: false,
    date: null,
    path: null, // [from id, to id]
    chain: null, // entity index whose reporting chain is lit
  };

  function relationShown(r) {
    if (state.hiddenRelationKinds.has(r.kind)) return false;
    if (r.confidence < state.minConfidence) return false;
    if (state.date && !validOn(r, state.date)) return false;
    const s = entities[entityIndex.get(r.source)], t = entities[entityIndex.get(r.target)];
    return !state.hiddenEntityKinds.has(s.kind) && !state.hiddenEntityKinds.has(t.kind);
  }
  function entityShown(i, shownRelations) {
    if (state.hiddenEntityKinds.has(entities[i].kind)) return false;
    if (!state.date) return true;
    const own = outgoing[i].concat(incoming[i]);
    return own.length === 0 || own.some((r) => shownRelations[r]);
  }

  /** Fades (or hides) what the filters and the date leave out, and counts what is left. */
  function applyFilters() {
    const shownRelations = relations.map((r) => relationShown(r));
    let entityCount = 0;
    entities.forEach((e, i) => {
      const shown = entityShown(i, shownRelations);
      if (shown) entityCount++;
      const g = entityElement[i];
      if (g) {
        g.classList.toggle("faded", !shown && !state.hide);
        g.classList.toggle("hidden", !shown && state.hide);
      }
    });
    let relationCount = 0;
    relations.forEach((r, i) => {
      if (shownRelations[i]) relationCount++;
      const g = relationElement[i];
      if (g) {
        g.classList.toggle("faded", !shownRelations[i] && !state.hide);
        g.classList.toggle("hidden", !shownRelations[i] && state.hide);
      }
    });
    $("counts").textContent =
      `${entityCount} of ${entities.length} entities and ${relationCount} of ${relations.length} ` +
      `relations pass the filters${state.date ? " on " + state.date : ""}.`;
  }

  function writeFragment() {
    const p = new URLSearchParams();
    if (state.selected && "entity" in state.selected) p.set("entity", entities[state.selected.entity].id);
    if (state.selected && "relation" in state.selected) p.set("relation", String(state.selected.relation));
    if (state.hiddenEntityKinds.size) p.set("hideEntityKinds", [...state.hiddenEntityKinds].join(","));
    if (state.hiddenRelationKinds.size) p.set("hideRelationKinds", [...state.hiddenRelationKinds].join(","));
    if (state.minConfidence > 0) p.set("minConfidence", String(state.minConfidence));
    if (state.hide) p.set("hide", "1");
    if (state.date) p.set("date", state.date);
    if (state.path) p.set("path", state.path.join(","));
    if (state.chain !== null) p.set("chain", entities[state.chain].id);
    const fragment = "#" + p.toString();
    $("permalink").href = fragment;
    if (location.hash !== fragment) history.replaceState(null, "", fragment === "#" ? location.pathname : fragment);
  }

  function readFragment() {
    const p = new URLSearchParams(location.hash.slice(1));
    const list = (key) => new Set((p.get(key) || "").split(",").filter((x) => x));
    state.hiddenEntityKinds = list("hideEntityKinds");
    state.hiddenRelationKinds = list("hideRelationKinds");
    state.minConfidence = Math.min(Math.max(Number(p.get("minConfidence")) || 0, 0), 1);
    state.hide = p.get("hide") === "1";
    state.date = data.dates.includes(p.get("date")) ? p.get("date") : null;
    const path = (p.get("path") || "").split(",");
    state.path = path.length === 2 && entityIndex.has(path[0]) && entityIndex.has(path[1]) ? path : null;
    state.chain = entityIndex.has(p.get("chain")) ? entityIndex.get(p.get("chain")) : null;
    let selected = null;
    if (entityIndex.has(p.get("entity"))) selected = { entity: entityIndex.get(p.get("entity")) };
    const r = Number(p.get("relation"));
    if (p.has("relation") && Number.isInteger(r) && r >= 0 && r < relations.length) selected = { relation: r };
    syncControls();
    applyFilters();
    if (state.path) findPath(state.path[0], state.path[1]);
    else if (state.chain !== null) showChain(state.chain);
    else clearHighlight();
    if (selected) select(selected, { keepHighlight: true });
    else writeFragment();
  }

  // ----- Filter controls ------------------------------------------------------------------

  function kindBoxes(fieldset, kinds, key, counts) {
    for (const kind of kinds) {
      const box = h("input", { type: "checkbox", value: kind });
      box.checked = true;
      box.addEventListener("change", () => {
        if (box.checked) state[key].delete(kind);
        else state[key].add(kind);
        applyFilters();
        writeFragment();
      });
      fieldset.append(h("label", {}, box, " " + kind + " ", h("span", { class: "kind" }, `(${counts[kind]})`)));
    }
  }
  const countBy = (items, key) => items.reduce((c, x) => ((c[x[key]] = (c[x[key]] || 0) + 1), c), {});
  kindBoxes($("entity-kinds"), entityKinds, "hiddenEntityKinds", countBy(entities, "kind"));
  kindBoxes($("relation-kinds"), relationKinds, "hiddenRelationKinds", countBy(relations, "kind"));
  $("confidence").addEventListener("input", () => {
    state.minConfidence = Number($("confidence").value);
    $("confidence-value").textContent = String(state.minConfidence);
    applyFilters();
    writeFragment();
  });
  $("hide-filtered").addEventListener("change", () => {
    state.hide = $("hide-filtered").checked;
    applyFilters();
    writeFragment();
  });
  $("date").max = String(data.dates.length);
  $("date").setAttribute("aria-valuetext", "every date");
  $("date").addEventListener("input", () => {
    const step = Number($("date").value);
    state.date = step === 0 ? null : data.dates[step - 1];
    syncDateLabel();
    applyFilters();
    writeFragment();
  });
  function syncDateLabel() {
    const text = state.date || "every date";
    $("date-value").textContent = text;
    $("date").setAttribute("aria-valuetext", text);
  }
  /** Puts the controls in line with the state (after reading a fragment). */
  function syncControls() {
    const groups = [["entity-kinds", state.hiddenEntityKinds], ["relation-kinds", state.hiddenRelationKinds]];
    for (const [fieldset, hidden] of groups) {
      for (const box of $(fieldset).querySelectorAll("input")) box.checked = !hidden.has(box.value);
    }
    $("confidence").value = String(state.minConfidence);
    $("confidence-value").textContent = String(state.minConfidence);
    $("hide-filtered").checked = state.hide;
    $("date").value = String(state.date ? data.dates.indexOf(state.date) + 1 : 0);
    syncDateLabel();
  }

  // ----- Search ---------------------------------------------------------------------------

  const search = $("search"), results = $("results");
  let matches = [], active = -1;
  function entityMatches(query, limit) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const scored = [];
    entities.forEach((e, i) => {
      let best = 3;
      for (const name of [e.name].concat(e.aliases)) {
        const n = name.toLowerCase();
        if (n === q) best = Math.min(best, 0);
        else if (n.startsWith(q)) best = Math.min(best, 1);
        else if (n.includes(q)) best = Math.min(best, 2);
      }
      if (e.id.toLowerCase() === q) best = 0;
      if (best < 3) scored.push([best, i]);
    });
    scored.sort((a, b) => a[0] - b[0] || entities[a[1]].name.localeCompare(entities[b[1]].name));
    return scored.slice(0, limit).map((x) => x[1]);
  }
  function showResults() {
    matches = entityMatches(search.value, 20);
    active = matches.length ? 0 : -1;
    results.replaceChildren(
      ...matches.map((i, n) => {
        const e = entities[i];
        const alias = e.aliases.find((a) => a.toLowerCase().includes(search.value.trim().toLowerCase()));
        return h(
          "li",
          { id: "result-" + n, role: "option", "aria-selected": String(n === active), onclick: () => choose(n) },
          e.name, " ", h("span", { class: "kind" }, e.kind + (alias ? " · also " + alias : ""))
        );
      })
    );
    results.hidden = matches.length === 0;
    search.setAttribute("aria-expanded", String(matches.length > 0));
    markActive();
    if (matches.length) highlightEntity(matches[0]);
  }
  function markActive() {
    results.querySelectorAll("li").forEach((li, n) => li.setAttribute("aria-selected", String(n === active)));
    if (active >= 0) {
      search.setAttribute("aria-activedescendant", "result-" + active);
      results.children[active].scrollIntoView({ block: "nearest" });
    } else search.removeAttribute("aria-activedescendant");
  }
  function choose(n) {
    results.hidden = true;
    search.setAttribute("aria-expanded", "false");
    select({ entity: matches[n] }, { focusPanel: true });
  }
  /** Marks entity i in the drawing and brings it into view, without opening the panel. */
  function highlightEntity(i) {
    for (const g of drawing.querySelectorAll("g.selected")) g.classList.remove("selected");
    if (entityElement[i]) {
      entityElement[i].classList.add("selected");
      centreOn(entityElement[i]);
    }
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!matches.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      markActive();
      highlightEntity(matches[active]);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      results.hidden = true;
      search.setAttribute("aria-expanded", "false");
    }
  });

  // ----- The details panel ----------------------------------------------------------------

  const panelBody = $("panel-body");
  const entityButton = (id) =>
    entityIndex.has(id)
      ? linkButton(nameOf(id), () => select({ entity: entityIndex.get(id) }, { focusPanel: true }))
      : h("span", {}, id);

  /** One piece of evidence: the passage with its span marked, else the quotation, else the place. */
  function evidenceBlock(ev) {
    const doc = documents.get(ev.document);
    const where = (doc && doc.title ? doc.title + " (" + ev.document + ")" : ev.document) +
      (ev.start !== undefined && ev.end !== undefined ? `, bytes ${ev.start}–${ev.end}` : "");
    const block = h("blockquote", { class: "evidence" });
    if (doc && doc.text !== undefined && ev.start !== undefined && ev.end !== undefined) {
      const bytes = doc.bytes || (doc.bytes = new TextEncoder().encode(doc.text));
      const decode = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
      const start = Math.max(0, Math.min(ev.start, bytes.length));
      const end = Math.max(start, Math.min(ev.end, bytes.length));
      let a = Math.max(0, start - 200), b = Math.min(bytes.length, end + 200);
      while (a > 0 && (bytes[a] & 0xc0) === 0x80) a++;
      while (b < bytes.length && (bytes[b] & 0xc0) === 0x80) b--;
      block.append(
        a > 0 ? "…" : "", decode(a, start), h("mark", {}, decode(start, end)), decode(end, b),
        b < bytes.length ? "…" : ""
      );
    } else if (ev.text) {
      block.append("“", ev.text, "”");
    } else {
      block.append(h("span", { class: "not-drawn" }, "The document's text is not in this report."));
    }
    block.append(h("cite", {}, where));
    return block;
  }

  function relationLine(r, other) {
    const rel = relations[r];
    const parts = [dates(rel), rel.confidence < 1 ? "confidence " + fmt(rel.confidence) : ""].filter((x) => x);
    return h(
      "li", {},
      linkButton(nameOf(other), () => select({ relation: r }, { focusPanel: true })),
      parts.length ? " (" + parts.join(", ") + ")" : "",
      relationElement[r] ? "" : h("span", { class: "not-drawn" }, " not in the drawing"),
      rel.evidence.map(evidenceBlock)
    );
  }

  /** Relations listed at first per kind: a hub's hundreds would take the page long to lay out. */
  const groupLimit = 10;
  function groupedRelations(title, list, otherEnd) {
    if (!list.length) return [];
    const groups = new Map();
    for (const r of list) {
      const kind = relations[r].kind;
      if (!groups.has(kind)) groups.set(kind, []);
      groups.get(kind).push(r);
    }
    const out = [h("h4", {}, `${title} (${list.length})`)];
    for (const kind of [...groups.keys()].sort()) {
      const all = groups.get(kind);
      const list = h("ul", {}, all.slice(0, groupLimit).map((r) => relationLine(r, otherEnd(relations[r]))));
      out.push(h("h5", {}, `${kind} (${all.length})`), list);
      if (all.length > groupLimit) {
        const more = linkButton(`Show the other ${all.length - groupLimit}`, () => {
          list.append(...all.slice(groupLimit).map((r) => relationLine(r, otherEnd(relations[r]))));
          more.remove();
        });
        out.push(more);
      }
    }
    return out;
  }

  function attributeRows(attributes) {
    return Object.entries(attributes || {}).flatMap(([key, value]) => [
      h("dt", {}, key), h("dd", {}, typeof value === "string" ? value : JSON.stringify(value)),
    ]);
  }

  function entityPanel(i) {
    const e = entities[i];
    const own = outgoing[i].concat(incoming[i]).map((r) => relations[r]);
    const allDates = own.flatMap((r) => [r.from, r.until]).filter((d) => d).sort();
    const c = data.centrality;
    return [
      h("h3", { id: "panel-title" }, e.name),
      h("dl", {},
        h("dt", {}, "Kind"), h("dd", { "data-field": "kind" }, e.kind),
        h("dt", {}, "Id"), h("dd", { "data-field": "id" }, e.id),
        e.aliases.length ? [h("dt", {}, "Aliases"), h("dd", { "data-field": "aliases" }, e.aliases.join("; "))] : [],
        attributeRows(e.attributes),
        h("dt", {}, "Dates"),
        h("dd", { "data-field": "dates" },
          allDates.length ? allDates[0] + " to " + allDates[allDates.length - 1] : "none given"),
        h("dt", {}, "Centrality"),
        h("dd", {},
          `degree ${fmt(c.degree[i])}, betweenness ${fmt(c.betweenness[i])}, PageRank ${fmt(c.pagerank[i])}`)
      ),
      entityElement[i] ? [] : h("p", { class: "not-drawn" }, "This entity is not in the drawing."),
      h("button", { type: "button", id: "chain-button", onclick: () => { showChain(i); writeFragment(); } },
        "Who reports to whom"),
      h("div", { id: "chain-result" }),
      h("section", { "aria-label": "Relations out" }, groupedRelations("Out", outgoing[i], (r) => r.target)),
      h("section", { "aria-label": "Relations in" }, groupedRelations("In", incoming[i], (r) => r.source)),
    ];
  }

  function relationPanel(r) {
    const rel = relations[r];
    return [
      h("h3", { id: "panel-title" }, `${nameOf(rel.source)} ${rel.kind} ${nameOf(rel.target)}`),
      h("dl", {},
        h("dt", {}, "Kind"), h("dd", { "data-field": "kind" }, rel.kind),
        h("dt", {}, rel.directed ? "From" : "Between"), h("dd", {}, entityButton(rel.source)),
        h("dt", {}, rel.directed ? "To" : "And"), h("dd", {}, entityButton(rel.target)),
        h("dt", {}, "Direction"), h("dd", {}, rel.directed ? "one way" : "both ways"),
        h("dt", {}, "Confidence"), h("dd", { "data-field": "confidence" }, fmt(rel.confidence)),
        h("dt", {}, "Dates"), h("dd", { "data-field": "dates" }, dates(rel) || "none given"),
        attributeRows(rel.attributes)
      ),
      relationElement[r] ? [] : h("p", { class: "not-drawn" }, "This relation is not in the drawing."),
      h("h4", {}, `Evidence (${rel.evidence.length})`),
      rel.evidence.length
        ? h("div", { class: "evidence-list" }, rel.evidence.map(evidenceBlock))
        : h("p", {}, "No evidence recorded."),
    ];
  }

  function select(what, options = {}) {
    state.selected = what;
    for (const g of drawing.querySelectorAll("g.selected")) g.classList.remove("selected");
    let g = null;
    if ("entity" in what) {
      panelBody.replaceChildren(...entityPanel(what.entity).flat());
      g = entityElement[what.entity];
    } else {
      panelBody.replaceChildren(...relationPanel(what.relation).flat());
      g = relationElement[what.relation];
    }
    if (g) g.classList.add("selected");
    const ownChain = "entity" in what && what.entity === state.chain;
    if (!options.keepHighlight && state.chain !== null && !ownChain) clearHighlight();
    if (options.keepHighlight && state.chain !== null && "entity" in what) describeChain(state.chain);
    markTableRow();
    if (options.focusPanel) {
      if (g) centreOn(g);
      $("panel").focus();
    }
    writeFragment();
  }

  // ----- Highlights: a path or a reporting chain ------------------------------------------

  function highlight(entitySet, relationSet) {
    clearLit();
    document.body.classList.add("highlighting");
    entitySet.forEach((i) => entityElement[i] && entityElement[i].classList.add("lit"));
    relationSet.forEach((r) => relationElement[r] && relationElement[r].classList.add("lit"));
  }
  function clearLit() {
    for (const g of drawing.querySelectorAll("g.lit")) g.classList.remove("lit");
  }
  function clearHighlight() {
    clearLit();
    document.body.classList.remove("highlighting");
    state.path = null;
    state.chain = null;
    $("path-hops").replaceChildren();
    $("path-message").textContent = "";
  }

  /** Entity by id, name or alias, case-insensitively (exact match first). */
  function resolve(text) {
    const q = text.trim().toLowerCase();
    if (!q) return null;
    const named = (e) => e.id.toLowerCase() === q || [e.name].concat(e.aliases).some((n) => n.toLowerCase() === q);
    const exact = entities.findIndex(named);
    if (exact >= 0) return exact;
    const found = entityMatches(text, 2);
    return found.length === 1 ? found[0] : null;
  }

  /**
   * Fewest-hops path by breadth-first search, as `linkgraph path --via KINDS` finds it: a
   * directed relation is an arc source → target, an undirected one an arc each way; arcs are
   * tried in case-file order, so ties go the same way.
   */
  function shortestPath(from, to, kinds) {
    const arcs = entities.map(() => []);
    for (const r of relations) {
      if (!kinds.has(r.kind)) continue;
      const s = entityIndex.get(r.source), t = entityIndex.get(r.target);
      arcs[s].push([t, r.i]);
      if (!r.directed) arcs[t].push([s, r.i]);
    }
    const parent = new Map([[from, null]]);
    const queue = [from];
    for (let head = 0; head < queue.length && !parent.has(to); head++) {
      const v = queue[head];
      for (const [w, r] of arcs[v]) {
        if (parent.has(w)) continue;
        parent.set(w, [v, r]);
        queue.push(w);
      }
    }
    if (!parent.has(to)) return null;
    const hops = [];
    for (let v = to; parent.get(v); v = parent.get(v)[0]) {
      hops.unshift({ from: parent.get(v)[0], to: v, relation: parent.get(v)[1] });
    }
    return hops;
  }

  function findPath(fromText, toText) {
    clearHighlight();
    const from = resolve(fromText), to = resolve(toText);
    const message = $("path-message");
    if (from === null || to === null) {
      message.textContent = `No entity is called “${from === null ? fromText : toText}”.`;
      return;
    }
    const kinds = new Set(relationKinds.filter((k) => !state.hiddenRelationKinds.has(k)));
    const hops = shortestPath(from, to, kinds);
    if (!hops) {
      message.textContent =
        `No path from ${entities[from].name} to ${entities[to].name} along the ticked relation kinds.`;
      return;
    }
    state.path = [entities[from].id, entities[to].id];
    const lit = new Set([from]);
    hops.forEach((hop) => lit.add(hop.to));
    highlight(lit, new Set(hops.map((hop) => hop.relation)));
    showElements([...lit].map((i) => entityElement[i]));
    const plural = hops.length === 1 ? "" : "s";
    message.textContent = `${hops.length} hop${plural} from ${entities[from].name} to ${entities[to].name}.`;
    $("path-hops").replaceChildren(
      ...hops.map((hop) => {
        const rel = relations[hop.relation];
        const a = entities[hop.from], b = entities[hop.to];
        const how = `${a.name} ${rel.kind} ${b.name}` + (rel.directed ? "" : " (either way)");
        const facts = [dates(rel), "confidence " + fmt(rel.confidence), rel.evidence.length + " evidence"]
          .filter((x) => x);
        return h(
          "li", { "data-from": a.id, "data-to": b.id, "data-relation": String(hop.relation) },
          linkButton(how, () => select({ relation: hop.relation }, { focusPanel: true, keepHighlight: true })),
          " — " + facts.join(", ")
        );
      })
    );
  }
  $("path-form").addEventListener("submit", (event) => {
    event.preventDefault();
    findPath($("path-from").value, $("path-to").value);
    writeFragment();
  });
  $("path-clear").addEventListener("click", () => {
    clearHighlight();
    writeFragment();
  });
  $("entity-names").replaceChildren(...entities.map((e) => h("option", { value: e.name })));

  /** Who entity i answers to (up) and who answers to it (down) along the chain kinds. */
  function reportingChain(i) {
    const chainKinds = new Set(data.chainKinds);
    const up = entities.map(() => []);
    for (const r of relations) {
      if (!chainKinds.has(r.kind)) continue;
      let s = entityIndex.get(r.source), t = entityIndex.get(r.target);
      if (r.kind === "controls") [s, t] = [t, s]; // the controlled answers to the controller
      up[s].push([t, r.i]);
      if (!r.directed) up[t].push([s, r.i]);
    }
    const down = entities.map(() => []);
    up.forEach((arcs, s) => arcs.forEach(([t, r]) => down[t].push([s, r])));
    const walk = (arcs) => {
      const seen = new Set([i]), used = new Set(), queue = [i];
      for (let head = 0; head < queue.length; head++) {
        for (const [w, r] of arcs[queue[head]]) {
          used.add(r);
          if (!seen.has(w)) { seen.add(w); queue.push(w); }
        }
      }
      seen.delete(i);
      return { entities: seen, relations: used };
    };
    return { above: walk(up), below: walk(down) };
  }
  function describeChain(i) {
    const chain = reportingChain(i);
    const names = (set) => [...set].map((j) => entities[j].name).sort();
    const target = $("chain-result");
    if (!target) return chain;
    target.replaceChildren(
      h("h4", {}, `Answers to (${chain.above.entities.size})`),
      h("p", { "data-field": "above" }, names(chain.above.entities).join("; ") || "nobody"),
      h("h4", {}, `Answered to by (${chain.below.entities.size})`),
      h("p", { "data-field": "below" }, names(chain.below.entities).join("; ") || "nobody")
    );
    return chain;
  }
  function showChain(i) {
    clearHighlight();
    state.chain = i;
    const chain = describeChain(i);
    const members = new Set([i, ...chain.above.entities, ...chain.below.entities]);
    highlight(members, new Set([...chain.above.relations, ...chain.below.relations]));
    showElements([...members].map((j) => entityElement[j]));
  }

  // ----- Centrality table -----------------------------------------------------------------

  const tableRows = 100;
  let sortKey = "pagerank", sortDescending = true;
  const value = (i, key) =>
    key === "name" ? entities[i].name : key === "kind" ? entities[i].kind : data.centrality[key][i] ?? -1;
  function renderTable() {
    const order = entities.map((_, i) => i);
    order.sort((a, b) => {
      const x = value(a, sortKey), y = value(b, sortKey);
      const c = typeof x === "string" ? x.localeCompare(y) : x - y;
      return (sortDescending ? -c : c) || a - b;
    });
    const shown = order.slice(0, tableRows);
    $("centrality").tBodies[0].replaceChildren(
      ...shown.map((i) =>
        h("tr", { "data-entity": entities[i].id },
          h("th", { scope: "row" }, linkButton(entities[i].name, () => select({ entity: i }, { focusPanel: true }))),
          h("td", {}, entities[i].kind),
          ["degree", "betweenness", "pagerank"].map((k) =>
            h("td", { class: "number", "data-key": k }, fmt(data.centrality[k][i])))
        )
      )
    );
    for (const th of $("centrality").tHead.querySelectorAll("th")) {
      const key = th.querySelector("button").dataset.key;
      th.setAttribute("aria-sort", key === sortKey ? (sortDescending ? "descending" : "ascending") : "none");
    }
    const how = "Computed when the report was written: every relation, directions followed.";
    $("table-note").textContent = entities.length > tableRows
      ? `The first ${tableRows} of ${entities.length} entities in this order. ${how}`
      : how;
    markTableRow();
  }
  function markTableRow() {
    const id = state.selected && "entity" in state.selected ? entities[state.selected.entity].id : null;
    for (const tr of $("centrality").tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.entity === id);
  }
  for (const button of $("centrality").tHead.querySelectorAll("button")) {
    button.addEventListener("click", () => {
      const key = button.dataset.key;
      sortDescending = key === sortKey ? !sortDescending : key !== "name" && key !== "kind";
      sortKey = key;
      renderTable();
    });
  }

  // ----- Start ----------------------------------------------------------------------------

  renderTable();
  fit();
  readFragment();
  window.addEventListener("hashchange", readFragment);
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
})();
