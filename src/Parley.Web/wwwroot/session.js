// Parley: a person at the table. Plain JavaScript over the session API (docs/api.md, "Sessions"); no build step.
"use strict";

const main = document.getElementById("main");
const palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const fmt = (x, d = 3) => x === null || x === undefined ? "–" : Number(x).toFixed(d);
const words = { walkaway: "walked away", walkedAway: "walked away", deadline: "deadline passed", agreed: "agreed", failed: "failed", ended: "ended", running: "running" };

let poll = null;      // the timer that refreshes the seat's state
let seat = null;      // {id, token} of the seat shown
let state = null;     // the seat's latest state (GET /api/sessions/{id})
let draft = {};       // the editor's outcome, issue → value (kept across refreshes)
let editTimer = null;
let analysisShown = false;
let suggested = null;
let shuttleReceived = []; // the messages listed in the shuttle inbox, for its "use" buttons  // the last suggestion {text, basis}: put as it came while the editor still holds it

async function api(path, init) {
  const response = await fetch(path, init);
  const body = await response.json().catch(() => null);
  if (!response.ok) { const e = new Error(body?.detail ?? `${response.status} ${response.statusText}`); e.status = response.status; throw e; }
  return body;
}
const post = (path, body) => api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

function showError(message) { main.innerHTML = `<p class="error" role="alert">${esc(message)}</p>`; }

function stop() { if (poll) { clearInterval(poll); poll = null; } }

async function route() {
  stop();
  const hash = location.hash.replace(/^#/, "") || "/";
  const parts = hash.split("/").filter(p => p).map(decodeURIComponent);
  try {
    if (parts.length === 0) await newSessionPage();
    else if (parts.length === 3 && parts[1] === "join") await joinPage(parts[0], parts[2]);
    else if (parts.length === 3 && parts[1] === "seat") await seatPage(parts[0], parts[2]);
    else if (parts.length === 1) {
      const token = localStorage.getItem(`parley.seat.${parts[0]}`);
      if (token) location.replace(`#/${encodeURIComponent(parts[0])}/seat/${encodeURIComponent(token)}`);
      else showError("This browser holds no seat of this session: open the link you were given.");
    } else showError("No such page.");
  } catch (e) { showError(e.message); }
}

// ---- a new session ----
function tableOf(scenario, protocol) {
  const principals = scenario.parties.filter(p => p.role === "principal");
  if (protocol === "sao") return principals;
  const mediators = scenario.parties.filter(p => p.role === "mediator");
  return mediators.length ? scenario.parties : [...scenario.parties, { name: "Mediator", role: "mediator" }];
}

async function newSessionPage() {
  const [scenarios, conditions] = await Promise.all([api("/api/scenarios"), api("/api/conditions")]);
  const names = scenarios.filter(s => !s.error).map(s => s.name);
  main.innerHTML = `<h1>A seat at the table</h1>
    <p class="muted">Take a seat — a principal or a mediator — and let Parley's agents take the others. Leave a seat to
    "another person" to get a link for them.</p>
    <div class="card"><form id="new-session" class="run">
      <label>Scenario <select name="scenario">${names.map(n => `<option>${esc(n)}</option>`).join("")}</select></label>
      <label>Protocol <select name="protocol"><option value="sao">alternating offers</option><option value="single-text">single text</option><option value="shuttle">shuttle</option></select></label>
      <label>Rounds <input name="rounds" type="number" min="1" value="20"></label>
      <label>Minutes (optional) <input name="minutes" type="number" min="0" step="any"></label>
      <label>Seed <input name="seed" type="number" value="0"></label>
      <label><span>Analyst view</span><input name="analyst" type="checkbox"></label>
      <fieldset id="seats"><legend>Seats</legend></fieldset>
      <button id="create">Start</button>
    </form><p id="create-error" class="error" hidden></p></div>
    ${conditions.length ? `<h2>Or an experiment condition</h2><div class="card"><form id="by-condition" class="run">
      <label>Condition <select name="condition">${conditions.map(c => `<option>${esc(c)}</option>`).join("")}</select></label>
      <button>Start</button></form></div>` : ""}`;
  const form = document.getElementById("new-session");
  let generation = 0; // answers for an earlier choice of scenario or protocol are dropped
  const fill = async () => {
    const protocol = form.protocol.value, mine = ++generation;
    const scenario = scenarios.find(s => s.name === form.scenario.value);
    const [negotiators, mediators] = await Promise.all([api(`/api/negotiators?protocol=${protocol}`), api(`/api/mediators?protocol=${protocol}`)]);
    if (mine !== generation) return;
    const seats = tableOf(scenario, protocol);
    document.getElementById("seats").innerHTML = "<legend>Seats</legend>" + seats.map((p, i) => {
      const mine = i === seats.length - 1;
      const agents = (p.role === "principal" ? negotiators : mediators).map((a, k) => `<option value="${esc(a.name)}" ${!mine && k === 0 ? "selected" : ""}>${esc(a.name)}</option>`).join("");
      return `<label>${esc(p.name)} <span class="muted">(${p.role})</span><select data-party="${esc(p.name)}">
        <option value="me" ${mine ? "selected" : ""}>me</option><option value="other">another person</option>${agents}</select></label>`;
    }).join("");
  };
  form.scenario.addEventListener("change", fill);
  form.protocol.addEventListener("change", fill);
  await fill();
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const seats = {}, mine = [];
    for (const select of form.querySelectorAll("select[data-party]")) {
      seats[select.dataset.party] = select.value === "me" || select.value === "other" ? "human" : select.value;
      if (select.value === "me") mine.push(select.dataset.party);
    }
    const body = { scenario: form.scenario.value, protocol: form.protocol.value, seats, seed: Number(form.seed.value || 0), analyst: form.analyst.checked };
    if (form.rounds.value) body.rounds = Number(form.rounds.value);
    if (form.minutes.value) body.minutes = Number(form.minutes.value);
    await start(() => post("/api/sessions", body), mine);
  });
  document.getElementById("by-condition")?.addEventListener("submit", async ev => {
    ev.preventDefault();
    await start(() => post("/api/sessions", { condition: ev.target.condition.value }), null);
  });
}

