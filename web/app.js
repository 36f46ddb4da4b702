// dyad dashboard: reads the JSON API of `dyad serve` (docs/serve.md) and
// draws the timeline, top lists, map and event list. No framework; Chart.js
// and topojson-client are served from the local npm install.
"use strict";

// QuadClass 1-4, as the API names them.
const QUAD = [
  { key: "verbal_cooperation", label: "verbal cooperation", color: "#8fc9a8" },
  { key: "material_cooperation", label: "material cooperation", color: "#2e9d62" },
  { key: "verbal_conflict", label: "verbal conflict", color: "#f2a65a" },
  { key: "material_conflict", label: "material conflict", color: "#c8413b" },
];

// What the page shows, for people and for the browser tests.
window.dyad = { ready: false, firstChartMs: null, stats: null, timeline: null,
                events: null, detail: null, places: null };

const $ = (id) => document.getElementById(id);
const fmt = new Intl.NumberFormat("en-US");
let timelineChart = null;

function params() {
  const p = new URLSearchParams();
  for (const name of ["source", "target", "from", "to"]) {
    const v = $(name).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function api(path, p) {
  const url = p && [...p].length ? `${path}?${p}` : path;
  const r = await fetch(url);
  const body = await r.json().catch(() => ({ error: `bad reply from ${path}` }));
  if (!r.ok) throw new Error(body.error || `${path}: HTTP ${r.status}`);
  return body;
}

function text(el, s) { el.textContent = s; return el; }
function cell(row, s, cls) {
  const td = document.createElement("td");
  text(td, s);
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}
function goldstein(x) { return (x >= 0 ? "+" : "") + x.toFixed(1); }

function showStats(s) {
  window.dyad.stats = s;
  const el = $("stats");
  el.innerHTML = "";
  const parts = [["articles", s.articles], ["events", s.events],
                 ["mentions", s.mentions]];
  for (const [name, n] of parts) {
    const b = document.createElement("b");
    b.id = `stat-${name}`;
    text(b, fmt.format(n));
    el.append(b, ` ${name} · `);
  }
  el.append(s.first_date ? `${s.first_date} to ${s.last_date}` : "no dated events");
}

function showTimeline(rows, by) {
  window.dyad.timeline = rows;
  const labels = rows.map((r) => r.period);
  const datasets = QUAD.map((q) => ({
    type: "bar", label: q.label, data: rows.map((r) => r.quad[q.key]),
    backgroundColor: q.color, stack: "events", yAxisID: "y",
  }));
  datasets.push({
    type: "line", label: "mean Goldstein", data: rows.map((r) => r.mean_goldstein),
    borderColor: "#1d2330", backgroundColor: "#1d2330", yAxisID: "g",
    pointRadius: rows.length > 60 ? 0 : 2, tension: 0.2,
  });
  if (timelineChart) timelineChart.destroy();
  timelineChart = new Chart($("timeline"), {
    data: { labels, datasets },
    options: {
      animation: false, maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: "events" } },
        g: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false },
             title: { display: true, text: "Goldstein" } },
      },
    },
  });
  const total = rows.reduce((a, r) => a + r.events, 0);
  text($("timeline-summary"),
       `${fmt.format(total)} events in ${rows.length} ${by}${rows.length === 1 ? "" : "s"}`);
  if (window.dyad.firstChartMs === null) window.dyad.firstChartMs = performance.now();
}

function showTop(id, rows, columns) {
  const body = $(id).querySelector("tbody");
  body.innerHTML = "";
  for (const r of rows) {
    const tr = document.createElement("tr");
    for (const [key, cls, f] of columns) cell(tr, f ? f(r[key]) : r[key], cls);
    body.appendChild(tr);
  }
}

// Equirectangular projection onto the 960 x 480 view box.
const project = ([lon, lat]) => [(lon + 180) * 960 / 360, (90 - lat) * 480 / 180];

