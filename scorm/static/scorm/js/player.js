/*
 * The SCORM launch page (on the site): frames the package's runtime page on
 * the content origin and carries out the navigation requests it hands over.
 *
 * A message is taken only from that frame's window, from the origin the
 * server named (config.origin: the content origin, or "null" for a sandboxed
 * frame without one), and only in the expected shape. SCORM 2004 navigation:
 * the runtime sends the SCO's adl.nav.request once its Terminate has
 * committed; it is carried out with the addresses the server worked out from
 * the manifest (config.nav): continue and previous follow the item order,
 * {target=ID}choice opens that item, exitAll, suspendAll and abandonAll go
 * back to the lesson; exit and abandon end the part and leave the learner to
 * choose.
 */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("scorm-config").textContent);
  var frame = document.getElementById("scorm-frame");
  var status = document.getElementById("scorm-status");
  var nav = config.nav || {};
  if (!frame) return; // nothing is played here (no content origin for a SCO)

  function go(url) {
    if (!url) {
      status.textContent = config.messages.unavailable;
      return;
    }
    window.location.assign(url);
  }

  function navigate(request) {
    var choice = /^\{target=([^}]+)\}choice$/.exec(request);
    if (choice) {
      go(Object.prototype.hasOwnProperty.call(nav.choice, choice[1]) ? nav.choice[choice[1]] : null);
    } else if (request === "continue") {
      // The last part continues out of the package, back to the lesson.
      go(nav["continue"] || nav.exit);
    } else if (request === "previous") {
      go(nav.previous);
    } else if (request === "exitAll" || request === "suspendAll" || request === "abandonAll") {
      go(nav.exit);
    } else if (request === "exit" || request === "abandon") {
      frame.removeAttribute("src");
      status.textContent = config.messages.ended;
    }
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== config.origin) return;
    var message = event.data;
    if (!message || typeof message !== "object") return;
    if (typeof message.scormNav === "string" && message.scormNav.length < 300) {
      navigate(message.scormNav);
    } else if (message.scormCommitted === true) {
      status.textContent = "";
    }
  });
  frame.src = config.frameSrc;
})();
