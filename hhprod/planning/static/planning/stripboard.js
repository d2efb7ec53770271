/* The stripboard's moves: drag (SortableJS), Alt+Up/Down, or "Move…"; each sent to the server at once.
   The server's answer is the word: on a refusal, or when others moved meanwhile, the board is reloaded. */
(function () {
  "use strict";
  var root = document.getElementById("stripboard");
  if (!root) { return; }
  var status = document.getElementById("board-status");
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var dialog = document.getElementById("move-dialog");
  var sortables = [];
  var moving = null;

  function board() { return document.getElementById("board"); }

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function stripsOf(list) { return Array.prototype.filter.call(list.children, function (el) { return el.classList.contains("strip"); }); }

  function findStrip(scene, part) {
    return board().querySelector('.strip[data-scene="' + scene + '"][data-part="' + part + '"]');
  }

  function post(url, fields) {
    var body = new FormData();
    Object.keys(fields).forEach(function (key) { body.append(key, fields[key]); });
    body.append("version", board().dataset.version);
    return fetch(url, { method: "POST", body: body, headers: { "X-CSRFToken": csrf }, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .catch(function () { return { ok: false, data: { error: "The move could not reach the server: the board is reloaded." } }; });
  }

  function refresh(focus) {
    return fetch(window.location.pathname, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("board");
        board().replaceWith(fresh);
        bind();
        if (focus) {
          var strip = findStrip(focus.scene, focus.part);
          if (strip) { strip.focus(); }
        }
        root.dataset.refreshed = String(Number(root.dataset.refreshed || 0) + 1);
      });
  }

  function keyOf(item) { return { scene: item.dataset.scene, part: item.dataset.part }; }

  function show(answer, item, asked) {
    var data = answer.data;
    if (!answer.ok) {
      announce(data.error);
      return refresh(keyOf(item));
    }
    board().dataset.version = data.version;
    var misplaced = String(data.day || "") !== asked.day || (data.position && data.position !== asked.position);
    if (data.stale || misplaced) {
      announce(data.message + (data.stale ? " Someone else moved strips too: the board shows their moves now." : ""));
      return refresh(keyOf(item));
    }
    Object.keys(data.days).forEach(function (id) {
      var day = board().querySelector('.day[data-day-id="' + id + '"]');
      if (day) {
        day.querySelector(".day-pages").textContent = data.days[id].pages;
        day.querySelector(".day-scenes").textContent = data.days[id].scenes;
      }
    });
    board().querySelector(".boneyard .count").textContent = stripsOf(board().querySelector(".boneyard .strips")).length;
    announce(data.message);
  }

  // One move at a time, in the order made: each is sent with the version the one before it was
  // answered with, and lands where it was made, not where a faster answer left the board.
  var moves = Promise.resolve();
  var unanswered = 0;

  function queued(step) {
    unanswered += 1;
    root.dataset.busy = "true";
    moves = moves.then(step)
      .catch(function () { announce("The board could not be reloaded: reload the page."); })
      .then(function () {
        unanswered -= 1;
        if (!unanswered) { delete root.dataset.busy; }
      });
  }

  function send(item) {
    var list = item.parentElement;
    var asked = {
      scene: item.dataset.scene, part: item.dataset.part, day: list.dataset.day,
      position: stripsOf(list).indexOf(item) + 1
    };
    queued(function () {
      return post(root.dataset.moveUrl, asked).then(function (answer) {
        if (board().contains(item)) { return show(answer, item, asked); }
        // An earlier answer reloaded the board before this move was answered: reloaded again, it shows it.
        announce(answer.ok ? answer.data.message : answer.data.error);
        return refresh(asked);
      });
    });
  }

  function nudge(item, step) {
    var strips = stripsOf(item.parentElement);
    var at = strips.indexOf(item);
    var to = at + step;
    if (to < 0 || to >= strips.length) {
      announce("The strip is already " + (step < 0 ? "first" : "last") + " in its day: use Move… for another day.");
      return;
    }
    item.parentElement.insertBefore(item, step < 0 ? strips[to] : strips[to].nextSibling);
    item.focus();
    send(item);
  }

  function onKey(event) {
    var item = event.target.closest(".strip");
    if (!item || event.target !== item) { return; }
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      nudge(item, event.key === "ArrowUp" ? -1 : 1);
    } else if (!event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      var all = Array.prototype.slice.call(board().querySelectorAll(".strip"));
      var next = all[all.indexOf(item) + (event.key === "ArrowUp" ? -1 : 1)];
      if (next) { next.focus(); }
    }
  }

  function openMove(event) {
    var button = event.target.closest(".move-to");
    if (!button) { return; }
    moving = button.closest(".strip");
    document.getElementById("move-what").textContent = moving.dataset.label;
    document.getElementById("move-day").value = moving.parentElement.dataset.day;
    document.getElementById("move-position").value = stripsOf(moving.parentElement).indexOf(moving) + 1;
    dialog.showModal();
  }

  function closeMove() {
    var item = moving;
    moving = null;
    if (!item || dialog.returnValue !== "move") { return; }
    var list = board().querySelector('.strips[data-day="' + document.getElementById("move-day").value + '"]');
    var strips = stripsOf(list).filter(function (el) { return el !== item; });
    var place = Math.max(1, Number(document.getElementById("move-position").value) || 1);
    list.insertBefore(item, strips[place - 1] || null);
    item.focus();
    send(item);
  }

  function bind() {
    sortables.forEach(function (sortable) { sortable.destroy(); });
    sortables = Array.prototype.map.call(board().querySelectorAll(".strips"), function (list) {
      return Sortable.create(list, {
        group: { name: "board", pull: list.dataset.shot !== "true", put: !list.dataset.cancelled && !list.dataset.shot },
        sort: list.dataset.shot !== "true",
        draggable: ".strip",
        // "Move…" is a button, not a handle; a held strip (on a shot day) does not drag, and says why.
        filter: function (event, item) {
          if (event.target.closest(".move-to")) { return true; }
          if (item && item.dataset.held) { announce(item.dataset.held); return true; }
          return false;
        },
        preventOnFilter: false,
        forceFallback: true, // pointer events: works with a mouse, a finger and a test's synthetic pointer alike
        fallbackOnBody: true,
        animation: 120,
        onEnd: function (event) {
          if (event.from === event.to && event.oldIndex === event.newIndex) { return; }
          send(event.item);
        }
      });
    });
  }

  document.getElementById("undo").addEventListener("click", function () {
    queued(function () {
      return post(root.dataset.undoUrl, {}).then(function (answer) {
        announce(answer.ok ? answer.data.message : answer.data.error);
        return refresh(null);
      });
    });
  });
  root.addEventListener("keydown", onKey);
  root.addEventListener("click", openMove);
  dialog.addEventListener("close", closeMove);
  bind();
  root.dataset.ready = "true";
}());
