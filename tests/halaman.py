"""Reading a page the way its user reads it: the text of one element, the term of a definition
list, the cell of a table found by its row and its column. A figure asserted through these is
asserted where it is shown, not anywhere on the page."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
JUDUL = {"h1", "h2", "h3", "h4", "caption", "legend"}
# Elements a browser sets apart from the text around them.
BLOK = {"div", "p", "li", "ul", "ol", "dd", "dt", "td", "th", "tr", "br", "section", "article",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "caption", "legend"}  # fmt: skip


class Elemen:
    """An element of the page: its tag, its attributes, its children (elements and text)."""

    def __init__(self, tag: str, attrs: dict[str, str], induk: Elemen | None) -> None:
        self.tag, self.attrs, self.induk = tag, attrs, induk
        self.anak: list[Elemen | str] = []
        self.judul: Elemen | None = None  # the last heading before it (for tables)

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}> {self.teks[:80]!r}"

    @property
    def teks(self) -> str:
        """The text a reader sees, whitespace collapsed."""
        bagian: list[str] = []

        def kumpul(e: Elemen) -> None:
            for a in e.anak:
                if isinstance(a, str):
                    bagian.append(a)
                elif a.tag not in ("script", "style", "template"):
                    pisah = " " if a.tag in BLOK else ""
                    bagian.append(pisah)
                    kumpul(a)
                    bagian.append(pisah)

        kumpul(self)
        return " ".join("".join(bagian).split())

    def kelas(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def semua(self, tag: str | None = None, kelas: str | None = None, **attrs: str) -> list[Elemen]:
        """Every element below this one with the tag, the class and the attributes given
        (`for_` for `for`)."""
        hasil = []
        for a in self.anak:
            if isinstance(a, str):
                continue
            if (
                (tag is None or a.tag == tag)
                and (kelas is None or kelas in a.kelas())
                and all(a.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
            ):
                hasil.append(a)
            hasil.extend(a.semua(tag, kelas, **attrs))
        return hasil

    def satu(self, tag: str | None = None, kelas: str | None = None, **attrs: str) -> Elemen:
        """The one element below this one that matches; an assertion error when there are
        none or several."""
        hasil = self.semua(tag, kelas, **attrs)
        assert len(hasil) == 1, f"{len(hasil)} elemen {tag} {kelas or ''} {attrs}: {hasil[:3]}"
        return hasil[0]

    def berteks(self, tag: str, teks: str) -> Elemen:
        """The one `tag` element whose whole text is `teks`."""
        hasil = [e for e in self.semua(tag) if e.teks == teks]
        assert len(hasil) == 1, f"{len(hasil)} elemen {tag} bertuliskan {teks!r}"
        return hasil[0]


class _Pengurai(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.akar = Elemen("#dokumen", {}, None)
        self.tumpukan = [self.akar]
        self.judul_terakhir: Elemen | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        induk = self.tumpukan[-1]
        e = Elemen(tag, {k: v or "" for k, v in attrs}, induk)
        induk.anak.append(e)
        if tag == "table":
            e.judul = self.judul_terakhir
        if tag in JUDUL:
            self.judul_terakhir = e
        if tag not in VOID:
            self.tumpukan.append(e)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.tumpukan.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.tumpukan) - 1, 0, -1):
            if self.tumpukan[i].tag == tag:
                del self.tumpukan[i:]
                return

    def handle_data(self, data: str) -> None:
        self.tumpukan[-1].anak.append(data)


def baca(response_or_html) -> Elemen:
    """The page of a response (or an HTML string) as a tree of elements."""
    isi = response_or_html
    if not isinstance(isi, str):
        isi = isi.content.decode()
    p = _Pengurai()
    p.feed(isi)
    p.close()
    return p.akar


class Tabel:
    """A table as a grid: row and column spans repeated into every cell they cover; a column
    is named by its header cells top to bottom, joined by " / " ("Kinerja s.d. TW II /
    Capaian"), and may be asked for by its lowest header alone ("Capaian") when that is
    unambiguous; a row by the text of any of its cells ("III.2")."""

    def __init__(self, el: Elemen) -> None:
        self.el = el
        kepala, badan = [], []
        for tr in self._baris_tabel(el):
            sel = [c for c in tr.anak if isinstance(c, Elemen) and c.tag in ("td", "th")]
            di_kepala = tr.induk is not None and tr.induk.tag == "thead"
            (kepala if di_kepala else badan).append(sel)
        if not kepala and badan and all(c.tag == "th" for c in badan[0]):
            kepala = [badan.pop(0)]
        self.kepala = self._kisi(kepala)
        self.baris = self._kisi(badan)
        lebar = max((len(r) for r in self.kepala + self.baris), default=0)
        self.kolom: list[str] = []
        for j in range(lebar):
            nama: list[str] = []
            for r in self.kepala:
                if j < len(r) and r[j] is not None and (not nama or nama[-1] != r[j].teks):
                    nama.append(r[j].teks)
            self.kolom.append(" / ".join(t for t in nama if t))

    @staticmethod
    def _baris_tabel(el: Elemen) -> list[Elemen]:
        hasil = []
        for a in el.anak:
            if isinstance(a, str) or a.tag == "table":
                continue
            if a.tag == "tr":
                hasil.append(a)
            else:
                hasil.extend(Tabel._baris_tabel(a))
        return hasil

    @staticmethod
    def _kisi(rows: list[list[Elemen]]) -> list[list[Elemen | None]]:
        kisi: list[list[Elemen | None]] = []
        tertunda: dict[tuple[int, int], Elemen] = {}
        for i, sel in enumerate(rows):
            baris: list[Elemen | None] = []
            j = 0
            antre = list(sel)
            while antre or any((i, k) in tertunda for k in range(j, j + 50)):
                if (i, j) in tertunda:
                    baris.append(tertunda.pop((i, j)))
                    j += 1
                    continue
                if not antre:
                    baris.append(None)
                    j += 1
                    continue
                c = antre.pop(0)
                rentang_k = int(c.attrs.get("colspan", "1") or 1)
                rentang_b = int(c.attrs.get("rowspan", "1") or 1)
                for dk in range(rentang_k):
                    baris.append(c)
                    for db in range(1, rentang_b):
                        tertunda[(i + db, j + dk)] = c
                j += rentang_k
            kisi.append(baris)
        return kisi

    def indeks_kolom(self, kolom: str) -> int:
        cocok = [j for j, n in enumerate(self.kolom) if n == kolom]
        if not cocok:
            cocok = [j for j, n in enumerate(self.kolom) if n.rsplit(" / ", 1)[-1] == kolom]
        assert len(cocok) == 1, f"{len(cocok)} kolom {kolom!r} di antara {self.kolom}"
        return cocok[0]

    def cari_baris(self, baris: str | tuple[str, ...]) -> list[Elemen | None]:
        """The one row with a cell reading `baris` (with cells reading each, for a tuple)."""
        kunci = (baris,) if isinstance(baris, str) else baris
        cocok = [
            r
            for r in self.baris
            if all(any(c is not None and c.teks == k for c in r) for k in kunci)
        ]
        assert len(cocok) == 1, f"{len(cocok)} baris bertuliskan {baris!r}"
        return cocok[0]

    def sel(self, baris: str | tuple[str, ...], kolom: str) -> str:
        """The text of the cell in the row that has a cell reading `baris`, under `kolom`."""
        return self.elemen_sel(baris, kolom).teks

    def elemen_sel(self, baris: str | tuple[str, ...], kolom: str) -> Elemen:
        r, j = self.cari_baris(baris), self.indeks_kolom(kolom)
        assert j < len(r) and r[j] is not None, f"baris {baris!r} tidak berkolom {kolom!r}"
        return r[j]

    def kolom_baris(self, baris: str | tuple[str, ...]) -> dict[str, str]:
        """The row that has a cell reading `baris`, as column name → text."""
        r = self.cari_baris(baris)
        return {k: (c.teks if c is not None else "") for k, c in zip(self.kolom, r, strict=False)}

    def isi_kolom(self, kolom: str) -> list[str]:
        """The texts of one column, row by row."""
        j = self.indeks_kolom(kolom)
        return [(r[j].teks if j < len(r) and r[j] is not None else "") for r in self.baris]


def tabel(akar: Elemen, judul: str | None = None, **attrs: str) -> Tabel:
    """The one table below the heading reading `judul` (the last h1-h4, caption or legend
    before it), or with the attributes given (`id="result_list"`, `kelas="pk-table"`)."""
    semua = akar.semua("table", **attrs)
    if judul is not None:
        semua = [t for t in semua if t.judul is not None and t.judul.teks == judul]
    assert len(semua) == 1, f"{len(semua)} tabel {judul!r} {attrs}"
    return Tabel(semua[0])


def definisi(akar: Elemen, istilah: str) -> str:
    """The text of the <dd> that follows the one <dt> reading `istilah`."""
    dt = akar.berteks("dt", istilah)
    saudara = [a for a in dt.induk.anak if isinstance(a, Elemen)]
    i = saudara.index(dt)
    assert i + 1 < len(saudara) and saudara[i + 1].tag == "dd", f"tidak ada <dd> untuk {istilah}"
    return saudara[i + 1].teks


def pesan(akar: Elemen) -> list[str]:
    """The messages of the page (Django's messages framework), in order."""
    return [li.teks for ul in akar.semua("ul", kelas="messages") for li in ul.semua("li")]


def isian(akar: Elemen, nama: str) -> Elemen:
    """The one form control (input, select, textarea) named `nama`."""
    hasil = [e for e in akar.semua() if e.tag in ("input", "select", "textarea")]
    hasil = [e for e in hasil if e.attrs.get("name") == nama]
    assert len(hasil) == 1, f"{len(hasil)} isian bernama {nama!r}"
    return hasil[0]


def galat_di(akar: Elemen, nama: str, wadah: str = "td") -> list[str]:
    """The error messages shown beside the control named `nama`: inside its nearest `wadah`
    ("td" its cell, "tr" its row, "field" its <div class="field">)."""
    e = isian(akar, nama).induk
    while e is not None and not (
        e.tag == wadah or (wadah == "field" and e.tag == "div" and "field" in e.kelas())
    ):
        e = e.induk
    assert e is not None, f"{nama!r} tidak berada dalam {wadah}"
    return [g.teks for g in e.semua(kelas="field-error")]


def kiriman(akar: Elemen) -> dict[str, str]:
    """What a browser would submit from the page's form as it is shown: every named input
    with its value (a checkbox only when checked), the selected option of every select, the
    text of every textarea."""
    data: dict[str, str] = {}
    for e in akar.semua():
        nama = e.attrs.get("name")
        if not nama or e.tag not in ("input", "select", "textarea"):
            continue
        if e.tag == "textarea":
            data[nama] = "".join(a for a in e.anak if isinstance(a, str)).lstrip("\n")
        elif e.tag == "select":
            dipilih = [o for o in e.semua("option") if "selected" in o.attrs]
            data[nama] = dipilih[0].attrs.get("value", "") if dipilih else ""
        elif e.attrs.get("type") == "checkbox":
            if "checked" in e.attrs:
                data[nama] = e.attrs.get("value", "on")
        elif e.attrs.get("type") not in ("submit", "button"):
            data[nama] = e.attrs.get("value", "")
    return data