function ringPath(ring) {
  let d = "", prev = null;
  for (const pt of ring) {
    const [x, y] = project(pt);
    // A ring crossing the antimeridian: start a new subpath instead of a
    // line across the whole map.
    d += (prev === null || Math.abs(pt[0] - prev) > 180 ? "M" : "L") +
         x.toFixed(1) + "," + y.toFixed(1);
    prev = pt[0];
  }
  return d + "Z";
}

let worldDrawn = false;
async function drawWorld() {
  if (worldDrawn) return;
  const r = await fetch("/vendor/countries-110m.json");
  if (!r.ok) return;  // the map is drawn without outlines
  const topo = await r.json();
  const land = topojson.feature(topo, topo.objects.countries);
  const svg = $("map");
  for (const f of land.features) {
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    const p = document.createElementNS("http://www.w3.org/2000/svg", "path");
    p.setAttribute("d", polys.map((poly) => poly.map(ringPath).join("")).join(""));
    svg.appendChild(p);
  }
  worldDrawn = true;
}

function showPlaces(rows) {
  window.dyad.places = rows;
  const svg = $("map");
  svg.querySelectorAll("circle").forEach((c) => c.remove());
  const max = Math.max(1, ...rows.map((r) => r.events));
  for (const r of rows) {
    if (r.lat === null || r.lon === null) continue;
    const [x, y] = project([r.lon, r.lat]);
    const c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    c.setAttribute("cx", x.toFixed(1));
    c.setAttribute("cy", y.toFixed(1));
    c.setAttribute("r", (2 + 14 * Math.sqrt(r.events / max)).toFixed(1));
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = `${r.name}: ${r.events} events`;
    c.appendChild(title);
    svg.appendChild(c);
  }
  const total = rows.reduce((a, r) => a + r.events, 0);
  text($("places-summary"), `${fmt.format(total)} placed events in ${rows.length} places`);
}

function showEvents(rows) {
  window.dyad.events = rows;
  const body = $("events").querySelector("tbody");
  body.innerHTML = "";
  for (const e of rows) {
    const tr = document.createElement("tr");
    tr.dataset.id = e.id;
    cell(tr, e.date || "—");
    cell(tr, e.source_code);
    cell(tr, e.target_code || "—");
    cell(tr, `${e.code} ${e.code_name || ""}`.trim());
    cell(tr, goldstein(e.goldstein), "n");
    cell(tr, e.place_name || "");
    cell(tr, fmt.format(e.num_mentions), "n");
    tr.addEventListener("click", () => showDetail(e.id, tr));
    body.appendChild(tr);
  }
  text($("events-summary"), `${rows.length} shown, newest first; click one for its sentence`);
}

// The sentence with the event's words marked. Offsets are UTF-8 byte
// offsets into the article; the sentence starts at sentence_start.
function markedSentence(m) {
  const box = document.createElement("div");
  box.className = "sentence";
  if (m.sentence_text == null) {
    text(box, `${m.source_text} — ${m.verb_text} — ${m.target_text || ""}`);
    return box;
  }
  const bytes = new TextEncoder().encode(m.sentence_text);
  const dec = new TextDecoder();
  const base = m.sentence_start;
  const marks = [];
  for (const [role, span] of [["source", m.source_span], ["target", m.target_span],
                              ["verb", m.verb_span], ["date", m.date_span],
                              ["place", m.place_span]]) {
    if (!span) continue;
    const s = span.start - base, e = span.end - base;
    if (s >= 0 && e <= bytes.length && s < e) marks.push({ role, s, e });
  }
  marks.sort((a, b) => a.s - b.s || b.e - a.e);
  let at = 0;
  for (const mk of marks) {
    if (mk.s < at) continue;  // nested in an earlier mark
    box.append(dec.decode(bytes.slice(at, mk.s)));
    const span = document.createElement("span");
    span.className = `hl hl-${mk.role}`;
    span.title = mk.role;
    text(span, dec.decode(bytes.slice(mk.s, mk.e)));
    box.appendChild(span);
    at = mk.e;
  }
  box.append(dec.decode(bytes.slice(at)));
  return box;
}

