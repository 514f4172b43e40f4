// The quarterly entry page.
//
// Live figures: while a realised value or a progress percentage is typed, the server computes
// realisasi, capaian and status with the same module as everywhere else, and the card's
// figures are replaced. Nothing is saved until "Simpan draf".
//
// Saving one card: the card's form is sent without leaving the page; the server answers the
// card's new state (saved, or refused with what was typed, the errors at their fields and the
// reason at the card) and the quarter's checklist, which replace the old ones. What is typed
// in the other cards stays. Without JavaScript the form posts and the page comes back whole.
//
// Leaving with unsaved typing (a link, another form, closing the tab) asks first.
(function () {
  "use strict";

  var KARTU = "section.entry-card";
  var FORM = "form.entry-form";
  var keluarDiizinkan = false;

  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // --- live figures -------------------------------------------------------------------------

  function pratinjau(form) {
    var card = form.closest(KARTU);
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
      if (form.isConnected) { target.innerHTML = html; }
    }).catch(function () {
      // Leave the last figures; the save will say what is wrong.
    }).finally(function () {
      target.classList.remove("loading");
    });
  }

  var tunda = new WeakMap();

  function pratinjauNanti(form) {
    var fn = tunda.get(form);
    if (!fn) {
      fn = debounce(function () { pratinjau(form); }, 250);
      tunda.set(form, fn);
    }
    fn();
  }

  // --- unsaved typing -----------------------------------------------------------------------

  function isian(form) {
    return form.querySelectorAll("input[type=text], input[type=number], input:not([type]), textarea");
  }

  // A card holds typing that is not saved: a field differs from what the page (or the
  // server's last answer) put in it, or the server refused the last save of it.
  function berubah(card) {
    if (card.hasAttribute("data-belum-tersimpan")) { return true; }
    var form = card.querySelector(FORM);
    if (!form) { return false; }
    return Array.prototype.some.call(isian(form), function (el) {
      return el.value !== el.defaultValue;
    });
  }

  function kartuBerubah() {
    return Array.prototype.filter.call(document.querySelectorAll(KARTU), berubah);
  }

  function tandaiKartu(card) {
    var tanda = card.querySelector("[data-status-simpan]");
    if (tanda) { tanda.hidden = !berubah(card); }
  }

  function bolehPergi() {
    var kartu = kartuBerubah();
    if (!kartu.length) { return true; }
    var kode = kartu.map(function (c) { return c.dataset.kode; }).join(", ");
    if (window.confirm("Ada isian yang belum disimpan (" + kode + "). " +
                       "Tinggalkan halaman ini tanpa menyimpannya?")) {
      keluarDiizinkan = true;
      return true;
    }
    kartu[0].scrollIntoView({ block: "start" });
    return false;
  }

  // --- saving one card ----------------------------------------------------------------------

  function dariHtml(html) {
    var t = document.createElement("template");
    t.innerHTML = html.trim();
    return t.content.firstElementChild;
  }

  function pesanDiKartu(card, teks) {
    var tempat = card.querySelector("[data-pesan-kartu]");
    if (!tempat) { return; }
    tempat.innerHTML = "";
    var ul = document.createElement("ul");
    ul.className = "messages";
    var li = document.createElement("li");
    li.className = "message error";
    li.setAttribute("role", "alert");
    li.textContent = teks;
    ul.appendChild(li);
    tempat.appendChild(ul);
  }

  function fokusGalat(card) {
    var galat = card.querySelector(".field.has-error input, .field.has-error textarea");
    if (galat) {
      galat.scrollIntoView({ block: "center" });
      galat.focus({ preventScroll: true });
    }
  }

  function simpan(form) {
    var card = form.closest(KARTU);
    var data = new FormData(form);
    var fieldset = form.querySelector("fieldset");
    card.classList.add("menyimpan");
    card.setAttribute("aria-busy", "true");
    if (fieldset) { fieldset.disabled = true; }

    function pulihkan() {
      card.classList.remove("menyimpan");
      card.removeAttribute("aria-busy");
      if (fieldset) { fieldset.disabled = false; }
    }

    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" },
      credentials: "same-origin",
    }).then(function (r) {
      var jenis = r.headers.get("Content-Type") || "";
      if (r.redirected || jenis.indexOf("application/json") === -1) {
        return Promise.reject(r.status);
      }
      return r.json();
    }).then(function (jawab) {
      var baru = dariHtml(jawab.kartu);
      card.replaceWith(baru);
      var kelengkapan = document.getElementById("kelengkapan");
      if (kelengkapan && jawab.kelengkapan) { kelengkapan.replaceWith(dariHtml(jawab.kelengkapan)); }
      tandaiKartu(baru);
      if (!jawab.tersimpan) { fokusGalat(baru); }
    }).catch(function (kode) {
      pulihkan();
      pesanDiKartu(card, "Simpanan belum sampai ke server" +
        (typeof kode === "number" && kode ? " (kode " + kode + ")" : "") +
        "; sesi mungkin berakhir atau sambungan terputus. Isian Anda tetap di halaman; " +
        "coba simpan lagi.");
      card.setAttribute("data-belum-tersimpan", "");
      tandaiKartu(card);
    });
  }

  // --- wiring (delegated, so that a replaced card needs nothing) ---------------------------

  document.addEventListener("input", function (e) {
    var form = e.target.closest && e.target.closest(FORM);
    if (!form) { return; }
    var nama = e.target.name || "";
    if (form.dataset.pratinjau && /(nilai_realisasi|realisasi_antara)$/.test(nama)) {
      pratinjauNanti(form);
    }
    tandaiKartu(form.closest(KARTU));
  });

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (e.defaultPrevented) { return; }
    if (form.matches(FORM) && window.fetch) {
      e.preventDefault();
      simpan(form);
      return;
    }
    // Any other form (evidence, submission) leaves the page.
    if (!keluarDiizinkan && !bolehPergi()) { e.preventDefault(); }
  });

  document.addEventListener("click", function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || a.target === "_blank" || a.hasAttribute("download")) { return; }
    var url = new URL(a.href, window.location.href);
    var sini = window.location;
    if (url.hash && url.origin === sini.origin && url.pathname === sini.pathname &&
        url.search === sini.search) {
      return;  // a place on this page
    }
    if (!keluarDiizinkan && !bolehPergi()) { e.preventDefault(); }
  });

  window.addEventListener("beforeunload", function (e) {
    if (keluarDiizinkan || !kartuBerubah().length) { return; }
    e.preventDefault();
    e.returnValue = "";
  });

  // After a refused save without JavaScript's help the page comes back at its top: bring the
  // first field in error into view and focus it, so the user sees at once what to correct.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(KARTU).forEach(tandaiKartu);
    var galat = document.querySelector(KARTU + "[data-belum-tersimpan]");
    if (galat) { fokusGalat(galat); }
  });
})();
