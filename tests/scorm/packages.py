"""SCORM zips made by the tests: a small SCORM 1.2 package and broken variants."""

import io
import zipfile
from pathlib import Path

# The real SCORM 2004 samples, beside this checkout or at the usual place.
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "scorm"
if not SHARED.exists():
    SHARED = Path("/work/shared/scorm")

SCO_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tiny SCO</title>
<script src="sco.js"></script></head>
<body><h1>Tiny SCORM 1.2 lesson</h1>
<p id="state">Starting</p>
<button id="finish" type="button">Finish with 85%</button>
</body></html>
"""

SCO_JS = """
function findAPI(win) {
  var tries = 0;
  while (!win.API && win.parent && win.parent !== win && tries < 10) { win = win.parent; tries++; }
  return win.API || null;
}
window.addEventListener("load", function () {
  var api = findAPI(window);
  var state = document.getElementById("state");
  if (!api) { state.textContent = "No API"; return; }
  api.LMSInitialize("");
  state.textContent = "Entry: " + api.LMSGetValue("cmi.core.entry") +
    "; location: " + api.LMSGetValue("cmi.core.lesson_location");
  document.getElementById("finish").addEventListener("click", function () {
    api.LMSSetValue("cmi.core.lesson_location", "page-3");
    api.LMSSetValue("cmi.suspend_data", "answers=abc");
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", "85");
    api.LMSSetValue("cmi.core.lesson_status", "passed");
    api.LMSSetValue("cmi.core.session_time", "00:02:30");
    var ok = api.LMSCommit("");
    api.LMSFinish("");
    state.textContent = ok === "true" ? "Finished" : "Commit failed";
  });
});
"""

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tiny" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Tiny SCORM 1.2</title>
      <item identifier="item1" identifierref="res1">
        <title>The only SCO</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="{href}">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
"""


def make_zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    buffer.seek(0)
    buffer.name = "package.zip"
    return buffer


def scorm12_files(href="index.html"):
    return {
        "imsmanifest.xml": MANIFEST_12.format(href=href),
        "index.html": SCO_HTML,
        "sco.js": SCO_JS,
    }


def scorm12_zip(**kwargs):
    return make_zip(scorm12_files(**kwargs))


# A SCORM 2004 package of three SCOs made by the tests: each reports itself
# completed with a score and asks for the next SCO with adl.nav.request, the
# last leaves with exitAll. The second is hidden from the table of contents,
# the third has a completion threshold, and its cluster forbids choice.
SCO_2004_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<script src="sco2004.js"></script></head>
<body><h1>{title}</h1>
<p id="state">Starting</p>
<button id="continue" type="button">Finish and continue</button>
<button id="previous" type="button">Go back</button>
<button id="choose" type="button">Choose part one</button>
<button id="exit" type="button">Finish and leave</button>
<button id="end" type="button">End this part</button>
</body></html>
"""

SCO_2004_JS = """
function findAPI(win) {
  var tries = 0;
  while (!win.API_1484_11 && win.parent && win.parent !== win && tries < 10) {
    win = win.parent; tries++;
  }
  return win.API_1484_11 || null;
}
window.addEventListener("load", function () {
  var api = findAPI(window);
  var state = document.getElementById("state");
  var score = new URLSearchParams(window.location.search).get("score") || "0.9";
  if (!api) { state.textContent = "No API"; return; }
  api.Initialize("");
  state.textContent = "Entry: " + api.GetValue("cmi.entry") +
    "; threshold: " + api.GetValue("cmi.completion_threshold") +
    "; passing: " + api.GetValue("cmi.scaled_passing_score");
  function finish(request) {
    api.SetValue("cmi.score.scaled", score);
    api.SetValue("cmi.score.raw", String(Math.round(score * 100)));
    api.SetValue("cmi.score.min", "0");
    api.SetValue("cmi.score.max", "100");
    api.SetValue("cmi.completion_status", "completed");
    api.SetValue("cmi.session_time", "PT1M");
    api.SetValue("adl.nav.request", request);
    api.Terminate("");
  }
  var requests = {
    continue: "continue", previous: "previous", choose: "{target=one}choice", exit: "exitAll",
    end: "exit"
  };
  Object.keys(requests).forEach(function (id) {
    document.getElementById(id).addEventListener("click", function () { finish(requests[id]); });
  });
});
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="three" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Three SCOs</title>
      <item identifier="first_part">
        <title>First part</title>
        <item identifier="one" identifierref="r1" parameters="?score=0.8">
          <title>Part one</title>
        </item>
        <item identifier="two" identifierref="r2" isvisible="false" parameters="?score=0.6">
          <title>Part two</title>
        </item>
      </item>
      <item identifier="second_part">
        <title>Second part</title>
        <item identifier="three" identifierref="r3" parameters="?score=1">
          <title>Part three</title>
          <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75"/>
          <imsss:sequencing>
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true">
                <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
              </imsss:primaryObjective>
            </imsss:objectives>
          </imsss:sequencing>
        </item>
        <imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>
      </item>
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="one.html">
      <file href="one.html"/><file href="sco2004.js"/>
    </resource>
    <resource identifier="r2" type="webcontent" adlcp:scormType="sco" href="two.html">
      <file href="two.html"/><file href="sco2004.js"/>
    </resource>
    <resource identifier="r3" type="webcontent" adlcp:scormType="sco" href="three.html">
      <file href="three.html"/><file href="sco2004.js"/>
    </resource>
  </resources>
</manifest>
"""


def scorm2004_files():
    return {
        "imsmanifest.xml": MANIFEST_2004,
        "one.html": SCO_2004_HTML.format(title="Part one"),
        "two.html": SCO_2004_HTML.format(title="Part two"),
        "three.html": SCO_2004_HTML.format(title="Part three"),
        "sco2004.js": SCO_2004_JS,
    }


def scorm2004_zip():
    return make_zip(scorm2004_files())