async function start(create, mine) {
  const error = document.getElementById("create-error");
  try {
    const created = await create();
    const own = created.seats.find(s => mine === null || mine.includes(s.party)) ?? created.seats[0];
    const others = created.seats.filter(s => s !== own).map(s => ({ party: s.party, link: new URL(s.link, location.href).href }));
    localStorage.setItem(`parley.invites.${created.id}`, JSON.stringify(others));
    localStorage.setItem(`parley.export.${created.id}`, created.export);
    location.hash = `#/${created.id}/join/${own.invite}`;
  } catch (e) { error.hidden = false; error.textContent = e.message; }
}

// ---- claiming a seat ----
async function joinPage(id, invite) {
  try {
    const claimed = await post(`/api/sessions/${encodeURIComponent(id)}/claim`, { invite });
    localStorage.setItem(`parley.seat.${id}`, claimed.token);
    location.replace(`#/${encodeURIComponent(id)}/seat/${encodeURIComponent(claimed.token)}`);
  } catch (e) {
    const token = localStorage.getItem(`parley.seat.${id}`);
    if (e.status === 409 && token) location.replace(`#/${encodeURIComponent(id)}/seat/${encodeURIComponent(token)}`);
    else main.innerHTML = `<p class="error" role="alert" id="claim-error">${esc(e.message)}</p>`;
  }
}

// ---- the seat ----
async function seatPage(id, token) {
  seat = { id, token };
  localStorage.setItem(`parley.seat.${id}`, token);
  state = null; draft = {}; analysisShown = false;
  await refresh();
  post(`/api/sessions/${encodeURIComponent(id)}/events`, { token, kind: "view", detail: "seat page" }).catch(() => {});
  poll = setInterval(() => refresh().catch(() => {}), 700);
}

async function refresh() {
  const s = await api(`/api/sessions/${encodeURIComponent(seat.id)}?token=${encodeURIComponent(seat.token)}`);
  if (state && s.version === state.version) return;
  show(s);
}

function show(s) {
  state = s;
  if (s.status !== "running") stop();
  const me = s.you;
  if (!Object.keys(draft).length) draft = initialDraft(s);
  const parts = [statusLine(s), invites(s), resultBanner(s)];
  if (s.protocol === "sao") parts.push(saoSeat(s));
  else if (s.protocol === "single-text" && me.role === "principal") parts.push(voterSeat(s));
  else if (s.protocol === "single-text") parts.push(mediatorSeat(s));
  else parts.push(shuttleSeat(s));
  main.innerHTML = parts.join("");
  wire(s);
  if (s.analyst && analysisShown) loadAnalysis();
}

function initialDraft(s) {
  const mine = [...s.history].reverse().find(e => e.party === s.you.party && e.outcome);
  const text = s.protocol === "single-text" ? [...s.history].reverse().find(e => e.action === "propose" && e.outcome) : null;
  const start = mine?.outcome ?? text?.outcome ?? s.you.best ?? Object.fromEntries(s.issues.map(i => [i.name, i.values[0]]));
  return { ...start };
}

