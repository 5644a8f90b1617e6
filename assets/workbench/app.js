// The tieuchi workbench: plain JavaScript over the /v1 API, no library, nothing loaded from
// elsewhere. Sentences in Vietnamese (default) and English; the data stays in this page.
"use strict";

const T = {
  vi: {
    title: "bàn làm việc", "data-heading": "1. Bộ tiêu chí và dữ liệu", ruleset: "Bộ tiêu chí",
    "data-file": "Tệp dữ liệu (JSON, CSV, XLSX)", assess: "Đánh giá",
    "targets-heading": "Chỉ tiêu", "verdicts-heading": "Kết quả từng địa bàn",
    "verdicts-hint": "Bấm “Giải thích” để xem vì sao, trên chính các dòng của bộ tiêu chí.",
    "explain-heading": "Giải thích:", "sweep-heading": "Thử các mức của một tham số",
    param: "Tham số", from: "Từ", to: "Đến", step: "Bước", assessment: "Đánh giá",
    "run-sweep": "Chạy", "diff-heading": "So sánh với bộ tiêu chí khác", against: "So với",
    "run-diff": "So sánh", "editor-heading": "Sửa thử một bản sao bộ tiêu chí",
    "editor-hint": "Bản sao chỉ nằm trong trang này; lỗi được kiểm tra ngay khi gõ.",
    "load-copy": "Chép bộ tiêu chí đang chọn vào đây",
    footer: "tieuchi — dữ liệu không rời khỏi máy chủ này",
    area: "Địa bàn", district: "Huyện", explain: "Giải thích", points: "điểm",
    unknown: "chưa kết luận được", na: "không áp dụng", invalid: "dữ liệu lỗi",
    met: "đạt", not_met: "không đạt", valid: "Hiệu lực", params: "tham số",
    "no-file": "Chưa chọn tệp dữ liệu.", working: "Đang tính…", done: "Xong.",
    "areas-n": (n) => `${n} địa bàn`, undecided: "chưa kết luận",
    "check-ok": "✓ Hợp lệ", "check-errors": (n) => `${n} lỗi`, "check-warnings": (n) => `${n} cảnh báo`,
    "diff-none": "Không có kết quả nào thay đổi.", "diff-areas": (n, m) => `${n} trong ${m} địa bàn có kết quả thay đổi`,
    old: "Cũ", new: "Mới", causes: "Do thay đổi số", target: "Chỉ tiêu", value: "Giá trị",
    "data-problems": "Vấn đề của dữ liệu", line: "dòng",
  },
  en: {
    title: "workbench", "data-heading": "1. Ruleset and data", ruleset: "Ruleset",
    "data-file": "Data file (JSON, CSV, XLSX)", assess: "Assess",
    "targets-heading": "Targets", "verdicts-heading": "Results by area",
    "verdicts-hint": "Press “Explain” to see why, over the ruleset's own lines.",
    "explain-heading": "Explanation:", "sweep-heading": "Try the values of a param",
    param: "Param", from: "From", to: "To", step: "Step", assessment: "Assessment",
    "run-sweep": "Run", "diff-heading": "Compare with another ruleset", against: "Against",
    "run-diff": "Compare", "editor-heading": "Edit a copy of a ruleset",
    "editor-hint": "The copy lives in this page only; it is checked as you type.",
    "load-copy": "Copy the chosen ruleset here",
    footer: "tieuchi — the data never leaves this server",
    area: "Area", district: "District", explain: "Explain", points: "points",
    unknown: "undecided", na: "not applicable", invalid: "invalid data",
    met: "met", not_met: "not met", valid: "In force", params: "params",
    "no-file": "No data file chosen.", working: "Working…", done: "Done.",
    "areas-n": (n) => `${n} area${n === 1 ? "" : "s"}`, undecided: "undecided",
    "check-ok": "✓ Checks", "check-errors": (n) => `${n} error${n === 1 ? "" : "s"}`,
    "check-warnings": (n) => `${n} warning${n === 1 ? "" : "s"}`,
    "diff-none": "No result changed.", "diff-areas": (n, m) => `${n} of ${m} areas changed`,
    old: "Old", new: "New", causes: "Caused by edit", target: "Target", value: "Value",
    "data-problems": "Data problems", line: "line",
  },
};

const state = { lang: "vi", rulesets: [], file: null, assessed: null, explained: null, sweep: null, diff: null };
const $ = (id) => document.getElementById(id);
const t = (key, ...args) => { const v = T[state.lang][key]; return typeof v === "function" ? v(...args) : (v ?? key); };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k.startsWith("data-")) e.setAttribute(k, v); else e[k] = v;
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

