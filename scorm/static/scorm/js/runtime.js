/*
 * The SCORM runtime page, on the content origin: scorm-again's API object on
 * this window, as window.API (SCORM 1.2) or window.API_1484_11 (2004),
 * started from the CMI data the server sent and committing to the commit URL
 * the server named (its token names the learner; no cookie is sent or
 * needed); then the SCO is loaded in the frame below, so a SCO that looks
 * for the API in window.parent finds it here.
 *
 * SCORM 2004 navigation: a SCO may set adl.nav.request before Terminate.
 * Once Terminate has committed (synchronously, see BeforeTerminate), the
 * request is handed to the launch page (config.siteOrigin, which frames this
 * page), which carries it out with the addresses the server worked out from
 * the manifest.
 */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("scorm-config").textContent);
  var frame = document.getElementById("sco-frame");
  var pending = "_none_";

  function tell(message) {
    if (window.parent !== window && config.siteOrigin) {
      window.parent.postMessage(message, config.siteOrigin);
    }
  }

  function wrap(data) {
    return { sco: config.sco, session: config.session, data: data };
  }

  var settings = {
    lmsCommitUrl: config.commitUrl,
    dataCommitFormat: "flattened",
    autocommit: true,
    autocommitSeconds: 30,
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
          tell({ scormNav: request });
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
    tell({ scormCommitted: true });
  });
  frame.src = config.src;
})();