function statusLine(s) {
  const round = s.round;
  const limit = s.deadline.rounds ? ` of ${s.deadline.rounds}` : "";
  const ends = s.deadline.endsAt ? ` · ends ${new Date(s.deadline.endsAt).toLocaleTimeString()}` : "";
  const turn = s.status !== "running" ? "" : s.yourTurn
    ? `<span class="turn yours" id="turn">Your turn</span>`
    : `<span class="turn" id="turn">Waiting for ${esc(s.waitingFor.length ? s.waitingFor.join(", ") : "the other parties")}</span>`;
  return `<h1>${esc(s.scenario)} <span class="muted">· ${esc(s.protocol)}</span></h1>
    <div class="status-line"><span>You are <strong id="you">${esc(s.you.party)}</strong> (${esc(s.you.role)})</span>
      <span>Round <strong id="round">${round}</strong>${limit}${ends}</span>
      <span>Status: <strong id="status">${esc(words[s.status] ?? s.status)}</strong></span>${turn}</div>`;
}

function invites(s) {
  const others = JSON.parse(localStorage.getItem(`parley.invites.${s.id}`) ?? "[]");
  const exp = localStorage.getItem(`parley.export.${s.id}`);
  if (!others.length && !exp) return "";
  return `<details class="card invites"><summary>Links for this session</summary>
    ${others.map(o => `<p>Send to the person at <strong>${esc(o.party)}</strong>: <input readonly class="invite" data-party="${esc(o.party)}" value="${esc(o.link)}"></p>`).join("")}
    ${exp ? `<p>Record of the session (for you, not the participants): <a id="export-json" href="${esc(exp)}">JSON</a> · <a href="${esc(exp)}&format=csv">CSV</a></p>` : ""}</details>`;
}

function resultBanner(s) {
  if (s.status === "running") return "";
  const r = s.result ?? {};
  const agreement = r.agreement ? Object.entries(r.agreement).map(([k, v]) => `${esc(k)}: <strong>${esc(v)}</strong>`).join(" · ") : "";
  const utility = r.utility !== null && r.utility !== undefined ? ` Your utility: <strong id="result-utility">${fmt(r.utility)}</strong>.` : "";
  const why = s.status === "walkedAway" && r.walkedAwayBy ? ` (${esc(r.walkedAwayBy)} walked away)` : r.failure ? ` (${esc(r.failure)})` : "";
  return `<div id="result" class="banner ${s.status === "agreed" ? "agreed" : "other"}" role="status">
    ${s.status === "agreed" ? "Agreement." : `No agreement: ${esc(words[s.status] ?? s.status)}${why}.`}${utility}<br>${agreement}</div>`;
}

function gauge(utility, reserved) {
  const u = Math.max(0, Math.min(1, utility ?? 0)), r = Math.max(0, Math.min(1, reserved ?? 0));
  return `<div class="gauge" data-u="${u}" data-r="${r}"><div class="fill"></div><div class="rv" title="your reserved value"></div></div>`;
}

function outcomeTable(outcome, id) {
  return `<table id="${id}"><tbody>${Object.entries(outcome).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")}</tbody></table>`;
}

function editor(s, id) {
  const red = new Map(s.you.redLines.map(l => [l.issue, new Set(l.values)]));
  return `<div class="editor" id="${id}">${s.issues.map(issue => `<label for="${id}-${esc(issue.name)}">${esc(issue.name)}</label>
    <select id="${id}-${esc(issue.name)}" data-issue="${esc(issue.name)}">${issue.values.map(v =>
      `<option value="${esc(v)}" ${draft[issue.name] === v ? "selected" : ""}>${esc(v)}${red.get(issue.name)?.has(v) ? " (red line)" : ""}</option>`).join("")}</select>`).join("")}</div>`;
}

function reservedCard(s) {
  return `<div class="card"><h2>Your reserved value</h2>
    <p>Now: <span class="utility" id="reserved-now">${fmt(s.you.reservedValue)}</span> <span class="muted">what you get without agreement</span></p>
    ${timelineChart(s)}
    ${s.events.length ? `<ul id="events">${s.events.map(e => `<li class="${e.fired ? "" : "muted"}">${e.fired ? "✔" : "…"} ${e.date ? esc(e.date) + ": " : `t=${fmt(e.t, 2)}: `}${esc(e.name)}${e.reservedValueChange ? ` <strong>(${e.reservedValueChange > 0 ? "+" : ""}${fmt(e.reservedValueChange, 2)} for you)</strong>` : ""}</li>`).join("")}</ul>` : ""}
    <p class="muted">Deadline: ${s.deadline.rounds ? `${s.deadline.rounds} rounds` : ""}${s.deadline.rounds && s.deadline.minutes ? " or " : ""}${s.deadline.minutes ? `${s.deadline.minutes} minutes` : ""}.
    An unanswered turn walks away after ${Math.round(s.deadline.seatTimeoutSeconds / 60)} min.</p></div>`;
}

