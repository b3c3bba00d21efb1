/* The lesson page side of H5P blocks (on the site's origin).
 *
 * Each player frame runs on the content origin and hands over its xAPI
 * statements with postMessage. A message is taken only from the frame's own
 * window, from the origin the server named for it (data-h5p-origin: the
 * content origin, or "null" for a sandboxed frame without one), and only in
 * the expected shape. Statements are then queued (and kept in localStorage
 * until the server has them), posted in batches with the learner's session
 * and CSRF token, retried with a growing delay when the network fails, and
 * flushed with fetch keepalive (or sendBeacon) when the page is hidden. The
 * server's answer is shown under the frame.
 */
(function () {
  "use strict";
  if (window.h5pLessonReady) return;
  window.h5pLessonReady = true;
  var MAX_BATCH = 50;
  var players = [];

  function Player(frame) {
    this.frame = frame;
    this.origin = frame.getAttribute("data-h5p-origin");
    this.url = frame.getAttribute("data-h5p-statements");
    this.csrf = frame.getAttribute("data-csrf");
    this.status = document.querySelector('[data-h5p-status="' + frame.getAttribute("data-h5p-frame") + '"]');
    this.storeKey = this.url ? "h5p-queue:" + this.url : null;
    this.queue = [];
    this.sending = false;
    this.delay = 1000;
    this.timer = null;
    if (this.url) {
      this.load();
      if (this.queue.length) this.schedule(0);
    }
  }

  Player.prototype.save = function () {
    try {
      if (this.queue.length) localStorage.setItem(this.storeKey, JSON.stringify(this.queue));
      else localStorage.removeItem(this.storeKey);
    } catch (error) { /* storage full or disabled: the queue lives in memory */ }
  };

  Player.prototype.load = function () {
    var stored;
    try { stored = JSON.parse(localStorage.getItem(this.storeKey) || "[]"); } catch (error) { stored = []; }
    this.queue = Array.isArray(stored) ? stored.filter(function (entry) {
      return entry && typeof entry.attempt === "string" && entry.statement && typeof entry.statement === "object";
    }) : [];
  };

  Player.prototype.schedule = function (wait) {
    var player = this;
    if (player.timer) return;
    player.timer = setTimeout(function () { player.timer = null; player.send(); }, wait);
  };

  /* The next batch: queued statements of one attempt, oldest first. */
  Player.prototype.batch = function () {
    var attempt = this.queue[0].attempt;
    return this.queue.filter(function (entry) { return entry.attempt === attempt; }).slice(0, MAX_BATCH);
  };

  Player.prototype.body = function (batch) {
    return JSON.stringify({
      statements: batch.map(function (entry) { return entry.statement; }),
      attempt: batch[0].attempt,
    });
  };

  Player.prototype.show = function (result) {
    if (this.status && result && result.message) this.status.textContent = result.message;
    if (result && result.lesson_completed) {
      var done = document.getElementById("lesson-done");
      var form = document.getElementById("complete-form");
      if (done) done.hidden = false;
      if (form) form.hidden = true;
    }
  };

  Player.prototype.send = function () {
    var player = this;
    if (player.sending || !player.queue.length) return;
    player.sending = true;
    var batch = player.batch();
    fetch(player.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": player.csrf },
      body: player.body(batch),
    }).then(function (response) {
      if (response.status >= 500) throw new Error("server");
      // A refusal that is not the endpoint's own JSON (a proxy's page) is still final.
      return response.json().catch(function () { return {}; }).then(function (result) {
        // Taken or refused for good: either way these are not sent again.
        player.queue = player.queue.filter(function (entry) { return batch.indexOf(entry) < 0; });
        player.save();
        player.delay = 1000;
        player.show(result);
      });
    }).catch(function () {
      player.delay = Math.min(player.delay * 2, 60000);
      player.schedule(player.delay);
    }).then(function () {
      player.sending = false;
      if (player.queue.length) player.schedule(player.delay);
    });
  };

  Player.prototype.flush = function () {
    if (!this.url || !this.queue.length) return;
    var batch = this.batch();
    try {
      fetch(this.url, {
        method: "POST", credentials: "same-origin", keepalive: true,
        headers: { "Content-Type": "application/json", "X-CSRFToken": this.csrf },
        body: this.body(batch),
      });
    } catch (error) {
      var form = new FormData();
      form.append("csrfmiddlewaretoken", this.csrf);
      form.append("statements", JSON.stringify(batch.map(function (entry) { return entry.statement; })));
      form.append("attempt", batch[0].attempt);
      if (navigator.sendBeacon) navigator.sendBeacon(this.url, form);
    }
  };

  Player.prototype.receive = function (message) {
    if (typeof message.h5pHeight === "number" && isFinite(message.h5pHeight)) {
      this.frame.style.height = Math.max(0, Math.min(message.h5pHeight + 8, 4000)) + "px";
    }
    var statements = message.h5pStatements;
    if (!this.url || !Array.isArray(statements) || typeof message.attempt !== "string") return;
    if (!statements.length || statements.length > MAX_BATCH || message.attempt.length > 4096) return;
    var player = this;
    statements.forEach(function (statement) {
      if (statement && typeof statement === "object" && !Array.isArray(statement)) {
        player.queue.push({ statement: statement, attempt: message.attempt });
      }
    });
    player.save();
    player.schedule(300);
  };

  document.querySelectorAll("iframe[data-h5p-frame]").forEach(function (frame) {
    players.push(new Player(frame));
  });

  window.addEventListener("message", function (event) {
    if (!event.data || typeof event.data !== "object") return;
    players.forEach(function (player) {
      if (event.source !== player.frame.contentWindow || event.origin !== player.origin) return;
      player.receive(event.data);
    });
  });
  window.addEventListener("pagehide", function () {
    players.forEach(function (player) { player.flush(); });
  });
  window.addEventListener("online", function () {
    players.forEach(function (player) { player.delay = 1000; player.send(); });
  });
})();
