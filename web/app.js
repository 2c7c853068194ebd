// The page of `plansheet serve`: a plan (file or pasted text) and reading options in, the API's reading shown as a
// table with each column's role to change, repaired cells, warnings and a Gantt preview; downloads and a profile.
"use strict";

const state = { file: null, roleChoices: new Map(), answer: null, rules: {} };
const TEXT_ROLES = ["id", "section", "objective", "action", "lead", "partners", "start", "end", "timescale", "stage",
  "status", "rag", "update"];
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "className") node.className = v;
    else node.setAttribute(k, v);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

// The request: the plan, the reading options by the command line's names, and the roles the officer chose.
function formData() {
  const data = new FormData();
  if (state.file) data.append("file", state.file, state.file.name);
  else data.append("text", $("text").value);
  for (const [name, value] of Object.entries(currentOptions())) data.append(name, value);
  return data;
}

function currentOptions() {
  const options = {};
  for (const input of document.querySelectorAll("[data-option]"))
    if (input.value.trim() !== "") options[input.dataset.option] = input.value.trim();
  const roles = rolesSpec();
  if (roles) options.roles = roles;
  return options;
}

function rolesSpec() {
  return [...state.roleChoices.entries()].sort((a, b) => a[0] - b[0]).map(([p, r]) => `${p}=${r}`).join(",");
}

function planName() {
  return state.file ? state.file.name : "pasted.txt";
}

async function post(endpoint, extra = {}) {
  const data = formData();
  for (const [k, v] of Object.entries(extra)) data.append(k, v);
  const res = await fetch(endpoint, { method: "POST", body: data });
  if (!res.ok) {
    let message = `the server answered ${res.status}`;
    try { message = (await res.json()).error; } catch (e) { /* not JSON: keep the status */ }
    throw new Error(message);
  }
  return res;
}

function say(text) { $("status").textContent = text; }
function fail(text) {
  $("error").textContent = text;
  $("error").hidden = !text;
}

async function readPlan() {
  if (!state.file && $("text").value.trim() === "") {
    fail("Choose a file or paste a table first.");
    $("file").focus();
    return;
  }
  fail("");
  say("Reading the plan…");
  $("read").disabled = true;
  try {
    const answer = await (await post("/api/read")).json();
    state.answer = answer;
    state.rules = answer.explain.rules;
    show(answer);
    // The table gets the screen: the plan's box folds to its heading (open it again to change the plan).
    $("input-box").open = false;
    const p = answer.plan;
    say(`Read ${p.actions.length} actions, ${p.repairs.length} repairs, ${p.warnings.length} warnings.`);
  } catch (e) {
    say("");
    fail(e.message);
  } finally {
    $("read").disabled = false;
  }
}

function cellValue(action, column, targetIndex) {
  if (TEXT_ROLES.includes(column.role)) return action[column.role] || "";
  if (column.role === "target") return (action.targets || [])[targetIndex] ? "✓" : "";
  if (column.role === "period") return (action.periods || []).includes(column.label) ? "●" : "";
  return (action.extra || {})[column.label] || "";
}

function repairsByCell(plan) {
  const map = new Map();
  for (const r of plan.repairs) {
    const key = `${r.action || ""}|${r.role || ""}`;
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(r);
  }
  return map;
}

function repairText(r) {
  const sentence = state.rules[r.rule] || r.rule;
  return `Repaired (${r.rule}, line ${r.line}): "${r.before}" → "${r.after}". ${sentence}`;
}

function show(answer) {
  const { plan, explain } = answer;
  $("result").hidden = false;
  $("plan-title").textContent = plan.title || planName();
  const sections = new Set(plan.actions.map((a) => a.section).filter(Boolean));
  $("summary").textContent = `${plan.actions.length} actions in ${sections.size || "no"} sections, ` +
    `${plan.repairs.length} repairs, ${plan.warnings.length} warnings` +
    (explain.input ? ` · read as ${explain.input}` : "") + (plan.sheet ? ` · sheet ${plan.sheet}` : "");
  showTable(plan, explain);
  showWarnings(plan);
  showReasons(explain);
  showGantt(plan);
}

function showTable(plan, explain) {
  const table = $("plan-table");
  table.replaceChildren();
  const columns = explain.columns;
  const head = el("tr");
  for (const column of columns) {
    const th = el("th", { scope: "col" });
    const id = `role-${column.position}`;
    th.append(el("span", { className: "col-label" }, column.label || `column ${column.position}`));
    th.append(el("label", { for: id, className: "sr-only" }, `Role of column ${column.position}, ${column.label}`));
    const select = el("select", { id, "data-position": String(column.position) });
    for (const role of explain.roles) {
      const option = el("option", { value: role }, role);
      if (role === column.role) option.selected = true;
      select.append(option);
    }
    select.addEventListener("change", () => {
      state.roleChoices.set(column.position, select.value);
      readPlan().then(() => { const again = $(id); if (again) again.focus(); });
    });
    th.append(select);
    head.append(th);
  }
  const thead = el("thead");
  thead.append(head);
  table.append(thead);
  const body = el("tbody");
  const repairs = repairsByCell(plan);
  let section = null;
  plan.actions.forEach((action, i) => {
    if ((action.section || "") !== section) {
      section = action.section || "";
      if (section) {
        const tr = el("tr", { className: "section" });
        tr.append(el("th", { scope: "colgroup", colspan: String(columns.length) }, section));
        body.append(tr);
      }
    }
    const tr = el("tr", { id: `row-${i}`, "data-action": action.id || "", "data-line": String(action.line || 0),
      tabindex: "-1" });
    let targetIndex = 0;
    for (const column of columns) {
      const td = el("td", { className: `role-${column.role}` }, cellValue(action, column, targetIndex));
      if (column.role === "target") targetIndex++;
      if (column.role === "rag" && action.rag) td.classList.add("rag", `rag-${action.rag}`);
      const fixed = repairs.get(`${action.id || ""}|${column.role}`) ||
        repairs.get(`${action.id || ""}|${column.label}`);
      if (fixed) {
        const text = fixed.map(repairText).join("\n");
        td.classList.add("repaired");
        td.title = text;
        td.tabIndex = 0;
        td.append(el("span", { className: "sr-only" }, ` ${text}`));
      }
      tr.append(td);
    }
    body.append(tr);
  });
  table.append(body);
}