function historyCard(s) {
  const rows = s.history.filter(e => e.action !== "pass").map(e => `<tr class="h-${esc(e.action)}"><td class="num">${e.round}</td><td>${esc(e.party ?? "—")}${e.to ? " → " + esc(e.to) : ""}</td>
    <td><span class="tag ${esc(e.action)}">${esc(e.kind ?? e.action)}</span>${e.issues ? " " + esc(e.issues.join(", ")) : ""}${e.accepts ? ` accepted: ${esc(e.accepts.join(", ") || "none")}` : ""}${e.note ? " " + esc(e.note) : ""}</td>
    <td>${e.outcome ? esc(Object.values(e.outcome).join(" · ")) : ""}</td><td class="num">${fmt(e.utility)}</td></tr>`).reverse().join("");
  return `<div class="card wide"><h2>History</h2>${s.you.role === "principal" ? historyChart(s) : ""}
    <div class="history"><table id="history"><thead><tr><th>Round</th><th>Who</th><th>Action</th><th>Outcome</th><th>Your utility</th></tr></thead><tbody>${rows}</tbody></table></div></div>`;
}

function buttons(list) {
  return `<div class="actions">${list.map(b => `<button id="${b.id}" class="${b.cls ?? ""}" ${b.enabled ? "" : "disabled"}>${esc(b.label)}</button>`).join("")}</div>
    <p id="action-error" class="error" role="alert" hidden></p>`;
}

// SAOP principal
function saoSeat(s) {
  const offer = s.standingOffer;
  const can = a => s.yourTurn && s.allowed.includes(a);
  const theirs = offer && offer.by !== s.you.party;
  return `<div class="seat-grid">
    <div class="card"><h2>Offer on the table</h2>${offer ? `<p>by <strong id="offer-by">${esc(offer.by)}</strong></p>${outcomeTable(offer.outcome, "standing-offer")}
      <p>Your utility: <span class="utility" id="standing-utility">${fmt(offer.utility)}</span></p>${gauge(offer.utility, s.you.reservedValue)}
      ${offer.utility < s.you.reservedValue ? `<p class="warning">Below your reserved value.</p>` : ""}` : `<p class="muted" id="standing-offer">No offer yet.</p>`}
      ${buttons([{ id: "accept", label: "Accept", cls: "accept", enabled: can("accept") && theirs }, { id: "walkaway", label: "Walk away", cls: "danger", enabled: can("walkaway") }])}</div>
    <div class="card"><h2>Your counter-offer</h2>${editor(s, "editor")}
      <p>Your utility: <span class="utility" id="draft-utility">…</span></p>${gauge(null, s.you.reservedValue).replace("gauge", "gauge draft")}
      <p id="draft-warning"></p>${buttons([{ id: "offer", label: "Offer", enabled: can("offer") }]).replace('id="action-error"', 'id="offer-error"')}</div>
    ${reservedCard(s)}${historyCard(s)}</div>`;
}

// single-text principal
function voterSeat(s) {
  const can = a => s.yourTurn && s.allowed.includes(a);
  return `<div class="seat-grid">
    <div class="card"><h2>Text put to you</h2>${s.text ? outcomeTable(s.text.outcome, "text") + `<p>Your utility: <span class="utility" id="text-utility">${fmt(s.text.utility)}</span></p>${gauge(s.text.utility, s.you.reservedValue)}` : `<p class="muted">No text to answer now.</p>`}
      ${s.basis ? `<p class="muted">It revises a text worth <strong>${fmt(s.basis.utility)}</strong> to you: veto it if it is worse for you.</p>` : ""}
      <p>Objections (issues you object to most):</p><div class="checks" id="objections">${s.issues.map(i => `<label><input type="checkbox" value="${esc(i.name)}"> ${esc(i.name)}</label>`).join("")}</div>
      ${buttons([{ id: "accept", label: "Accept", cls: "accept", enabled: can("accept") }, { id: "reject", label: "Reject", enabled: can("reject") }, { id: "veto", label: "Veto", cls: "danger", enabled: can("veto") }])}</div>
    ${reservedCard(s)}${historyCard(s)}</div>`;
}

