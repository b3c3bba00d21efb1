/* The H5P player page, on the content origin: starts h5p-standalone and hands
 * the activity's xAPI statements and its height to the lesson page.
 *
 * This page never sees the site's session: it posts messages to the one site
 * origin the server named (data.siteOrigin), and the lesson page
 * (h5p/lesson.js) decides what to do with them. Each statement gets an id so
 * that a retry is recognised by the server; the attempt token tells the
 * server that this learner opened this player.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("h5p-player-data").textContent);
  var container = document.getElementById("h5p-container");
  var framed = window.parent !== window;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = (Math.random() * 16) | 0;
      return (c === "x" ? r : (r & 0x3) | 0x8).toString(16);
    });
  }

  function tell(message) {
    if (framed && data.siteOrigin) window.parent.postMessage(message, data.siteOrigin);
  }

  function listen(dispatcher) {
    dispatcher.on("xAPI", function (event) {
      var statement = JSON.parse(JSON.stringify(event.data.statement));
      statement.id = statement.id || uuid();
      tell({ h5pStatements: [statement], attempt: data.attempt });
    });
  }

  function resize() {
    tell({ h5pHeight: document.documentElement.scrollHeight });
  }

  // h5p-standalone's own frame (iframe.h5p-iframe) comes without a title; a frame
  // needs one (WCAG 4.1.2), so it gets the activity's, as soon as it appears.
  function titleFrames() {
    container.querySelectorAll("iframe:not([title]), iframe[title='']").forEach(function (frame) {
      frame.setAttribute("title", document.title);
    });
  }
  if (window.MutationObserver) {
    new MutationObserver(titleFrames).observe(container, { childList: true, subtree: true });
  }

  new H5PStandalone.H5P(container, data.options).then(function () {
    titleFrames();
    var frame = container.querySelector("iframe");
    var dispatcher = (window.H5P && H5P.externalDispatcher) ||
      (frame && frame.contentWindow.H5P && frame.contentWindow.H5P.externalDispatcher);
    if (data.attempt && dispatcher) listen(dispatcher);
    resize();
    if (window.ResizeObserver) new ResizeObserver(resize).observe(document.body);
  });
})();
