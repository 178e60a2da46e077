// EventWire pages: charts with Plotly (from the installed plotly package), article highlights.
// Everything this script loads comes from this server; the data is embedded in the page.
"use strict";

const QUAD_COLORS = {
  "VERBAL COOPERATION": "#0072b2",
  "MATERIAL COOPERATION": "#009e73",
  "VERBAL CONFLICT": "#e69f00",
  "MATERIAL CONFLICT": "#d55e00",
  UNSCORED: "#999999",
};
const QUAD_BY_CODE = {
  1: "VERBAL COOPERATION",
  2: "MATERIAL COOPERATION",
  3: "VERBAL CONFLICT",
  4: "MATERIAL CONFLICT",
};
// Sixteen PLOVER types: cooperative ones in blues and greens, conflictual in oranges and reds.
const TYPE_COLORS = {
  AGREE: "#6baed6", CONSULT: "#2171b5", SUPPORT: "#9ecae1", CONCEDE: "#08306b",
  COOPERATE: "#41ab5d", AID: "#006d2c", RETREAT: "#a1d99b",
  REQUEST: "#fdd0a2", ACCUSE: "#fdae6b", REJECT: "#f16913", THREATEN: "#d94801",
  PROTEST: "#bcbddc", SANCTION: "#807dba", MOBILIZE: "#fb6a4a", COERCE: "#cb181d", ASSAULT: "#67000d",
};
const DAY_MS = 864e5;
const PLOT_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
const BASE_LAYOUT = {
  margin: { l: 40, r: 10, t: 10, b: 40 },
  paper_bgcolor: "rgba(0,0,0,0)",
  plot_bgcolor: "rgba(0,0,0,0)",
  font: { family: "system-ui, sans-serif", size: 12, color: "#1d2330" },
};

function pageData(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

function layout(extra) {
  return Object.assign({}, BASE_LAYOUT, extra);
}

function emptyNote(element, text) {
  element.classList.add("empty-chart");
  element.innerHTML = "";
  const note = document.createElement("p");
  note.className = "hint";
  note.style.padding = "1rem";
  note.textContent = text;
  element.appendChild(note);
}

function drawTimeline(element, timeline) {
  const names = Object.keys(timeline.series);
  if (!timeline.periods.length) return emptyNote(element, "No dated event matches these filters.");
  const byQuad = timeline.by === "quad";
  const traces = names.map((name) => ({
    type: "bar",
    name: name,
    x: timeline.periods,
    y: timeline.series[name],
    width: (timeline.interval === "day" ? 1 : 7) * DAY_MS * 0.8,
    marker: { color: (byQuad ? QUAD_COLORS : TYPE_COLORS)[name] || "#999999" },
    hovertemplate: "%{x}: %{y} " + name + "<extra></extra>",
  }));
  Plotly.newPlot(
    element,
    traces,
    layout({
      barmode: "stack",
      bargap: 0.15,
      xaxis: { type: "date" },
      yaxis: { title: { text: "mentions" }, rangemode: "tozero" },
      showlegend: true,
      legend: { orientation: "h", y: -0.12 },
      margin: { l: 50, r: 10, t: 10, b: 20 },
    }),
    PLOT_CONFIG,
  );
}

// Fruchterman-Reingold force layout, started from a circle so it is the same on every load.
function forceLayout(keys, links) {
  const n = keys.length;
  const index = new Map(keys.map((key, i) => [key, i]));
  const x = keys.map((_, i) => Math.cos((2 * Math.PI * i) / n));
  const y = keys.map((_, i) => Math.sin((2 * Math.PI * i) / n));
  const k = 2 / Math.sqrt(Math.max(n, 1));
  let heat = 0.3;
  for (let step = 0; step < 300; step++) {
    const dx = new Array(n).fill(0);
    const dy = new Array(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ex = x[i] - x[j];
        const ey = y[i] - y[j];
        const d = Math.max(Math.hypot(ex, ey), 0.01);
        const push = (k * k) / d;
        dx[i] += (ex / d) * push; dy[i] += (ey / d) * push;
        dx[j] -= (ex / d) * push; dy[j] -= (ey / d) * push;
      }
    }
    for (const link of links) {
      const i = index.get(link.source);
      const j = index.get(link.target);
      if (i === j) continue;
      const ex = x[i] - x[j];
      const ey = y[i] - y[j];
      const d = Math.max(Math.hypot(ex, ey), 0.01);
      const pull = ((d * d) / k) * (1 + Math.log(link.weight));
      dx[i] -= (ex / d) * pull; dy[i] -= (ey / d) * pull;
      dx[j] += (ex / d) * pull; dy[j] += (ey / d) * pull;
    }
    for (let i = 0; i < n; i++) {
      dx[i] -= x[i] * k; dy[i] -= y[i] * k; // gravity keeps separate groups in view
      const d = Math.max(Math.hypot(dx[i], dy[i]), 1e-9);
      const move = Math.min(d, heat);
      x[i] += (dx[i] / d) * move; y[i] += (dy[i] / d) * move;
    }
    heat = Math.max(0.005, heat * 0.985);
  }
  const span = (values) => [Math.min(...values), Math.max(...values)];
  const [x0, x1] = span(x);
  const [y0, y1] = span(y);
  const positions = {};
  keys.forEach((key, i) => {
    positions[key] = [
      x1 > x0 ? (2 * (x[i] - x0)) / (x1 - x0) - 1 : 0,
      y1 > y0 ? (2 * (y[i] - y0)) / (y1 - y0) - 1 : 0,
    ];
  });
  return positions;
}