// single-text mediator
function mediatorSeat(s) {
  const can = a => s.yourTurn && s.allowed.includes(a);
  const rounds = new Map();
  for (const e of s.history) {
    if (!rounds.has(e.round)) rounds.set(e.round, { text: null, answers: [], tally: null });
    const r = rounds.get(e.round);
    if (e.action === "propose") r.text = e.outcome;
    else if (["accept", "reject", "veto"].includes(e.action)) r.answers.push(e);
    else if (e.action === "tally") r.tally = e;
  }
  const principals = s.parties.filter(p => p.role === "principal").map(p => p.name);
  const rows = [...rounds.entries()].filter(([, r]) => r.text).reverse().map(([round, r]) => `<tr><td class="num">${round}</td><td>${esc(Object.values(r.text).join(" · "))}</td>
    ${principals.map(p => { const a = r.answers.find(x => x.party === p); return `<td>${a ? `<span class="tag ${esc(a.action)}">${esc(a.action)}</span>${a.issues ? " " + esc(a.issues.join(", ")) : ""}` : "…"}</td>`; }).join("")}</tr>`).join("");
  const last = [...s.history].reverse().find(e => e.action === "propose");
  return `<div class="seat-grid">
    <div class="card"><h2>Current text</h2>${last ? outcomeTable(last.outcome, "current-text") : `<p class="muted" id="current-text">No text yet.</p>`}</div>
    <div class="card"><h2>Your next text</h2>${editor(s, "editor")}
      ${s.suggestions ? `<div class="actions"><button id="suggest-logrolling" class="secondary" ${can("propose") ? "" : "disabled"}>Suggest: logrolling</button>
        <button id="suggest-nash" class="secondary" ${can("propose") ? "" : "disabled"}>Suggest: Nash-seeking</button></div><p id="suggestion" class="muted"></p>` : ""}
      <label class="checks"><input type="checkbox" id="as-revision" ${last ? "checked" : ""} ${last ? "" : "disabled"}> put it as a revision of the current text (principals may veto a change worse for them)</label>
      ${buttons([{ id: "put-text", label: "Put this text", enabled: can("propose") }])}</div>
    <div class="card wide"><h2>Answers to past texts</h2><table id="answers"><thead><tr><th>Round</th><th>Text</th>${principals.map(p => `<th>${esc(p)}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table></div>
    ${analystCard(s)}</div>`;
}

// shuttle, principal or mediator
function shuttleSeat(s) {
  const can = a => s.yourTurn && s.allowed.includes(a);
  const received = s.history.filter(e => e.to === s.you.party && e.outcome && e.party !== s.you.party && (e.action === "deliver" || !e.note));
  const inbox = received.map((e, i) => `<tr><td class="num">${e.round}</td><td>${esc(e.party)}</td><td><span class="tag">${esc(e.kind ?? e.action)}</span>${e.issues ? " " + esc(e.issues.join(", ")) : ""}</td><td>${esc(Object.values(e.outcome).join(" · "))}</td><td class="num">${fmt(e.utility)}</td>
    <td><button class="secondary use" data-message="${i}" title="copy this package into the composer">use</button></td></tr>`).reverse().join("");
  shuttleReceived = received;
  const kinds = s.allowed.filter(a => a !== "pass");
  const kindOptions = (kinds.length ? kinds : (s.you.role === "principal" ? ["offer", "concede", "object", "accept", "reject"] : ["relay", "propose", "object"]))
    .map(k => `<option>${esc(k)}</option>`).join("");
  return `<div class="seat-grid">
    <div class="card wide"><h2>Messages that reached you</h2><table id="inbox"><thead><tr><th>Round</th><th>From</th><th>Kind</th><th>Package</th><th>Your utility</th><th></th></tr></thead><tbody>${inbox}</tbody></table></div>
    <div class="card"><h2>Send a message</h2>
      <p>You can reach: <strong id="channels">${esc((s.channels ?? []).join(", ") || "nobody")}</strong></p>
      <div class="editor"><label for="to">To</label><select id="to">${(s.channels ?? []).map(c => `<option>${esc(c)}</option>`).join("")}</select>
        <label for="kind">Kind</label><select id="kind">${kindOptions}</select></div>
      ${editor(s, "editor")}
      ${s.you.role === "principal" ? `<p>Your utility: <span class="utility" id="draft-utility">…</span></p><p id="draft-warning"></p>` : ""}
      <p>Issues conceded or objected to:</p><div class="checks" id="objections">${s.issues.map(i => `<label><input type="checkbox" value="${esc(i.name)}"> ${esc(i.name)}</label>`).join("")}</div>
      ${buttons([{ id: "send", label: "Send", enabled: s.yourTurn && (s.channels ?? []).length > 0 }, { id: "pass", label: "Pass", cls: "secondary", enabled: can("pass") }])}</div>
    ${s.you.role === "principal" ? reservedCard(s) : analystCard(s)}${historyCard(s)}</div>`;
}

function analystCard(s) {
  if (!s.analyst) return "";
  return `<details class="card wide" id="analyst" ${analysisShown ? "open" : ""}><summary><strong>Analyst view</strong>: frontier, zone of agreement, sticking points</summary><div id="analysis">Loading…</div></details>`;
}

async function loadAnalysis() {
  const target = document.getElementById("analysis");
  if (!target) return;
  try {
    const a = await api(`/api/sessions/${encodeURIComponent(seat.id)}/analysis?token=${encodeURIComponent(seat.token)}`);
    const nash = a.analysis.nash;
    target.innerHTML = `${a.plane ? planeChart(a) : ""}
      <p>Zone of agreement: <strong id="zone">${a.zone.outcomes}</strong> outcomes of the plane${a.zone.sampled ? " (sampled)" : ""} are worth at least every principal's reserved value now (${a.principals.map((p, i) => `${esc(p)} ${fmt(a.reservedValues[i])}`).join(", ")}).</p>
      ${nash ? `<p>Nash point: ${esc(Object.entries(nash.outcome).map(([k, v]) => `${k}: ${v}`).join(" · "))} (${nash.utilities.map(u => fmt(u)).join(", ")})</p>` : ""}
      <h3>Sticking points</h3><table id="sticking"><thead><tr><th>Issue</th><th>Favourite values</th><th>Objections so far</th></tr></thead><tbody>
      ${a.stickingPoints.map(p => `<tr><td>${esc(p.issue)}</td><td>${p.favourites.map(f => `${esc(f.party)}: ${esc(f.value)}`).join("; ")}</td><td class="num">${p.objections}</td></tr>`).join("")}</tbody></table>`;
  } catch (e) { target.innerHTML = `<p class="error">${esc(e.message)}</p>`; }
}

// ---- charts (SVG, drawn here) ----
function timelineChart(s) {
  const w = 520, h = 170, l = 40, r = 10, t = 10, b = 28;
  const pts = s.you.reservedTimeline.filter(p => p.value !== null);
  const x = v => l + v * (w - l - r), y = v => t + (1 - Math.max(0, Math.min(1, v))) * (h - t - b);
  const path = pts.map((p, i) => `${i ? "L" : "M"}${x(p.t).toFixed(1)},${y(p.value).toFixed(1)}`).join("");
  const ticks = s.events.map(e => `<line x1="${x(e.t)}" x2="${x(e.t)}" y1="${t}" y2="${h - b}" stroke="${e.fired ? "#9aa3b2" : "#d8dce3"}" stroke-dasharray="3 3"/>`).join("");
  return `<svg class="chart" id="timeline" viewBox="0 0 ${w} ${h}" role="img" aria-label="Your reserved value over the negotiation">
    <line x1="${l}" x2="${w - r}" y1="${h - b}" y2="${h - b}" stroke="#5b6472"/><line x1="${l}" x2="${l}" y1="${t}" y2="${h - b}" stroke="#5b6472"/>
    <text x="${l - 6}" y="${y(1) + 4}" text-anchor="end">1</text><text x="${l - 6}" y="${y(0) + 4}" text-anchor="end">0</text>
    <text x="${l}" y="${h - 8}">start</text><text x="${w - r}" y="${h - 8}" text-anchor="end">deadline</text>${ticks}
    <path d="${path}" fill="none" stroke="#b3261e" stroke-width="2"/>
    <line id="now" x1="${x(s.time)}" x2="${x(s.time)}" y1="${t}" y2="${h - b}" stroke="#1f77b4" stroke-width="2"/><text x="${x(s.time) + 4}" y="${t + 10}">now</text></svg>`;
}