function rowFor(warning) {
  const rows = [...document.querySelectorAll("#plan-table tbody tr[data-line]")];
  if (warning.action) {
    const byId = rows.find((r) => r.dataset.action === warning.action);
    if (byId) return byId;
  }
  let best = null;
  for (const r of rows) if (Number(r.dataset.line) <= warning.line) best = r;
  return best;
}

function showWarnings(plan) {
  const list = $("warnings");
  list.replaceChildren();
  if (plan.warnings.length === 0) list.append(el("li", {}, "None."));
  for (const w of plan.warnings) {
    const button = el("button", { type: "button", className: "link" },
      `Line ${w.line}${w.action ? `, ${w.action}` : ""}: ${w.message}`);
    button.addEventListener("click", () => {
      const row = rowFor(w);
      if (!row) return;
      row.scrollIntoView({ block: "center" });
      row.classList.add("flash");
      row.focus();
      setTimeout(() => row.classList.remove("flash"), 2000);
    });
    const li = el("li");
    li.append(button);
    list.append(li);
  }
}

function showReasons(explain) {
  const list = $("reasons");
  list.replaceChildren();
  for (const c of explain.columns) {
    const li = el("li");
    li.append(el("strong", {}, `${c.position} ${c.label}: ${c.role}. `));
    li.append(document.createTextNode(`${c.reason}${c.samples ? `; e.g. ${c.samples}` : ""}`));
    list.append(li);
  }
}

function showGantt(plan) {
  const table = $("gantt");
  table.replaceChildren();
  if (!plan.periods || plan.periods.length === 0) {
    table.append(el("caption", {}, "This plan has no delivery periods to draw."));
    return;
  }
  const head = el("tr");
  head.append(el("th", { scope: "col" }, "Action"), el("th", { scope: "col" }, "RAG"));
  for (const p of plan.periods) head.append(el("th", { scope: "col" }, p));
  const thead = el("thead");
  thead.append(head);
  table.append(thead);
  const body = el("tbody");
  for (const a of plan.actions) {
    const tr = el("tr");
    const label = `${a.id ? a.id + " " : ""}${a.action || ""}`;
    tr.append(el("th", { scope: "row", title: label }, label.length > 60 ? label.slice(0, 59) + "…" : label));
    tr.append(el("td", { className: "rag-word" }, a.rag || ""));
    const active = new Set(a.periods || []);
    for (const p of plan.periods) {
      const td = el("td");
      if (active.has(p)) {
        td.className = `bar rag-${["red", "amber", "green", "blue"].includes(a.rag) ? a.rag : "none"}`;
        td.append(el("span", { className: "sr-only" }, "active"));
        td.title = `${a.id || ""} active in ${p}${a.rag ? ` (${a.rag})` : ""}`;
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  $("gantt-legend").textContent = "Bars are coloured by RAG: red, amber, green, blue (complete); grey without a rating.";
}

async function download(format) {
  fail("");
  say(`Preparing the ${format.toUpperCase()} download…`);
  try {
    const res = await post(format === "xlsx" ? "/api/workbook" : "/api/export", format === "xlsx" ? {} : { format });
    const disposition = res.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    save(await res.blob(), match ? match[1] : `plan.${format}`);
    say(`Downloaded ${match ? match[1] : format}.`);
  } catch (e) {
    say("");
    fail(e.message);
  }
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The same profile file `convert --profile` takes: the options by their long flag names without the dashes.
function saveProfile() {
  const profile = { plansheet_profile: 1, ...currentOptions() };
  const stem = planName().replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_-]/g, "") || "plan";
  save(new Blob([JSON.stringify(profile, null, 2) + "\n"], { type: "application/json" }), `${stem}.profile.json`);
  say(`Saved ${stem}.profile.json: use it with plansheet convert --profile.`);
}

function takeFile(file) {
  state.file = file;
  state.roleChoices.clear();
  $("text").value = "";
  say(`Chosen: ${file.name}`);
}

document.addEventListener("DOMContentLoaded", () => {
  $("plan-form").addEventListener("submit", (e) => { e.preventDefault(); readPlan(); });
  $("file").addEventListener("change", () => { if ($("file").files[0]) takeFile($("file").files[0]); });
  $("text").addEventListener("input", () => {
    state.file = null;
    state.roleChoices.clear();
    $("file").value = "";
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files[0]) {
      takeFile(e.dataTransfer.files[0]);
      readPlan();
    }
  });
  for (const button of document.querySelectorAll("[data-download]"))
    button.addEventListener("click", () => download(button.dataset.download));
  $("save-profile").addEventListener("click", saveProfile);
});
