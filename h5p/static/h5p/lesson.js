/* The lesson page side of H5P blocks: sizes each player frame and shows its result. */
(function () {
  "use strict";
  if (window.h5pLessonReady) return;
  window.h5pLessonReady = true;
  window.addEventListener("message", function (event) {
    if (event.origin !== window.location.origin || !event.data) return;
    var frames = document.querySelectorAll("iframe[data-h5p-frame]");
    frames.forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      if (event.data.h5pHeight) frame.style.height = Math.min(event.data.h5pHeight + 8, 4000) + "px";
      var result = event.data.h5pResult;
      if (!result) return;
      var status = document.querySelector('[data-h5p-status="' + frame.getAttribute("data-h5p-frame") + '"]');
      if (status && result.message) status.textContent = result.message;
      if (result.lesson_completed) {
        var done = document.getElementById("lesson-done");
        var form = document.getElementById("complete-form");
        if (done) done.hidden = false;
        if (form) form.hidden = true;
      }
    });
  });
})();
