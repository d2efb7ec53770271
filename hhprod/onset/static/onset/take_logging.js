// The take-logging page: each row is saved as soon as it is entered; a row the server did not
// answer is kept on screen and in localStorage and sent again, with the same key, until it is saved.
(function () {
  "use strict";

  const root = document.getElementById("take-logging");
  if (!root) return;
  const form = document.getElementById("take-entry");
  const takes = document.getElementById("takes");
  const retryAll = document.getElementById("retry-all");
  const statusLabel = document.getElementById("status-label");
  const warning = document.getElementById("entry-warning");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const storeKey = "hhprod-take-rows-day-" + root.dataset.day;
  const FIELDS = ["scene", "setup", "number", "length", "status", "unit", "camera", "wearer", "notes"];
  const STATUS = { "*": "Circled", P: "Circled", G: "Good", N: "No good", F: "False start" };
  const STATUS_HELP = statusLabel.textContent;
  const RETRY_EVERY_MS = 5000;
  const SAVE_TIMEOUT_MS = 20000;
  // Not form.elements[name]: the form's own "length" property would hide the Length field.
  const field = (name) => form.querySelector(`[name="${name}"]`);

  function newKey() {
    if (window.crypto.randomUUID) return window.crypto.randomUUID();
    // Plain HTTP on a set's own network has no randomUUID: a version-4 UUID from random bytes.
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  // Rows not saved yet, oldest first: they outlive a reload, a closed tab and a dead battery.
  let rows = [];
  try {
    rows = JSON.parse(localStorage.getItem(storeKey)) || [];
  } catch (error) {
    rows = [];
  }
  function keep(row) {
    const at = rows.findIndex((other) => other.key === row.key);
    if (row.state === "saved") {
      if (at >= 0) rows.splice(at, 1);
    } else if (at >= 0) {
      rows[at] = row;
    } else {
      rows.push(row);
    }
    localStorage.setItem(storeKey, JSON.stringify(rows));
    retryAll.hidden = !rows.some((other) => other.state === "unsent");
  }

  function cell(text, className) {
    const td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    if (className) td.className = className;
    return td;
  }

  function button(text, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function rowElement(key) {
    let tr = takes.querySelector(`tr[data-key="${key}"]`);
    if (!tr) {
      tr = document.createElement("tr");
      tr.dataset.key = key;
      takes.appendChild(tr);
    }
    return tr;
  }

  function showSaved(tr, take) {
    tr.className = "saved";
    tr.replaceChildren(
      cell(take.slate), cell(take.number, "number"), cell(take.length, "number"), cell(take.status),
      cell(take.unit), cell(take.camera), cell(take.wearer), cell(take.notes), cell("Saved"),
    );
  }

  function showRow(row) {
    const tr = rowElement(row.key);
    const v = row.values;
    const state = cell("");
    tr.className = row.state;
    if (row.state === "saving" || row.state === "new") state.textContent = "Saving…";
    if (row.state === "unsent") {
      state.append(row.message + " ", button("Retry", () => send(row)));
    }
    if (row.state === "refused") {
      const list = document.createElement("ul");
      list.className = "errorlist";
      Object.entries(row.errors).forEach(([name, messages]) => messages.forEach((message) => {
        const item = document.createElement("li");
        item.textContent = (name === "__all__" ? "" : `${labelOf(name)}: `) + message;
        list.appendChild(item);
      }));
      state.append(list, button("Edit", () => edit(row)));
    }
    tr.replaceChildren(
      cell(v.scene + v.setup), cell(v.number, "number"), cell(v.length, "number"),
      cell(STATUS[v.status.toUpperCase()] || v.status), cell(row.labels.unit), cell(row.labels.camera),
      cell(row.labels.wearer), cell(v.notes), state,
    );
  }

  function labelOf(name) {
    const label = form.querySelector(`label[for="id_${name}"]`);
    return label ? label.textContent : name;
  }

  function chosen(name) {
    const select = field(name);
    return select.value ? select.options[select.selectedIndex].textContent.trim() : "";
  }

  // One save at a time, in the order entered: each answer's rig time then counts every take
  // before it, and a slower answer cannot put older figures over newer ones.
  let saving = Promise.resolve();

  function send(row) {
    if (row.state === "saving") return;
    row.state = "saving";
    showRow(row);
    saving = saving.then(() => save(row)).catch((error) => unsent(row, `Not saved (${error}). Retrying…`));
  }

  async function save(row) {
    const body = new URLSearchParams({ ...row.values, key: row.key });
    let response;
    try {
      response = await fetch(root.dataset.saveUrl, {
        method: "POST", body, credentials: "same-origin",
        // A stalled connection must not hold the rows behind it: given up on, the row is sent again later.
        signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
        headers: { "X-CSRFToken": csrf, Accept: "application/json" },
      });
    } catch (error) {
      return unsent(row, "Not saved: no connection. Retrying…");
    }
    const json = (response.headers.get("Content-Type") || "").includes("application/json");
    const answer = json ? await response.json().catch(() => null) : null;
    if (response.ok && answer && answer.take) {
      row.state = "saved";
      keep(row);
      showSaved(rowElement(row.key), answer.take);
      showRigTime(answer.rig_time);
      document.getElementById("day-state").textContent = `${answer.day.status} on ${answer.day.actual_date}.`;
      return;
    }
    if (answer && answer.errors) {
      row.state = "refused";
      row.errors = answer.errors;
      keep(row);
      return showRow(row);
    }
    const why = response.redirected ? "log in again in another tab" : `the server answered ${response.status}`;
    return unsent(row, `Not saved (${why}). Retrying…`);
  }

  function unsent(row, message) {
    row.state = "unsent";
    row.message = message;
    keep(row);
    showRow(row);
  }

  function retryUnsent() {
    rows.filter((row) => row.state === "unsent").forEach(send);
  }

  function edit(row) {
    FIELDS.forEach((name) => { field(name).value = row.values[name]; });
    form.dataset.key = row.key;  // nothing was written under it: the corrected row keeps it
    row.state = "saved";
    keep(row);
    rowElement(row.key).remove();
    field("length").focus();
  }

  function showRigTime(figures) {
    const body = document.getElementById("rig-time");
    body.replaceChildren(...figures.map((f) => {
      const tr = document.createElement("tr");
      tr.className = f.against_limit;
      tr.append(cell(f.wearer), cell(f.worn, "number"), cell(f.left || "—", "number"));
      return tr;
    }));
  }

  // The scene's next take number (counting rows not saved yet), its next setup, and the limit warning.
  async function preview() {
    const query = new URLSearchParams({
      scene: field("scene").value, setup: field("setup").value,
      length: field("length").value, wearer: field("wearer").value,
    });
    try {
      const response = await fetch(`${root.dataset.previewUrl}?${query}`, { credentials: "same-origin" });
      return response.ok ? await response.json() : null;
    } catch (error) {
      return null;
    }
  }

  function localNext() {
    const mine = rows.filter((row) => row.values.scene === field("scene").value.trim()
      && row.values.setup.toUpperCase() === field("setup").value.trim().toUpperCase());
    return mine.reduce((next, row) => Math.max(next, Number(row.values.number) + 1), 1);
  }

  async function suggestNumber() {
    const answer = await preview();
    if (answer && answer.scene_found) {
      // No next number past a slate's last take (the input's max): the next take starts a new setup.
      const next = answer.next_number && Math.max(answer.next_number, localNext());
      field("number").value = next && next <= Number(field("number").max) ? next : "";
    } else if (answer) warning.textContent = `No scene ${field("scene").value.trim()} in this production.`;
  }

  async function nextSetup() {
    const answer = await preview();
    if (!answer || !answer.scene_found) {
      warning.textContent = "Type the scene first (the next setup needs the connection).";
      return;
    }
    field("setup").value = answer.next_setup;
    field("number").value = 1;
    field("length").focus();
  }

  let warnTimer;
  function checkLimit() {
    clearTimeout(warnTimer);
    warnTimer = setTimeout(async () => {
      const answer = await preview();
      if (answer) warning.textContent = answer.length_error || answer.warning || "";
    }, 250);
  }

  field("status").addEventListener("keydown", (event) => {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    const key = event.key.toUpperCase();
    if (STATUS[key]) {
      field("status").value = key;
      statusLabel.textContent = STATUS[key];
    } else {
      statusLabel.textContent = `"${event.key}" is no status: ${STATUS_HELP}`;
    }
  });
  field("setup").addEventListener("keydown", (event) => {
    if (event.key === "+") {
      event.preventDefault();
      nextSetup();
    }
  });
  document.getElementById("next-setup").addEventListener("click", nextSetup);
  field("scene").addEventListener("change", suggestNumber);
  field("setup").addEventListener("change", suggestNumber);
  field("length").addEventListener("input", checkLimit);
  field("wearer").addEventListener("change", checkLimit);
  field("unit").addEventListener("change", () => {
    const camera = field("unit").options[field("unit").selectedIndex].dataset.camera;
    if (camera) field("camera").value = camera;
  });

  // Enter saves the row from any field, a select's included (a browser submits only from a text box).
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.tagName === "SELECT") {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = {};
    FIELDS.forEach((name) => { values[name] = field(name).value.trim(); });
    const missing = ["length", "status"].find((name) => !values[name]);
    if (missing) {
      warning.textContent = `Type the take's ${labelOf(missing).toLowerCase()} first.`;
      field(missing).focus();
      return;
    }
    const row = {
      key: form.dataset.key || newKey(), values, state: "new",
      labels: { unit: chosen("unit"), camera: chosen("camera"), wearer: chosen("wearer") },
    };
    delete form.dataset.key;
    keep(row);
    send(row);
    // The next take: same scene, setup, rig unit, camera and wearer, the next number.
    field("number").value = Number(values.number) + 1;
    ["length", "status", "notes"].forEach((name) => { field(name).value = ""; });
    statusLabel.textContent = STATUS_HELP;
    warning.textContent = "";
    field("length").focus();
  });

  field("unit").value = field("unit").dataset.initial;
  rows.forEach((row) => (row.state === "refused" ? showRow(row) : send({ ...row, state: "unsent" })));
  retryAll.addEventListener("click", retryUnsent);
  window.addEventListener("online", retryUnsent);
  setInterval(retryUnsent, RETRY_EVERY_MS);
  (field("scene").value ? field("length") : field("scene")).focus();
})();