function historyChart(s) {
  const w = 1100, h = 220, l = 40, r = 10, t = 10, b = 28;
  const rounds = s.deadline.rounds ?? Math.max(1, s.round);
  const x = v => l + (v / Math.max(1, rounds)) * (w - l - r), y = v => t + (1 - Math.max(0, Math.min(1, v))) * (h - t - b);
  const parties = s.parties.map(p => p.name);
  const dots = s.history.filter(e => e.utility !== null && e.utility !== undefined && ["offer", "propose", "deliver", "concede", "relay", "accept"].includes(e.action))
    .map(e => `<circle class="offer" cx="${x(e.t * rounds).toFixed(1)}" cy="${y(e.utility).toFixed(1)}" r="4" fill="${palette[parties.indexOf(e.party) % palette.length]}"><title>${esc(e.party)}: ${fmt(e.utility)}</title></circle>`).join("");
  const rv = s.you.reservedTimeline.filter(p => p.value !== null).map((p, i) => `${i ? "L" : "M"}${x(p.t * rounds).toFixed(1)},${y(p.value).toFixed(1)}`).join("");
  const legend = parties.map((p, i) => `<circle cx="${l + 14 + i * 180}" cy="${t + 8}" r="5" fill="${palette[i % palette.length]}"/><text x="${l + 24 + i * 180}" y="${t + 12}">${esc(p)}${p === s.you.party ? " (you)" : ""}</text>`).join("");
  return `<svg class="chart" id="history-plane" viewBox="0 0 ${w} ${h}" role="img" aria-label="Offers by your utility over the rounds">
    <line x1="${l}" x2="${w - r}" y1="${h - b}" y2="${h - b}" stroke="#5b6472"/><line x1="${l}" x2="${l}" y1="${t}" y2="${h - b}" stroke="#5b6472"/>
    <text x="${l - 6}" y="${y(1) + 4}" text-anchor="end">1</text><text x="${l - 6}" y="${y(0) + 4}" text-anchor="end">0</text>
    <text x="${(w) / 2}" y="${h - 8}" text-anchor="middle">round → (your utility of each offer; red: your reserved value)</text>
    <path d="${rv}" fill="none" stroke="#b3261e" stroke-dasharray="5 4"/>${dots}${legend}</svg>`;
}

