/*
 * The SCORM runtime on the launch page: scorm-again's API object on this
 * (parent) window, as window.API (SCORM 1.2) or window.API_1484_11 (2004),
 * started from the CMI data the server sent, committing to the server with
 * the CSRF token; then the SCO is loaded in the frame.
 *
 * SCORM 2004 navigation: a SCO may set adl.nav.request before Terminate.
 * Once Terminate has committed (synchronously, see BeforeTerminate), the
 * request is carried out with the addresses the server worked out from the
 * manifest (config.nav): continue and previous follow the item order,
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
  var pending = "_none_";

  function wrap(data) {
    return {
      csrfToken: config.csrfToken,
      sco: config.sco,
      session: config.session,
      data: data,
    };
  }

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

  var settings = {
    lmsCommitUrl: config.commitUrl,
    dataCommitFormat: "flattened",
    autocommit: true,
    autocommitSeconds: 30,
    xhrHeaders: { "X-CSRFToken": config.csrfToken },
    requestHandler: wrap,
    logLevel: 4,
  };
  var api;
  if (config.version === "1.2") {
    api = new window.Scorm12API(settings);
    window.API = api;
  } else {
    api = new window.Scorm2004API(settings);
    window.API_1484_11 = api;
    api.on("SetValue.adl.nav.request", function (element, value) {
      pending = String(value);
    });
    api.on("Terminate", function () {
      var request = pending;
      pending = "_none_";
      if (request !== "_none_") {
        // After the SCO's Terminate call has returned to it, and its beacon has gone.
        window.setTimeout(function () {
          navigate(request);
        }, 300);
      }
    });
  }
  // scorm-again sends Terminate's commit as a beacon, which nothing can wait
  // for; a synchronous commit just before it makes sure the results are on
  // the server before the learner is taken anywhere (the beacon then repeats
  // the same session, which the server recognises).
  api.on("BeforeTerminate", function () {
    api.lmsCommit("");
  });
  api.loadFromJSON(config.cmi, "");
  api.on("LMSCommit Commit", function () {
    status.textContent = "";
  });
  frame.src = config.src;
})();
