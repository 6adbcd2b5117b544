// Show only the rows or findings that have what the selects ask for (each data-* attribute a
// space-separated list); the count of those shown goes into #shown.
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  var items = document.querySelectorAll("[data-item]");
  function apply() {
    var wanted = {};
    form.querySelectorAll("select").forEach(function (select) {
      if (select.value) wanted[select.name] = select.value;
    });
    var shown = 0;
    items.forEach(function (item) {
      var keep = Object.keys(wanted).every(function (key) {
        return (" " + (item.dataset[key] || "") + " ").indexOf(" " + wanted[key] + " ") >= 0;
      });
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    document.getElementById("shown").textContent = String(shown);
  }
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
})();
