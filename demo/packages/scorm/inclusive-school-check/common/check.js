/* The inclusive school check: a SCORM 1.2 SCO of one page.
 *
 * The questions, their right answers and every message are in the page
 * (index.html, one per language); this script only scores the form and
 * reports to the LMS: cmi.core.score (0-100), cmi.core.lesson_status
 * (passed or failed against the manifest's mastery score, 80 if the LMS
 * gives none) and one cmi.interactions entry per question.
 */
(function () {
  "use strict";

  function findAPI(win) {
    for (var tries = 0; win && tries < 10; tries++) {
      if (win.API) return win.API;
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = findAPI(window);
  var started = new Date();
  var form = document.getElementById("check");
  var result = document.getElementById("result");
  var retry = document.getElementById("retry");
  var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-answer]"));
  var finished = false;

  function get(name) {
    return api ? api.LMSGetValue(name) : "";
  }

  function set(name, value) {
    if (api) api.LMSSetValue(name, String(value));
  }

  function sessionTime() {
    var total = Math.round((new Date() - started) / 1000);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(total / 3600)) + ":" + pad(Math.floor(total / 60) % 60) + ":" + pad(total % 60);
  }

  function finish() {
    if (!api || finished) return;
    finished = true;
    set("cmi.core.session_time", sessionTime());
    api.LMSCommit("");
    api.LMSFinish("");
  }

  if (api) {
    api.LMSInitialize("");
    if (get("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
  } else {
    document.getElementById("no-lms").hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var right = 0;
    var unanswered = questions.filter(function (fieldset) {
      return !fieldset.querySelector("input:checked");
    });
    if (unanswered.length) {
      result.textContent = result.getAttribute("data-unanswered");
      unanswered[0].querySelector("input").focus();
      return;
    }
    questions.forEach(function (fieldset, index) {
      var chosen = fieldset.querySelector("input:checked").value;
      var correct = chosen === fieldset.getAttribute("data-answer");
      var feedback = fieldset.querySelector(".feedback");
      if (correct) right++;
      fieldset.className = correct ? "right" : "wrong";
      feedback.textContent = fieldset.getAttribute(correct ? "data-right" : "data-wrong");
      feedback.hidden = false;
      set("cmi.interactions." + index + ".id", fieldset.id);
      set("cmi.interactions." + index + ".type", "choice");
      set("cmi.interactions." + index + ".student_response", chosen);
      set("cmi.interactions." + index + ".correct_responses.0.pattern", fieldset.getAttribute("data-answer"));
      set("cmi.interactions." + index + ".result", correct ? "correct" : "wrong");
    });
    var score = Math.round((right / questions.length) * 100);
    var mastery = parseFloat(get("cmi.student_data.mastery_score"));
    if (isNaN(mastery)) mastery = 80;
    var passed = score >= mastery;
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", score);
    set("cmi.core.lesson_status", passed ? "passed" : "failed");
    set("cmi.core.session_time", sessionTime());
    if (api) api.LMSCommit("");
    result.textContent = result.getAttribute(passed ? "data-passed" : "data-failed")
      .replace("{score}", score).replace("{right}", right).replace("{total}", questions.length);
    form.querySelector("button[type=submit]").hidden = true;
    retry.hidden = false;
    result.focus();
  });

  retry.addEventListener("click", function () {
    form.reset();
    questions.forEach(function (fieldset) {
      fieldset.className = "";
      fieldset.querySelector(".feedback").hidden = true;
    });
    result.textContent = "";
    retry.hidden = true;
    form.querySelector("button[type=submit]").hidden = false;
    questions[0].querySelector("input").focus();
  });

  window.addEventListener("pagehide", finish);
})();