function setStatus(text, bad) { const s = $("status"); s.textContent = text; s.classList.toggle("bad", !!bad); }

// --- The API ---------------------------------------------------------------------------------

async function api(path, options) {
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    const problem = type.includes("json") ? await response.json() : { title: response.statusText, detail: await response.text() };
    throw problem;
  }
  return type.includes("json") ? response.json() : response.text();
}

function problemText(p) {
  if (!p || typeof p !== "object") return String(p);
  const lines = [p.detail || p.title || String(p)];
  for (const d of p.diagnostics || []) lines.push(`  ${d.line ? `${t("line")} ${d.line}: ` : ""}${d.message}`);
  return lines.join("\n");
}

function mediaType(name) {
  const ext = name.toLowerCase().split(".").pop();
  return {
    json: "application/json", csv: "text/csv", ron: "application/ron",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    xls: "application/vnd.ms-excel", ods: "application/vnd.oasis.opendocument.spreadsheet",
  }[ext] || "application/octet-stream";
}

function postData(route, query) {
  const id = encodeURIComponent($("ruleset").value);
  const q = new URLSearchParams(query || {});
  q.set("lang", state.lang);
  return api(`/v1/rulesets/${id}/${route}?${q}`, {
    method: "POST", headers: { "content-type": state.file.type }, body: state.file.bytes,
  });
}

// --- Languages -------------------------------------------------------------------------------

function applyLang(lang) {
  state.lang = lang;
  try { localStorage.setItem("tieuchi-lang", lang); } catch (_) { /* private mode */ }
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.getAttribute("data-t"));
  for (const b of document.querySelectorAll("[data-lang]")) b.classList.toggle("on", b.getAttribute("data-lang") === lang);
  showRulesetInfo();
  if (state.assessed) renderAssessment(state.assessed);
  if (state.sweep) renderSweep(state.sweep);
  if (state.diff) renderDiff(state.diff);
  if (state.explained) explain(state.explained);
  checkNow();
}

// --- Rulesets and data -----------------------------------------------------------------------

async function loadRulesets() {
  const list = await api("/v1/rulesets");
  state.rulesets = list.rulesets;
  for (const sel of [$("ruleset"), $("diff-against")]) {
    sel.replaceChildren(...list.rulesets.map((r) => el("option", { value: r.id }, `${r.title} (${r.id})`)));
  }
  if (list.rulesets.length > 1) $("diff-against").selectedIndex = 1;
  showRulesetInfo();
}

function chosen() { return state.rulesets.find((r) => r.id === $("ruleset").value); }

function showRulesetInfo() {
  const r = chosen();
  if (!r) return;
  const valid = r.valid ? `${t("valid")}: ${r.valid.from} → ${r.valid.to}` : "";
  $("ruleset-info").textContent = [r.source, valid, `sha256 ${r.sha256.slice(0, 12)}…`].filter(Boolean).join(" · ");
  const params = $("sweep-param");
  const was = params.value;
  params.replaceChildren(...r.params.map((p) => el("option", { value: p.id }, `${p.id} = ${p.value}`)));
  if (r.params.some((p) => p.id === was)) params.value = was;
  suggestRange();
}

async function readFile() {
  const f = $("data-file").files[0];
  if (!f) { state.file = null; return; }
  state.file = { name: f.name, type: mediaType(f.name), bytes: await f.arrayBuffer() };
}

async function assess() {
  if (!state.file) { setStatus(t("no-file"), true); return; }
  setStatus(t("working"));
  try {
    state.assessed = await postData("assess");
    state.explained = null; $("explain").hidden = true;
    renderAssessment(state.assessed);
    for (const id of ["results", "sweep", "compare"]) $(id).hidden = false;
    setStatus(`${t("done")} ${t("areas-n", state.assessed.areas.length)}`);
  } catch (p) { setStatus(problemText(p), true); }
}

// --- Results ---------------------------------------------------------------------------------

function num(s) { return typeof s === "string" && s.includes("/") ? s.split("/").reduce((a, b) => Number(a) / Number(b)) : Number(s); }
function decimal(x, digits) {
  const s = (Math.round(x * 10 ** digits) / 10 ** digits).toString();
  return state.lang === "vi" ? s.replace(".", ",") : s;
}
function shown(v, percent) {
  if (v === null || v === undefined) return "?";
  if (typeof v === "object" && "min" in v) {
    const a = shown(v.min, percent), b = shown(v.max, percent);
    return a === b ? a : `${a}–${b}`;
  }
  return percent ? `${decimal(num(v) * 100, 2)}%` : decimal(num(v), 2);
}
// A verdict in words: the outcome's label from the last assessment, or the word for the others.
function verdictWord(v) {
  if (["unknown", "na", "invalid"].includes(v)) return t(v);
  for (const a of state.assessed?.areas || []) {
    for (const x of Object.values(a.assessments || {})) if (x.verdict === v && x.label) return x.label;
  }
  return v;
}