function explanation(m) {
  const wrap = document.createElement("div");
  let x = null;
  try { x = m.explain ? JSON.parse(m.explain) : null; } catch (_) { x = null; }
  if (!x) { text(wrap, "No explanation stored for this mention."); return wrap; }
  const p = document.createElement("p");
  p.className = "rule";
  text(p, `Rule: ${x.rule}`);
  wrap.appendChild(p);
  const t = document.createElement("table");
  t.className = "evidence";
  t.innerHTML = "<thead><tr><th>role</th><th>dictionary entry</th><th>pattern</th><th>code</th></tr></thead>";
  const body = document.createElement("tbody");
  for (const v of x.evidence) {
    const tr = document.createElement("tr");
    cell(tr, v.role); cell(tr, v.entry); cell(tr, v.pattern); cell(tr, v.code);
    body.appendChild(tr);
  }
  t.appendChild(body);
  wrap.appendChild(t);
  return wrap;
}

async function showDetail(id, row) {
  document.querySelectorAll("#events tr.selected").forEach((r) => r.classList.remove("selected"));
  if (row) row.classList.add("selected");
  try {
    const d = await api("/api/event", new URLSearchParams({ id }));
    window.dyad.detail = d;
    const e = d;  // the event's fields, and its mentions
    $("detail").hidden = false;
    text($("detail-id"), `${e.id}: ${e.source_code} → ${e.target_code || "—"}, ` +
         `${e.code} ${e.code_name || ""} (${goldstein(e.goldstein)}), ${e.date || "undated"}` +
         (e.place_name ? `, ${e.place_name}` : ""));
    const body = $("detail-body");
    body.innerHTML = "";
    const legend = document.createElement("p");
    legend.className = "legend";
    legend.innerHTML = '<span class="hl hl-source">source</span><span class="hl hl-verb">verb</span>' +
      '<span class="hl hl-target">target</span><span class="hl hl-date">date</span>' +
      '<span class="hl hl-place">place</span>';
    body.appendChild(legend);
    for (const m of d.mentions) {
      const h = document.createElement("h3");
      text(h, `${m.doc_id}${m.url ? " · " + m.url : ""}, sentence ${m.sentence + 1}`);
      body.append(h, markedSentence(m), explanation(m));
    }
    $("detail").scrollIntoView({ block: "nearest" });
  } catch (err) {
    text($("error"), err.message);
  }
}

async function refresh() {
  text($("error"), "");
  const p = params();
  const by = $("by").value;
  const src = $("source").value.trim(), tgt = $("target").value.trim();
  text($("dyad-label"), src || tgt ? `— ${src || "any"} → ${tgt || "any"}` : "— all events");
  try {
    // The timeline first, alone: on a large database the other queries
    // would compete with it for the server's cores.
    const tp = new URLSearchParams(p);
    tp.set("by", by);
    showTimeline(await api("/api/timeline", tp), by);
    // Then the rest, each panel drawn as its answer comes.
    await Promise.all([
      api("/api/top/dyads", p).then((rows) =>
        showTop("top-dyads", rows, [["source", ""], ["target", ""],
                                    ["events", "n", fmt.format],
                                    ["mentions", "n", fmt.format],
                                    ["mean_goldstein", "n", goldstein]])),
      api("/api/top/actors", p).then((rows) =>
        showTop("top-actors", rows, [["actor", ""], ["events", "n", fmt.format],
                                     ["as_source", "n", fmt.format],
                                     ["as_target", "n", fmt.format],
                                     ["mean_goldstein", "n", goldstein]])),
      Promise.all([drawWorld(), api("/api/places", p)]).then(([, rows]) => showPlaces(rows)),
      api("/api/events", new URLSearchParams([...p, ["limit", "50"]])).then(showEvents),
    ]);
  } catch (err) {
    text($("error"), err.message);
  }
  window.dyad.ready = true;
}

$("controls").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
api("/api/stats").then(showStats).catch((err) => text($("error"), err.message));
refresh();