const LABELLED_NODES = 20;

function drawNetwork(element, dyads) {
  if (!dyads.length) return emptyNote(element, "No pair of actors in the matching events.");
  const nodes = new Map();
  for (const d of dyads) {
    for (const [key, name, country] of [
      [d.source_key, d.source_name, d.source_country],
      [d.target_key, d.target_name, d.target_country],
    ]) {
      const node = nodes.get(key) || { key: key, name: name, country: country, mentions: 0 };
      node.mentions += d.mentions;
      nodes.set(key, node);
    }
  }
  const keys = [...nodes.keys()].sort((a, b) =>
    (nodes.get(a).country || "").localeCompare(nodes.get(b).country || "") || a.localeCompare(b));
  const at = forceLayout(keys, dyads.map((d) => ({ source: d.source_key, target: d.target_key, weight: d.mentions })));
  const ranked = [...keys].sort((a, b) => nodes.get(b).mentions - nodes.get(a).mentions);
  const labelled = new Set(ranked.slice(0, LABELLED_NODES));
  const strongest = Math.max(...dyads.map((d) => d.mentions));
  const traces = dyads.map((d) => {
    const conflict = d.conflictual > d.cooperative;
    const [x0, y0] = at[d.source_key];
    const [x1, y1] = at[d.target_key];
    return {
      type: "scatter",
      mode: "lines",
      x: [x0, x1],
      y: [y0, y1],
      line: { width: 1 + (6 * d.mentions) / strongest, color: conflict ? "#d55e00" : "#0072b2" },
      opacity: 0.7,
      hoverinfo: "skip",
      showlegend: false,
    };
  });
  // Hover and click targets halfway along each link: "A → B: n mentions".
  traces.push({
    type: "scatter",
    mode: "markers",
    x: dyads.map((d) => (at[d.source_key][0] * 0.6 + at[d.target_key][0] * 0.4)),
    y: dyads.map((d) => (at[d.source_key][1] * 0.6 + at[d.target_key][1] * 0.4)),
    marker: { size: 8, color: dyads.map((d) => (d.conflictual > d.cooperative ? "#d55e00" : "#0072b2")), symbol: "triangle-right" },
    text: dyads.map((d) => `${d.source_name} → ${d.target_name}: ${d.mentions} mentions (${d.cooperative} cooperative, ${d.conflictual} conflictual)`),
    hovertemplate: "%{text}<extra></extra>",
    showlegend: false,
  });
  const biggest = Math.max(...keys.map((k) => nodes.get(k).mentions));
  traces.push({
    type: "scatter",
    mode: "markers+text",
    x: keys.map((k) => at[k][0]),
    y: keys.map((k) => at[k][1]),
    text: keys.map((k) => (labelled.has(k) ? nodes.get(k).name : "")),
    hovertext: keys.map((k) => `${nodes.get(k).name}: ${nodes.get(k).mentions} mentions in these pairs`),
    customdata: keys,
    textposition: keys.map((k) => (at[k][1] >= 0 ? "top center" : "bottom center")),
    textfont: { size: 11 },
    marker: { size: keys.map((k) => 10 + (18 * nodes.get(k).mentions) / biggest), color: "#1f4e79", line: { color: "#fff", width: 1 } },
    hovertemplate: "%{hovertext}<extra>click: actor page</extra>",
    showlegend: false,
  });
  Plotly.newPlot(
    element,
    traces,
    layout({
      xaxis: { visible: false, range: [-1.35, 1.35], fixedrange: true },
      yaxis: { visible: false, range: [-1.2, 1.2], fixedrange: true },
      margin: { l: 5, r: 5, t: 5, b: 5 },
      hovermode: "closest",
    }),
    PLOT_CONFIG,
  ).then(() => {
    element.on("plotly_click", (event) => {
      const point = event.points[0];
      if (point && point.customdata) window.location.href = "/actor/" + encodeURIComponent(point.customdata);
    });
  });
}

