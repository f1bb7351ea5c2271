// newsprism verdict view: filter the rows in the page (the report works from a file, offline).
(function () {
  function apply(form) {
    var want = {};
    form.querySelectorAll("select[data-filter]").forEach(function (s) { want[s.dataset.filter] = s.value; });
    var shown = 0;
    form.parentNode.querySelectorAll("table.verdicts tbody tr").forEach(function (row) {
      var ok = (!want.slot || row.dataset.slot === want.slot) &&
        (!want.verdict || row.dataset.verdict === want.verdict ||
          (want.verdict === "contradictory" && row.dataset.verdict === "update")) &&
        (!want.outlet || row.dataset.outlets.split("|").indexOf(want.outlet) >= 0) &&
        (!want.speaker || row.dataset.speakers.split("|").indexOf(want.speaker) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var count = form.querySelector(".shown");
    if (count) { count.textContent = shown + " rows shown"; }
  }
  function setup() {
    document.querySelectorAll("form.verdict-filter").forEach(function (form) {
      if (form.getAttribute("action")) { return; }  // the app filters on the server
      form.addEventListener("submit", function (e) { e.preventDefault(); apply(form); });
      form.querySelectorAll("select").forEach(function (s) {
        s.addEventListener("change", function () { apply(form); });
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