function renderAssessment(doc) {
  $("targets").replaceChildren(...doc.targets.map((tg) => {
    const share = (c) => c.kind === "share";
    const counts = (tg.counts || []).map((c) => c.value !== undefined ? shown(c.value, share(c))
      : c.value_range ? `${shown(c.value_range.min, share(c))}–${shown(c.value_range.max, share(c))}` : "").join(", ");
    const undecided = (tg.undecided_areas || []).length ? ` · ${t("undecided")}: ${tg.undecided_areas.join(", ")}` : "";
    return el("li", { class: `target ${tg.result}` },
      el("span", { class: "badge" }, t(tg.result)), " ", el("strong", {}, tg.id), ` ${tg.label} — ${counts}${undecided}`);
  }));
  const ids = doc.areas.length ? Object.keys(doc.areas[0].assessments || {}) : [];
  const head = el("tr", {}, el("th", {}, t("area")), el("th", {}, t("district")), ids.map((id) => el("th", {}, id)), el("th", {}));
  const rows = doc.areas.map((a) => el("tr", { "data-area": a.id },
    el("td", {}, el("strong", {}, a.name || a.id), el("div", { class: "muted" }, a.id)),
    el("td", {}, a.district || ""),
    ids.map((id) => {
      const x = (a.assessments || {})[id] || { verdict: a.status === "invalid" ? "invalid" : "unknown" };
      const pts = x.points !== undefined && num(x.max_points?.max ?? x.max_points) > 0 ? ` · ${shown(x.points)}/${shown(x.max_points)} ${t("points")}` : "";
      return el("td", { class: `verdict v-${x.verdict}`, "data-verdict": x.verdict },
        el("span", {}, x.label || verdictWord(x.verdict)), el("div", { class: "muted" }, `${x.verdict}${pts}`));
    }),
    el("td", {}, el("button", { type: "button", class: "explain-btn", "data-area": a.id, onclick: () => explain(a.id) }, t("explain")))));
  $("verdicts").replaceChildren(el("thead", {}, head), el("tbody", {}, rows));
  const problems = doc.data_diagnostics || [];
  $("data-problems").replaceChildren(...(problems.length ? [el("h3", {}, t("data-problems")),
    el("ul", { class: "diagnostics" }, problems.map((d) => el("li", { class: d.severity }, `${d.line ? `${t("line")} ${d.line}: ` : ""}${d.message}`)))] : []));
  const assessments = $("sweep-assessment");
  assessments.replaceChildren(...ids.map((id, i) => el("option", { value: String(i) }, id)));
}

async function explain(area) {
  state.explained = area;
  $("explain").hidden = false;
  $("explain-area").textContent = area;
  $("explanation").textContent = t("working");
  try {
    const doc = await postData(`explain/${encodeURIComponent(area)}`);
    $("explanation").textContent = doc.text;
    $("explain").scrollIntoView({ block: "start" });
  } catch (p) { $("explanation").textContent = problemText(p); }
}

// --- Sweep -----------------------------------------------------------------------------------

function suggestRange() {
  const p = (chosen()?.params || []).find((x) => x.id === $("sweep-param").value);
  if (!p) return;
  const pct = p.value.trim().endsWith("%");
  const v = Number(p.value.replace("%", "").replace(",", "."));
  if (Number.isNaN(v)) return;
  const step = pct ? 5 : Math.max(1, Math.round(Math.abs(v) / 10));
  const from = pct ? v - 20 : Math.max(0, v - 3 * step);
  const to = pct ? v + 15 : v + 3 * step;
  const u = pct ? "%" : "";
  $("sweep-from").value = `${from}${u}`; $("sweep-to").value = `${to}${u}`; $("sweep-step").value = `${step}${u}`;
}

async function runSweep() {
  const spec = `${$("sweep-param").value}=${$("sweep-from").value}..${$("sweep-to").value}/${$("sweep-step").value}`;
  $("sweep-chart").textContent = t("working");
  try {
    state.sweep = await postData("sweep", { param: spec });
    renderSweep(state.sweep);
  } catch (p) { state.sweep = null; $("sweep-chart").textContent = problemText(p); }
}