async function drawMap(element, places) {
  const response = await fetch("/assets/world_outline.json");
  const outline = await response.json();
  const lon = [];
  const lat = [];
  for (const ring of outline.rings) {
    for (const [x, y] of ring) { lon.push(x); lat.push(y); }
    lon.push(null); lat.push(null);
  }
  const traces = [{
    type: "scattergeo", mode: "lines", lon: lon, lat: lat,
    line: { width: 0.6, color: "#9aa3ad" }, hoverinfo: "skip", showlegend: false,
  }];
  if (places.length) {
    const biggest = Math.max(...places.map((p) => p.mentions));
    traces.push({
      type: "scattergeo",
      mode: "markers",
      lon: places.map((p) => p.longitude),
      lat: places.map((p) => p.latitude),
      text: places.map((p) => `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.mentions} mentions, ${p.cooperative} cooperative, ${p.conflictual} conflictual`),
      hovertemplate: "%{text}<extra></extra>",
      marker: {
        size: places.map((p) => 7 + (20 * Math.sqrt(p.mentions)) / Math.sqrt(biggest)),
        color: places.map((p) => (p.conflictual > p.cooperative ? "#d55e00" : "#0072b2")),
        opacity: 0.75,
        line: { color: "#fff", width: 1 },
      },
      showlegend: false,
    });
  }
  await Plotly.newPlot(
    element,
    traces,
    layout({
      margin: { l: 0, r: 0, t: 0, b: 0 },
      geo: {
        projection: { type: "natural earth" },
        showland: false, showocean: false, showcoastlines: false, showcountries: false,
        showlakes: false, showrivers: false, showsubunits: false, showframe: false,
        bgcolor: "rgba(0,0,0,0)",
        lataxis: { range: [-58, 84] },
      },
    }),
    PLOT_CONFIG,
  );
  if (!places.length) {
    const note = document.createElement("p");
    note.className = "hint";
    note.textContent = "No located event matches these filters.";
    element.appendChild(note);
  }
}