function planeChart(a) {
  const w = 560, h = 420, l = 44, r = 12, t = 12, b = 36;
  const x = v => l + v * (w - l - r), y = v => t + (1 - v) * (h - t - b);
  const p = a.plane;
  const dots = p.outcomes.map(o => `<circle cx="${x(o[0]).toFixed(1)}" cy="${y(o[1]).toFixed(1)}" r="2" fill="#c5cbd5"/>`).join("");
  const frontier = p.frontier.map((o, i) => `${i ? "L" : "M"}${x(o[0]).toFixed(1)},${y(o[1]).toFixed(1)}`).join("");
  const [rx, ry] = a.reservedValues;
  return `<svg class="chart" id="plane" viewBox="0 0 ${w} ${h}" role="img" aria-label="Utility plane">
    <rect x="${x(rx)}" y="${y(1)}" width="${x(1) - x(rx)}" height="${y(ry) - y(1)}" fill="#e7f5ea"/>
    ${dots}<path d="${frontier}" fill="none" stroke="#1f77b4" stroke-width="2"/>
    ${p.nash ? `<circle cx="${x(p.nash[0])}" cy="${y(p.nash[1])}" r="6" fill="#d62728"><title>Nash</title></circle>` : ""}
    <line x1="${l}" x2="${w - r}" y1="${h - b}" y2="${h - b}" stroke="#5b6472"/><line x1="${l}" x2="${l}" y1="${t}" y2="${h - b}" stroke="#5b6472"/>
    <text x="${w / 2}" y="${h - 8}" text-anchor="middle">${esc(p.xParty)} →</text><text x="14" y="${h / 2}" transform="rotate(-90 14 ${h / 2})" text-anchor="middle">${esc(p.yParty)} →</text></svg>`;
}

// ---- acting ----
function confirmed(text) {
  const dialog = document.getElementById("confirm");
  document.getElementById("confirm-text").textContent = text;
  return new Promise(resolve => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.showModal();
  });
}

async function act(body, errorId = "action-error") {
  const error = document.getElementById(errorId);
  try {
    const next = await post(`/api/sessions/${encodeURIComponent(seat.id)}/actions`, { token: seat.token, ...body });
    if (body.action === "offer" || body.action === "propose") draft = { ...draft };
    show(next);
  } catch (e) {
    if (error) { error.hidden = false; error.textContent = e.message; }
  }
}

function checkedIssues() { return [...document.querySelectorAll("#objections input:checked")].map(i => i.value); }

