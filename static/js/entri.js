// Live figures on the quarterly entry page: while a realised value or a progress percentage is
// typed, the server computes realisasi, capaian and status with the same module as everywhere
// else, and the card's figures are replaced. Nothing is saved until "Simpan draf".
(function () {
  "use strict";

  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function pratinjau(form) {
    var card = form.closest(".entry-card");
    var target = card && card.querySelector(".hasil");
    if (!target) { return; }
    var data = new FormData(form);
    target.classList.add("loading");
    fetch(form.dataset.pratinjau, {
      method: "POST",
      body: data,
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    }).then(function (r) {
      return r.ok ? r.text() : Promise.reject(r.status);
    }).then(function (html) {
      target.innerHTML = html;
    }).catch(function () {
      // Leave the last figures; the save will say what is wrong.
    }).finally(function () {
      target.classList.remove("loading");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.entry-form[data-pratinjau]").forEach(function (form) {
      var kirim = debounce(function () { pratinjau(form); }, 250);
      form.querySelectorAll("input[name$='nilai_realisasi'], input[name$='realisasi_antara']")
        .forEach(function (input) { input.addEventListener("input", kirim); });
    });
  });
})();

// After a refused save the page comes back at its top: bring the first field in error into
// view and focus it, so the user sees at once what to correct.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var galat = document.querySelector(".entry-form .field.has-error input, .entry-form .field.has-error textarea");
  if (galat) {
    galat.scrollIntoView({ block: "center" });
    galat.focus({ preventScroll: true });
  }
});