function drawActorTimeline(element, rows) {
  if (!rows.length) return emptyNote(element, "No dated event of this actor matches these filters.");
  const series = new Map();
  for (const row of rows) {
    const quad = QUAD_BY_CODE[row.quad_code] || "UNSCORED";
    const name = `${row.direction} · ${quad.toLowerCase()}`;
    const entry = series.get(name) || { name: name, quad: quad, direction: row.direction, x: [], y: [] };
    entry.x.push(row.period);
    entry.y.push(row.direction === "given" ? row.mentions : -row.mentions);
    series.set(name, entry);
  }
  const traces = [...series.values()].map((s) => ({
    type: "bar",
    name: s.name,
    x: s.x,
    y: s.y,
    width: 7 * DAY_MS * 0.8,
    marker: { color: QUAD_COLORS[s.quad], pattern: s.direction === "received" ? { shape: "/" } : undefined },
    customdata: s.y.map((v) => Math.abs(v)),
    hovertemplate: "%{x}: %{customdata} " + s.name + "<extra></extra>",
  }));
  Plotly.newPlot(
    element,
    traces,
    layout({
      barmode: "relative",
      xaxis: { type: "date" },
      yaxis: { title: { text: "received ↓   given ↑" }, zeroline: true },
      legend: { orientation: "h", y: -0.2 },
    }),
    PLOT_CONFIG,
  );
}

function drawCharts() {
  const data = pageData("chart-data");
  if (!data || typeof Plotly === "undefined") return;
  const draw = [
    ["timeline-chart", data.timeline, drawTimeline],
    ["dyad-chart", data.dyads, drawNetwork],
    ["map-chart", data.places, drawMap],
    ["actor-chart", data.actor_timeline, drawActorTimeline],
  ];
  for (const [id, value, fn] of draw) {
    const element = document.getElementById(id);
    if (element && value !== undefined) fn(element, value);
  }
}

// Filters: leave empty and default values out of the URL, so links stay short and readable.
function tidyFilterForms() {
  const defaults = { background: "include", negated: "exclude", by: "type", interval: "week" };
  for (const form of document.querySelectorAll("form.filters")) {
    form.addEventListener("submit", () => {
      for (const field of form.elements) {
        if (!field.name) continue;
        if (field.value === "" || defaults[field.name] === field.value) field.disabled = true;
      }
    });
  }
}

// Article page: show why each highlighted event was coded; pin the one in the URL.
function explainEvents() {
  const events = pageData("article-events");
  const text = document.getElementById("article-text");
  const panel = document.getElementById("explain");
  if (!events || !text || !panel) return;
  const byId = new Map(events.map((e) => [e.id, e]));

  function show(ids) {
    panel.innerHTML = "";
    for (const id of ids) {
      const e = byId.get(id);
      if (!e) continue;
      const box = document.createElement("div");
      box.className = "event quad-" + (e.quad_code || 0);
      const head = document.createElement("p");
      const link = document.createElement("a");
      link.href = "/event/" + e.id;
      link.textContent = e.event_type + (e.mode ? " " + e.mode : "") + (e.negated ? " (negated)" : "");
      head.appendChild(link);
      head.appendChild(document.createTextNode(
        ` · ${e.source_name || "?"} → ${e.target_name || "—"} · ${e.date || "undated"}`));
      const why = document.createElement("p");
      why.className = "explanation";
      why.textContent = e.explanation || "";
      box.append(head, why);
      panel.appendChild(box);
    }
  }

  function select(id, scroll) {
    for (const node of document.querySelectorAll(".current")) node.classList.remove("current");
    const marks = [...text.querySelectorAll("a.ev")].filter((a) => a.dataset.events.split(" ").includes(id));
    for (const a of marks) { a.classList.add("current"); a.querySelector("mark").classList.add("current"); }
    const item = document.getElementById("ev-" + id);
    if (item) item.classList.add("current");
    show([id]);
    if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
  }

  text.addEventListener("click", (event) => {
    const anchor = event.target.closest("a.ev");
    if (!anchor) return;
    event.preventDefault();
    const ids = anchor.dataset.events.split(" ");
    select(ids[0], false);
    show(ids);
    history.replaceState(null, "", "#ev-" + ids[0]);
  });
  text.addEventListener("focusin", (event) => {
    const anchor = event.target.closest("a.ev");
    if (anchor) show(anchor.dataset.events.split(" "));
  });
  const wanted = window.location.hash.startsWith("#ev-") ? window.location.hash.slice(4) : null;
  if (wanted && byId.has(wanted)) select(wanted, true);
}

document.addEventListener("DOMContentLoaded", () => {
  tidyFilterForms();
  explainEvents();
  drawCharts();
});
