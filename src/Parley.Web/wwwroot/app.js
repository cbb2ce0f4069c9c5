// Parley viewer: plain JavaScript over the JSON API (docs/api.md); no build step.
"use strict";

const main = document.getElementById("main");
const palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
let stream = null; // the EventSource of the run being watched, closed when the page changes
let routeToken = 0; // a page whose data arrives after the user moved on is not shown
const STALE = new Error("stale page");
const fresh = token => { if (token !== routeToken) throw STALE; };

const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const fmt = (x, d = 3) => x === null || x === undefined ? "–" : Number(x).toFixed(d);
const bigCount = s => s === null || s === undefined ? "continuous" : s.length > 12 ? `about 10^${s.length - 1}` : Number(s).toLocaleString("en");

async function api(path, init) {
  const response = await fetch(path, init);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail ?? `${response.status} ${response.statusText}`);
  return body;
}

function showError(message) {
  main.innerHTML = `<p class="error" role="alert">${esc(message)}</p>`;
}

async function route() {
  if (stream) { stream.close(); stream = null; }
  const hash = decodeURIComponent(location.hash.replace(/^#/, "")) || "/";
  main.textContent = "Loading…";
  const token = ++routeToken;
  try {
    if (hash.startsWith("/scenario/")) await scenarioPage(hash.slice("/scenario/".length), token);
    else if (hash === "/report") await reportPage("cairo-2024", token);
    else if (hash.startsWith("/report/")) await reportPage(hash.slice("/report/".length), token);
    else if (hash === "/leaderboard") await leaderboardPage(token);
    else await listPage(token);
  } catch (e) {
    if (e !== STALE && token === routeToken) showError(e.message);
  }
}

// ---- scenario list ----
async function listPage(token) {
  const scenarios = await api("/api/scenarios");
  fresh(token);
  const rows = scenarios.map(s => s.error
    ? `<tr><td>${esc(s.name)}</td><td colspan="3" class="error">${esc(s.error)}</td></tr>`
    : `<tr><td><a href="#/scenario/${encodeURIComponent(s.name)}">${esc(s.name)}</a></td>
         <td>${s.parties.map(p => esc(p.name) + (p.role === "mediator" ? " <span class=muted>(mediator)</span>" : "")).join(", ")}</td>
         <td class="num">${s.issues}</td><td class="num">${bigCount(s.outcomeCount)}</td></tr>`).join("");
  main.innerHTML = `<h1>Scenarios</h1>
    <p class="muted">Pick a scenario to see its deal space and run a negotiation on it.</p>
    <table id="scenarios"><thead><tr><th>Scenario</th><th>Parties</th><th>Issues</th><th>Outcomes</th></tr></thead><tbody>${rows}</tbody></table>`;
}

// ---- one scenario ----
async function scenarioPage(name, token) {
  const [s, negotiators, protocols] = await Promise.all([
    api(`/api/scenarios/${encodeURIComponent(name)}`), api("/api/negotiators"), api("/api/protocols")]);
  fresh(token);
  const principals = s.analysis.principals;
  const point = p => p ? `${p.utilities.map(u => fmt(u)).join(" / ")}<br><span class="muted">${Object.entries(p.outcome).map(([k, v]) => `${esc(k)}: ${esc(v)}`).join("; ")}</span>` : "–";
  const options = (selected) => negotiators.map(n => `<option value="${esc(n.name)}" ${n.name === selected ? "selected" : ""}>${esc(n.name)}</option>`).join("");
  const defaults = ["boulware", "conceder", "linear", "hardheaded"];
  main.innerHTML = `<h1>${esc(s.title)}</h1>
    ${s.description ? `<p>${esc(s.description)}</p>` : ""}
    <p><a id="report-link" href="#/report/${encodeURIComponent(name)}">Analyst report${s.dates ? " by date" : ""}</a>: zone of agreement, sticking points, packages, outside options${s.parties.some(p => p.role === "mediator") ? ", mediated runs" : ""}.</p>
    <div class="grid">
      <section>
        <h2>Run a negotiation</h2>
        <form class="run card" id="run-form">
          <label>Protocol <select name="protocol" id="protocol">${protocols.map(p => `<option value="${esc(p.name)}" title="${esc(p.description)}">${esc(p.name)}</option>`).join("")}</select></label>
          ${principals.map((p, i) => `<label>Negotiator for ${esc(p)} <select name="negotiator" data-party="${esc(p)}">${options(defaults[i % defaults.length])}</select></label>`).join("")}
          <label>Rounds <input name="rounds" type="number" value="200" min="1"></label>
          <label>Seed <input name="seed" type="number" value="0"></label>
          <button type="submit" id="run-button">Run</button>
        </form>
        <div id="run-message"></div>
        <svg class="plane" id="plane" viewBox="0 0 560 520" role="img" aria-label="Utility plane"></svg>
        <div class="legend" id="plane-legend"></div>
        <div id="sequence"></div>
        <p id="run-status" class="muted"></p>
        <div id="run-result"></div>
      </section>
      <section>
        <h2>Deal space</h2>
        <img class="plot" id="deal-space" alt="Deal space of ${esc(s.title)}: outcomes, Pareto frontier, Nash and Kalai–Smorodinsky points" src="/api/scenarios/${encodeURIComponent(name)}/plot.svg">
        <h2>Analysis</h2>
        <table id="analysis">
          <tr><th>Outcomes</th><td>${bigCount(s.outcomeCount)}</td></tr>
          <tr><th>Method</th><td>${esc(s.analysis.method)}</td></tr>
          <tr><th>Pareto frontier</th><td>${esc(s.analysis.frontier.points)} points${s.analysis.frontier.exact ? " (exact)" : " (searched, not proven complete)"}</td></tr>
          <tr><th>Nash point (${principals.map(esc).join(" / ")})</th><td>${point(s.analysis.nash)}</td></tr>
          <tr><th>Kalai–Smorodinsky</th><td>${point(s.analysis.kalaiSmorodinsky)}</td></tr>
          <tr><th>Maximum welfare</th><td>${point(s.analysis.maxWelfare)}</td></tr>
        </table>
        <h2>Parties</h2>
        <table id="parties"><tr><th>Party</th><th>Role</th><th>Reserved value</th><th>Discount</th><th>Source</th></tr>
          ${s.parties.map(p => `<tr><td>${esc(p.name)}</td><td>${esc(p.role)}</td>
            <td class="num">${fmt(p.reservedValue)}${p.reservedValueCurve ? ` <span class="muted">(moves: ${p.reservedValueCurve.map(c => `t=${fmt(c.t, 2)}: ${fmt(c.value, 2)}`).join(", ")})</span>` : ""}</td>
            <td class="num">${fmt(p.discountFactor)}</td><td>${esc(p.source ?? "")}${Object.entries(p.positionSources ?? {}).map(([k, v]) => `<br><span class="muted">${esc(k)}: ${esc(v)}</span>`).join("")}</td></tr>`).join("")}
        </table>
        <h2>Issues</h2>
        <table id="issues"><tr><th>Issue</th><th>Values</th><th>Examples</th></tr>
          ${s.issues.map(i => `<tr><td>${esc(i.name)}</td><td class="num">${bigCount(i.values)}</td><td>${i.examples.map(esc).join(", ")}</td></tr>`).join("")}
        </table>
        ${s.warnings.length ? `<h2>Warnings</h2><ul>${s.warnings.map(w => `<li>${esc(w)}</li>`).join("")}</ul>` : ""}
      </section>
    </div>`;
  // Listeners first, so the form works while the plane is still loading.
  let view = null;
  document.getElementById("run-form").addEventListener("submit", e => { e.preventDefault(); startRun(name, principals, view); });
  document.getElementById("protocol").addEventListener("change", async e => {
    const available = await api(`/api/negotiators?protocol=${encodeURIComponent(e.target.value)}`);
    document.querySelectorAll("select[name=negotiator]").forEach((select, i) => {
      const keep = available.some(n => n.name === select.value) ? select.value : available[i % available.length].name;
      select.innerHTML = available.map(n => `<option value="${esc(n.name)}" ${n.name === keep ? "selected" : ""}>${esc(n.name)}</option>`).join("");
    });
  });
  const plane = await api(`/api/scenarios/${encodeURIComponent(name)}/plane`).catch(e => { document.getElementById("run-message").innerHTML = `<p class="muted">${esc(e.message)}</p>`; return null; });
  fresh(token);
  view = plane ? new PlaneView(document.getElementById("plane"), document.getElementById("plane-legend"), plane) : null;
}

async function startRun(name, principals, view) {
  const form = document.getElementById("run-form");
  const message = document.getElementById("run-message");
  const status = document.getElementById("run-status");
  const resultBox = document.getElementById("run-result");
  message.innerHTML = ""; resultBox.innerHTML = "";
  const body = {
    scenario: name,
    protocol: form.protocol.value,
    negotiators: [...form.querySelectorAll("select[name=negotiator]")].map(s => s.value),
    rounds: form.rounds.value === "" ? null : Number(form.rounds.value),
    seed: form.seed.value === "" ? 0 : Number(form.seed.value),
  };
  let run;
  try {
    run = await api("/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch (e) {
    message.innerHTML = `<p class="error" role="alert" id="run-error">${esc(e.message)}</p>`;
    return;
  }
  const button = document.getElementById("run-button");
  button.disabled = true;
  view?.clearRun();
  const sequence = new SequenceView(document.getElementById("sequence"));
  let offers = 0;
  status.textContent = "Negotiating…";
  if (stream) stream.close();
  stream = new EventSource(run.events);
  stream.addEventListener("offer", e => {
    const entry = JSON.parse(e.data);
    if (entry.utilities && ["offer", "propose", "concede"].includes(entry.action)) { offers++; view?.addOffer(entry, principals); }
    if (entry.to && entry.action !== "deliver") sequence.add(entry, principals);
    status.textContent = `${offers} offers so far (round ${entry.round})`;
  });
  stream.addEventListener("result", e => {
    const r = JSON.parse(e.data);
    stream.close(); stream = null; button.disabled = false;
    if (r.utilities) view?.markAgreement(r.utilities, principals);
    status.textContent = `${offers} offers, ${r.rounds} rounds.`;
    resultBox.innerHTML = `<div class="card" id="result">${r.agreement
      ? `<strong>Agreement</strong> after ${r.rounds} rounds: ${Object.entries(r.agreement).map(([k, v]) => `${esc(k)}: ${esc(v)}`).join("; ")}
         <br>Utilities: ${r.parties.map((p, i) => `${esc(p)} ${fmt(r.utilities[i])}`).join(", ")}`
      : `<strong>No agreement</strong> (${esc(r.status)}) after ${r.rounds} rounds.`}
      ${r.failure ? `<br><span class="error">${esc(r.failure)}</span>` : ""}</div>`;
  });
  stream.addEventListener("failure", e => {
    stream.close(); stream = null; button.disabled = false;
    message.innerHTML = `<p class="error" role="alert">${esc(JSON.parse(e.data).message)}</p>`;
  });
  stream.onerror = () => { if (stream) { stream.close(); stream = null; button.disabled = false; status.textContent = "The connection to the server was lost."; } };
}

// ---- the utility plane, drawn in SVG ----
class PlaneView {
  constructor(svg, legend, plane) {
    this.svg = svg; this.legend = legend; this.plane = plane;
    this.left = 60; this.top = 15; this.size = 440;
    this.trails = new Map();
    this.draw();
  }
  x(u) { return this.left + u * this.size; }
  y(u) { return this.top + (1 - u) * this.size; }
  el(tag, attrs, parent = this.svg) {
    const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    parent.appendChild(e);
    return e;
  }
  draw() {
    const p = this.plane;
    this.svg.innerHTML = "";
    for (let t = 0; t <= 1.0001; t += 0.2) {
      this.el("line", { x1: this.x(t), y1: this.y(0), x2: this.x(t), y2: this.y(1), stroke: "#eceef2" });
      this.el("line", { x1: this.x(0), y1: this.y(t), x2: this.x(1), y2: this.y(t), stroke: "#eceef2" });
      this.el("text", { x: this.x(t), y: this.y(0) + 18, "text-anchor": "middle" }).textContent = t.toFixed(1);
      this.el("text", { x: this.x(0) - 8, y: this.y(t) + 4, "text-anchor": "end" }).textContent = t.toFixed(1);
    }
    this.el("rect", { x: this.x(0), y: this.y(1), width: this.size, height: this.size, fill: "none", stroke: "#888" });
    this.el("text", { x: this.x(0.5), y: this.y(0) + 40, "text-anchor": "middle", "font-weight": "bold" }).textContent = `Utility to ${p.xParty}`;
    const yl = this.el("text", { x: 16, y: this.y(0.5), "text-anchor": "middle", "font-weight": "bold", transform: `rotate(-90 16 ${this.y(0.5)})` });
    yl.textContent = `Utility to ${p.yParty}`;
    const cloud = this.el("g", { fill: "#999", "fill-opacity": 0.35 });
    for (const [ux, uy] of p.outcomes) this.el("circle", { cx: this.x(ux), cy: this.y(uy), r: 2 }, cloud);
    this.el("line", { x1: this.x(p.reserved[0]), y1: this.y(0), x2: this.x(p.reserved[0]), y2: this.y(1), stroke: palette[0], "stroke-dasharray": "6 4" });
    this.el("line", { x1: this.x(0), y1: this.y(p.reserved[1]), x2: this.x(1), y2: this.y(p.reserved[1]), stroke: palette[1], "stroke-dasharray": "6 4" });
    if (p.frontier.length) {
      const pts = p.frontier.map(([a, b]) => `${this.x(a)},${this.y(b)}`).join(" ");
      if (p.frontierProjected) for (const [a, b] of p.frontier) this.el("circle", { cx: this.x(a), cy: this.y(b), r: 3, fill: "none", stroke: "#000" });
      else this.el("polyline", { points: pts, fill: "none", stroke: "#000", "stroke-width": 2 });
    }
    if (p.nash) this.el("rect", { x: this.x(p.nash[0]) - 6, y: this.y(p.nash[1]) - 6, width: 12, height: 12, fill: "#b8860b", transform: `rotate(45 ${this.x(p.nash[0])} ${this.y(p.nash[1])})` });
    if (p.kalaiSmorodinsky) { const [a, b] = [this.x(p.kalaiSmorodinsky[0]), this.y(p.kalaiSmorodinsky[1])]; this.el("polygon", { points: `${a},${b - 7} ${a - 7},${b + 6} ${a + 7},${b + 6}`, fill: "#9400d3" }); }
    this.runLayer = this.el("g", {});
    this.legendItems = [
      [p.sampled ? "Outcomes (a sample)" : "All outcomes", "#bbb"],
      [p.frontierExact ? "Pareto frontier" : "Pareto frontier (searched)", "#000"],
      ["Nash bargaining solution", "#b8860b"], ["Kalai–Smorodinsky solution", "#9400d3"],
      [`Reserved value of ${p.xParty} (dashed)`, palette[0]], [`Reserved value of ${p.yParty} (dashed)`, palette[1]],
    ];
    this.renderLegend();
  }
  renderLegend() {
    this.legend.innerHTML = this.legendItems.map(([label, color]) => `<span style="--swatch:${color}">${esc(label)}</span>`).join("");
  }
  clearRun() { this.runLayer.innerHTML = ""; this.trails.clear(); this.draw(); }
  addOffer(entry, principals) {
    const xi = principals.indexOf(this.plane.xParty), yi = principals.indexOf(this.plane.yParty);
    let trail = this.trails.get(entry.actor);
    if (!trail) {
      const index = principals.indexOf(entry.actor);
      const color = palette[index >= 0 ? index : principals.length + this.trails.size];
      trail = { color, points: [], line: this.el("polyline", { fill: "none", stroke: color, "stroke-opacity": 0.5, "stroke-width": 1.5 }, this.runLayer), dots: this.el("g", { fill: color }, this.runLayer) };
      this.trails.set(entry.actor, trail);
      this.legendItems.push([index >= 0 ? `Offers by ${entry.actor}` : `Texts proposed by ${entry.actor}`, color]);
      this.renderLegend();
    }
    const [cx, cy] = [this.x(entry.utilities[xi]), this.y(entry.utilities[yi])];
    trail.points.push(`${cx},${cy}`);
    trail.line.setAttribute("points", trail.points.join(" "));
    this.el("circle", { cx, cy, r: 3.5, class: "offer" }, trail.dots);
  }
  markAgreement(utilities, principals) {
    const xi = principals.indexOf(this.plane.xParty), yi = principals.indexOf(this.plane.yParty);
    this.el("circle", { id: "agreement-mark", cx: this.x(utilities[xi]), cy: this.y(utilities[yi]), r: 11, fill: "none", stroke: "#dc143c", "stroke-width": 3 }, this.runLayer);
    this.legendItems.push(["Agreement (ring)", "#dc143c"]);
    this.renderLegend();
  }
}

// ---- a shuttle run's messages as a sequence diagram: one lane per party, one arrow per message ----
class SequenceView {
  constructor(box) { this.box = box; box.innerHTML = ""; this.svg = null; this.lanes = []; this.count = 0; this.max = 80; }
  add(entry, principals) {
    if (!this.svg) {
      this.box.innerHTML = `<h2>Messages along the channels</h2><svg id="sequence-diagram" class="plane" viewBox="0 0 560 60" role="img" aria-label="Sequence diagram of messages"></svg><p class="muted" id="sequence-note"></p>`;
      this.svg = this.box.querySelector("svg");
      this.lanes = [...principals];
    }
    for (const name of [entry.actor, entry.to]) if (!this.lanes.includes(name)) { this.lanes.push(name); this.drawLanes(); }
    if (!this.lanesDrawn) this.drawLanes();
    this.count++;
    if (this.count > this.max) { this.box.querySelector("#sequence-note").textContent = `${this.count} messages; the first ${this.max} are drawn.`; return; }
    const y = 40 + this.count * 14, x1 = this.x(entry.actor), x2 = this.x(entry.to);
    const colour = { offer: palette[0], relay: palette[1], reject: palette[2], accept: palette[3], concede: palette[4], object: palette[5] }[entry.action] ?? "#555";
    this.svg.setAttribute("viewBox", `0 0 560 ${y + 20}`);
    this.line(x1, y, x2, y, colour, entry.action);
  }
  x(name) { const n = Math.max(this.lanes.length, 1); return 40 + this.lanes.indexOf(name) * (480 / Math.max(n - 1, 1)); }
  drawLanes() {
    this.lanesDrawn = true;
    [...this.svg.querySelectorAll(".lane")].forEach(e => e.remove());
    for (const name of this.lanes) {
      const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
      g.setAttribute("class", "lane");
      g.innerHTML = `<line x1="${this.x(name)}" y1="28" x2="${this.x(name)}" y2="4000" stroke="#bbb"/><text x="${this.x(name)}" y="18" text-anchor="middle">${esc(name)}</text>`;
      this.svg.prepend(g);
    }
  }
  line(x1, y, x2, y2, colour, action) {
    const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
    g.setAttribute("class", "message");
    const dir = x2 >= x1 ? 1 : -1;
    g.innerHTML = `<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-width="2"/>
      <polygon points="${x2},${y2} ${x2 - 8 * dir},${y2 - 4} ${x2 - 8 * dir},${y2 + 4}" fill="${colour}"/>
      <text x="${(x1 + x2) / 2}" y="${y - 3}" text-anchor="middle" font-size="10" fill="${colour}">${esc(action)}</text>`;
    this.svg.appendChild(g);
  }
}

// ---- Cairo report and leaderboard: filled in by the pages below ----
async function reportPage(name, token) {
  const s = await api(`/api/scenarios/${encodeURIComponent(name)}`);
  fresh(token);
  const dates = s.dates;
  main.innerHTML = `<h1>Analyst report: ${esc(s.title)}</h1>
    <form class="run card" id="report-form">
      ${dates ? `<label>Date <input type="date" name="at" value="${esc(dates.start)}" min="${esc(dates.start)}" max="${esc(dates.deadline)}"></label>`
              : `<label>Time (0 to 1) <input type="number" name="at" value="0" min="0" max="1" step="0.05"></label>`}
      <button type="submit">Show the report</button>
      <a href="#/scenario/${encodeURIComponent(name)}">Scenario, deal space and runs</a>
    </form>
    <div id="report-message"></div>
    <iframe id="report" title="Report" style="width:100%;height:2400px;border:1px solid #d8dce3;background:#fff"></iframe>`;
  const form = document.getElementById("report-form");
  const show = async () => {
    const url = `${s.report}?at=${encodeURIComponent(form.at.value)}`;
    const message = document.getElementById("report-message");
    message.textContent = "Building the report…";
    const response = await fetch(url);
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      message.innerHTML = `<p class="error" role="alert">${esc(problem?.detail ?? response.statusText)}</p>`;
      return;
    }
    message.textContent = "";
    document.getElementById("report").srcdoc = await response.text();
  };
  form.addEventListener("submit", e => { e.preventDefault(); show(); });
  await show();
}

async function leaderboardPage(token) {
  const board = await api("/api/tournament");
  fresh(token);
  const pct = x => x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`;
  const rows = board.leaderboard.map((r, i) => `<tr><td class="num">${i + 1}</td><td>${esc(r.name)}</td>
      <td class="num">${fmt(r.meanUtility)}</td><td class="num">± ${fmt(r.ci95)}</td>
      <td><span class="bar" style="width:${Math.max(0, (r.meanUtility ?? 0) * 200)}px"></span></td>
      <td class="num">${r.negotiations}</td><td class="num">${pct(r.agreementRate)}</td>
      <td class="num">${fmt(r.meanDistanceToPareto)}</td><td class="num">${r.failures}</td></tr>`).join("");
  const names = board.pairwise.names;
  const cell = (rate, n) => rate === null ? `<td class="num muted">–</td>`
    : `<td class="num" style="background:hsl(${Math.round(rate * 120)},65%,${85 - Math.abs(rate - 0.5) * 30}%)" title="${n} encounters">${pct(rate)}</td>`;
  const pairwise = names.map((row, a) => `<tr><th>${esc(row)}</th>${names.map((_, b) => cell(board.pairwise.winRate[a][b], board.pairwise.encounters[a][b])).join("")}</tr>`).join("");
  main.innerHTML = `<h1>Tournament leaderboard: ${esc(board.tournament)}</h1>
    <p class="muted">${board.stored} of ${board.planned} negotiations stored. Mean utility per negotiation with the half-width of its 95% confidence interval.</p>
    <table id="leaderboard"><thead><tr><th>#</th><th>Negotiator</th><th>Mean utility</th><th>95% CI</th><th></th><th>Negotiations</th><th>Agreements</th><th>Distance to Pareto</th><th>Failures</th></tr></thead><tbody>${rows}</tbody></table>
    <img class="plot" id="leaderboard-plot" alt="Leaderboard: mean utility with confidence intervals" src="/api/tournament/plot.svg" style="max-width:900px">
    <h2>Pairwise</h2>
    <p class="muted">Share of encounters in which the row negotiator got a higher utility than the column negotiator (ties count half).</p>
    <table id="pairwise"><thead><tr><th>row vs column</th>${names.map(n => `<th>${esc(n)}</th>`).join("")}</tr></thead><tbody>${pairwise}</tbody></table>
    <h2>Scenarios</h2>
    <table id="tournament-scenarios"><thead><tr><th>Scenario</th><th>Negotiations</th><th>Agreements</th><th>Mean welfare</th><th>Best negotiator</th></tr></thead>
      <tbody>${board.scenarios.map(s => `<tr><td>${esc(s.name)}</td><td class="num">${s.negotiations}</td><td class="num">${pct(s.agreementRate)}</td><td class="num">${fmt(s.meanWelfare)}</td><td>${esc(s.best)}</td></tr>`).join("")}</tbody></table>`;
}

window.addEventListener("hashchange", route);
route();