function sendEdit() {
  clearTimeout(editTimer);
  editTimer = setTimeout(async () => {
    try {
      const r = await post(`/api/sessions/${encodeURIComponent(seat.id)}/events`, { token: seat.token, kind: "edit", outcome: draft });
      const u = document.getElementById("draft-utility");
      if (u) u.textContent = fmt(r.utility);
      const g = document.querySelector(".gauge.draft");
      if (g) { g.dataset.u = r.utility ?? 0; paintGauges(); }
      const warning = document.getElementById("draft-warning");
      if (warning) {
        warning.className = r.redLines.length || r.withdrawn ? "warning" : r.utility !== null && r.utility < r.reservedValue ? "warning" : "ok";
        warning.textContent = r.redLines.length ? `Crosses your red line on ${r.redLines.join(", ")}: you cannot offer it.`
          : r.withdrawn ? "Uses a value no longer available." : r.utility !== null && r.utility < r.reservedValue ? "Worth less to you than your reserved value." : "Within your limits.";
      }
      for (const select of document.querySelectorAll("#editor select")) select.classList.toggle("crosses", r.redLines.includes(select.dataset.issue));
      const offer = document.getElementById("offer");
      if (offer && (r.redLines.length || r.withdrawn)) offer.disabled = true;
      else if (offer) offer.disabled = !(state.yourTurn && state.allowed.includes("offer"));
    } catch { /* the next edit tries again */ }
  }, 120);
}

function paintGauges() {
  for (const g of document.querySelectorAll(".gauge")) {
    g.querySelector(".fill").style.width = `${Number(g.dataset.u) * 100}%`;
    g.querySelector(".rv").style.left = `calc(${Number(g.dataset.r) * 100}% - 1px)`;
  }
}

function wire(s) {
  paintGauges();
  for (const select of document.querySelectorAll("#editor select")) {
    select.addEventListener("change", () => { draft[select.dataset.issue] = select.value; sendEdit(); });
  }
  if (document.getElementById("draft-utility")) sendEdit();
  const on = (id, handler) => document.getElementById(id)?.addEventListener("click", handler);
  on("accept", async () => {
    const what = s.protocol === "sao" ? `Accept ${s.standingOffer.by}'s offer, worth ${fmt(s.standingOffer.utility)} to you?` : `Accept this text${s.text ? `, worth ${fmt(s.text.utility)} to you` : ""}?`;
    if (await confirmed(what)) await act({ action: "accept" });
  });
  on("walkaway", async () => { if (await confirmed(`Walk away? The negotiation ends and you get your reserved value (${fmt(s.you.reservedValue)}).`)) await act({ action: "walkaway" }); });
  on("offer", async () => {
    const u = document.getElementById("draft-utility").textContent;
    if (await confirmed(`Offer this outcome, worth ${u} to you?`)) await act({ action: "offer", outcome: draft }, "offer-error");
  });
  on("reject", () => act({ action: "reject", issues: checkedIssues() }));
  on("veto", async () => { if (await confirmed("Veto this text? It will not replace the text it revises.")) await act({ action: "veto", issues: checkedIssues() }); });
  const suggest = name => async () => {
    const note = document.getElementById("suggestion");
    try {
      const r = await post(`/api/sessions/${encodeURIComponent(seat.id)}/suggest`, { token: seat.token, mediator: name });
      draft = { ...r.text };
      suggested = r;
      for (const select of document.querySelectorAll("#editor select")) select.value = draft[select.dataset.issue];
      note.textContent = `Suggested by Parley's ${name} mediator${r.basis ? " as a revision of the current text" : ""}.`;
    } catch (e) { note.textContent = e.message; }
  };
  on("suggest-logrolling", suggest("logrolling"));
  on("suggest-nash", suggest("nash"));
  on("put-text", () => {
    const current = [...s.history].reverse().find(e => e.action === "propose");
    const asSuggested = suggested && JSON.stringify(suggested.text) === JSON.stringify(draft);
    const basis = asSuggested ? (suggested.basis ?? undefined) : document.getElementById("as-revision")?.checked && current ? current.outcome : undefined;
    return act({ action: "propose", outcome: draft, basis });
  });
  on("send", () => act({ action: document.getElementById("kind").value, to: document.getElementById("to").value, outcome: draft, issues: checkedIssues() }));
  on("pass", () => act({ action: "pass" }));
  for (const button of document.querySelectorAll("button.use")) button.addEventListener("click", () => {
    draft = { ...shuttleReceived[Number(button.dataset.message)].outcome };
    for (const select of document.querySelectorAll("#editor select")) select.value = draft[select.dataset.issue];
    sendEdit();
  });
  const analyst = document.getElementById("analyst");
  analyst?.addEventListener("toggle", () => { analysisShown = analyst.open; if (analyst.open) loadAnalysis(); });
}

window.addEventListener("hashchange", route);
route();
