/* The H5P player page: starts h5p-standalone and sends its xAPI statements home.
 *
 * Statements are queued (and kept in localStorage until the server has them),
 * sent in batches, retried with a growing delay when the network fails, and
 * flushed with fetch keepalive (or sendBeacon) when the page is hidden. Each
 * statement gets an id so that a retry is recognised by the server.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("h5p-player-data").textContent);
  var container = document.getElementById("h5p-container");
  var csrf = container.getAttribute("data-csrf");
  var url = data.statementsUrl;
  var storeKey = url ? "h5p-queue:" + url : null;
  var queue = [];
  var sending = false;
  var delay = 1000;
  var timer = null;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = (Math.random() * 16) | 0;
      return (c === "x" ? r : (r & 0x3) | 0x8).toString(16);
    });
  }

  function save() {
    try {
      if (queue.length) localStorage.setItem(storeKey, JSON.stringify(queue));
      else localStorage.removeItem(storeKey);
    } catch (error) { /* storage full or disabled: the queue lives in memory */ }
  }

  function load() {
    try { queue = JSON.parse(localStorage.getItem(storeKey) || "[]") || []; } catch (error) { queue = []; }
  }

  function tell(result) {
    if (window.parent !== window) {
      window.parent.postMessage({ h5pResult: result, statementsUrl: url }, window.location.origin);
    }
  }

  function schedule(wait) {
    if (timer) return;
    timer = setTimeout(function () { timer = null; send(); }, wait);
  }

  function send() {
    if (sending || !queue.length) return;
    sending = true;
    var batch = queue.slice(0, 50);
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ statements: batch }),
    }).then(function (response) {
      if (response.status >= 500) throw new Error("server");
      return response.json().then(function (result) {
        var sent = {};
        batch.forEach(function (statement) { sent[statement.id] = true; });
        queue = queue.filter(function (statement) { return !sent[statement.id]; });
        save();
        delay = 1000;
        if (response.ok) tell(result);
      });
    }).catch(function () {
      delay = Math.min(delay * 2, 60000);
      schedule(delay);
    }).then(function () {
      sending = false;
      if (queue.length) schedule(delay);
    });
  }

  function flush() {
    if (!url || !queue.length) return;
    var body = JSON.stringify({ statements: queue.slice(0, 50) });
    try {
      fetch(url, {
        method: "POST", credentials: "same-origin", keepalive: true,
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf }, body: body,
      });
    } catch (error) {
      var form = new FormData();
      form.append("csrfmiddlewaretoken", csrf);
      form.append("statements", JSON.stringify(queue.slice(0, 50)));
      if (navigator.sendBeacon) navigator.sendBeacon(url, form);
    }
  }

  function listen(dispatcher) {
    dispatcher.on("xAPI", function (event) {
      var statement = JSON.parse(JSON.stringify(event.data.statement));
      statement.id = statement.id || uuid();
      queue.push(statement);
      save();
      schedule(300);
    });
  }

  function resize() {
    if (window.parent !== window) {
      window.parent.postMessage(
        { h5pHeight: document.documentElement.scrollHeight, statementsUrl: url },
        window.location.origin
      );
    }
  }

  if (url) {
    load();
    if (queue.length) schedule(0);
    window.addEventListener("pagehide", flush);
    window.addEventListener("online", function () { delay = 1000; send(); });
  }
  new H5PStandalone.H5P(container, data.options).then(function () {
    var frame = container.querySelector("iframe");
    var dispatcher = (window.H5P && H5P.externalDispatcher) ||
      (frame && frame.contentWindow.H5P && frame.contentWindow.H5P.externalDispatcher);
    if (url && dispatcher) listen(dispatcher);
    resize();
    if (window.ResizeObserver) new ResizeObserver(resize).observe(document.body);
  });
})();