// One assessment's counts of a sweep row, as [verdict, areas] pairs whatever the shape.
function sweepCounts(a) {
  if (!a) return [];
  return [...(a.outcomes || []).map((o) => [o.id, o.areas]), ["unknown", a.unknown], ["invalid", a.invalid]];
}

function pairs(entry) {
  if (Array.isArray(entry)) return entry.map((x) => Array.isArray(x) ? x : [x.verdict ?? x.id, x.areas ?? x.count]);
  return Object.entries(entry || {});
}

const COLORS = ["#1b7f3b", "#b3261e", "#8a6d00", "#5b5b5b", "#1f5fa8", "#7b3fa0"];
const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderSweep(doc) {
  const ai = Number($("sweep-assessment").value || 0);
  const rows = doc.rows || [];
  const series = new Map();
  rows.forEach((r, i) => {
    for (const [v, n] of sweepCounts((r.assessments || [])[ai])) {
      if (v === "invalid" && !n) continue;
      if (!series.has(v)) series.set(v, new Array(rows.length).fill(0));
      series.get(v)[i] = Number(n);
    }
  });
  for (const [v, counts] of series) if (counts.every((n) => n === 0) && (v === "unknown" || v === "invalid")) series.delete(v);
  const W = 780, H = 300, L = 44, R = 240, TOP = 16, B = 40;
  const max = Math.max(1, ...[...series.values()].flat());
  const x = (i) => L + (rows.length > 1 ? (i * (W - L - R)) / (rows.length - 1) : (W - L - R) / 2);
  const y = (n) => TOP + (H - TOP - B) * (1 - n / max);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", class: "sweep-svg", "aria-label": doc.param });
  chart.append(svg("line", { x1: L, y1: y(0), x2: W - R, y2: y(0), stroke: "#444" }), svg("line", { x1: L, y1: TOP, x2: L, y2: y(0), stroke: "#444" }));
  const tick = Math.max(1, Math.ceil(max / 6));
  for (let n = 0; n <= max; n += tick) {
    chart.append(svg("text", { x: L - 6, y: y(n) + 4, "text-anchor": "end", class: "tick" }, String(n)));
    chart.append(svg("line", { x1: L, y1: y(n), x2: W - R, y2: y(n), stroke: "#ddd" }));
  }
  const every = Math.ceil(rows.length / 10);
  rows.forEach((r, i) => {
    if (i % every === 0) chart.append(svg("text", { x: x(i), y: H - B + 16, "text-anchor": "middle", class: "tick" }, r.written));
  });
  chart.append(svg("text", { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle", class: "axis" }, doc.param));
  let k = 0;
  for (const [v, counts] of series) {
    const color = COLORS[k % COLORS.length];
    chart.append(svg("polyline", { points: counts.map((n, i) => `${x(i)},${y(n)}`).join(" "), fill: "none", stroke: color, "stroke-width": 2.5, class: "series", "data-verdict": v }));
    counts.forEach((n, i) => chart.append(svg("circle", { cx: x(i), cy: y(n), r: 3, fill: color })));
    chart.append(svg("rect", { x: W - R + 12, y: TOP + k * 20, width: 12, height: 12, fill: color }));
    chart.append(svg("text", { x: W - R + 30, y: TOP + k * 20 + 11, class: "legend" }, verdictWord(v)));
    k++;
  }
  const targets = (state.assessed?.targets || []).map((tg) => tg.id);
  const table = el("table", { class: "sweep-targets" },
    el("tr", {}, el("th", {}, doc.param), rows.map((r) => el("th", {}, r.written))),
    targets.map((id, ti) => el("tr", {}, el("th", {}, id), rows.map((r) => {
      const res = ((r.targets || [])[ti] || {}).result;
      return el("td", { class: `target ${res}` }, res === "met" ? "✓" : res === "not_met" ? "✗" : "?");
    }))));
  $("sweep-chart").replaceChildren(chart, el("div", { class: "scroll" }, table));
}

// --- Compare ---------------------------------------------------------------------------------

async function runDiff() {
  $("diff-result").textContent = t("working");
  try {
    state.diff = await postData("diff", { against: $("diff-against").value });
    renderDiff(state.diff);
  } catch (p) { state.diff = null; $("diff-result").textContent = problemText(p); }
}

function renderDiff(d) {
  const changed = d.areas || [];
  const out = [el("p", {}, changed.length ? t("diff-areas", changed.length, d.areas_compared) : t("diff-none"))];
  if (changed.length) {
    out.push(el("div", { class: "scroll" }, el("table", { id: "diff-table" },
      el("tr", {}, el("th", {}, t("area")), el("th", {}, t("assessment")), el("th", {}, t("old")), el("th", {}, t("new")), el("th", {}, t("causes"))),
      changed.flatMap((a) => (a.assessments || []).map((x) => el("tr", {},
        el("td", {}, a.name || a.id), el("td", {}, x.id),
        el("td", { class: `verdict v-${x.old}` }, verdictWord(x.old)), el("td", { class: `verdict v-${x.new}` }, verdictWord(x.new)),
        el("td", {}, (x.causes || []).map((c) => {
          // Edit numbers are 1-based in documents with a `format_version`, 0-based before.
          const e = (d.edits || [])[Number(c) - (d.format_version ? 1 : 0)];
          return e ? `${e.name} (${e.old ?? ""} → ${e.new ?? ""})` : String(c);
        }).join("; "))))))));
  }
  for (const tg of d.targets || []) out.push(el("p", { class: "target" }, `${t("target")} ${tg.id}: ${t(tg.old)} → ${t(tg.new)}`));
  $("diff-result").replaceChildren(...out);
}

// --- Editor ----------------------------------------------------------------------------------

let checkTimer = null;
let checkSeq = 0;

async function loadCopy() {
  const id = encodeURIComponent($("ruleset").value);
  try { $("editor").value = await api(`/v1/rulesets/${id}/source`); checkNow(); } catch (p) { $("check-state").textContent = problemText(p); }
}

function checkSoon() { clearTimeout(checkTimer); checkTimer = setTimeout(checkNow, 350); }

async function checkNow() {
  const text = $("editor").value;
  if (!text.trim()) { $("diagnostics").replaceChildren(); $("check-state").textContent = ""; return; }
  const seq = ++checkSeq;
  try {
    const doc = await api(`/v1/check?lang=${state.lang}`, { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: text });
    const diags = (doc.files || []).flatMap((f) => f.diagnostics || []);
    if (seq !== checkSeq) return; // a later check is on its way
    const errors = diags.filter((d) => d.severity === "error").length;
    const warnings = diags.length - errors;
    $("check-state").textContent = errors ? t("check-errors", errors) + (warnings ? `, ${t("check-warnings", warnings)}` : "")
      : t("check-ok") + (warnings ? ` (${t("check-warnings", warnings)})` : "");
    $("check-state").classList.toggle("bad", errors > 0);
    $("diagnostics").replaceChildren(...diags.map((d) => el("li", { class: d.severity, onclick: () => selectAt(d) },
      el("span", { class: "where" }, d.line ? `${d.line}:${d.column}` : ""), " ", d.message,
      d.help ? el("div", { class: "muted" }, d.help) : null, el("code", {}, d.code))));
  } catch (p) { if (seq === checkSeq) $("check-state").textContent = problemText(p); }
}

// Selects a diagnostic's place in the editor (lines and columns count characters from 1).
function selectAt(d) {
  if (!d.line) return;
  const lines = $("editor").value.split("\n");
  const offset = (line, col) => lines.slice(0, line - 1).reduce((n, l) => n + [...l].length + 1, 0) + col - 1;
  const ed = $("editor");
  ed.focus();
  ed.setSelectionRange(offset(d.line, d.column), offset(d.end_line || d.line, d.end_column || d.column + 1));
}

// --- Start -----------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", async () => {
  let lang = "vi";
  try { lang = localStorage.getItem("tieuchi-lang") || "vi"; } catch (_) { /* private mode */ }
  for (const b of document.querySelectorAll("[data-lang]")) b.addEventListener("click", () => applyLang(b.getAttribute("data-lang")));
  $("ruleset").addEventListener("change", showRulesetInfo);
  $("data-file").addEventListener("change", readFile);
  $("run-assess").addEventListener("click", async () => { await readFile(); assess(); });
  $("sweep-param").addEventListener("change", suggestRange);
  $("sweep-assessment").addEventListener("change", () => state.sweep && renderSweep(state.sweep));
  $("run-sweep").addEventListener("click", runSweep);
  $("run-diff").addEventListener("click", runDiff);
  $("load-copy").addEventListener("click", loadCopy);
  $("editor").addEventListener("input", checkSoon);
  try { await loadRulesets(); } catch (p) { setStatus(problemText(p), true); }
  applyLang(lang === "en" ? "en" : "vi");
  document.body.setAttribute("data-ready", "true");
});
