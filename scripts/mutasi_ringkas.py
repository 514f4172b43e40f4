"""The summary of a mutmut run (scripts/mutasi.sh): the score per module and in all, and every
surviving mutant with its diff and, when it is a known equivalent mutant (one that changes no
behaviour, so no test can kill it), the reason recorded in scripts/mutasi_setara.txt."""

from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

# mutmut's names: <module>.x_<function>__mutmut_<n> or <module>.xǁ<Class>ǁ<method>__mutmut_<n>
NAMA = re.compile(r"^\s*(?P<nama>(?P<modul>[\w.]+?)\.xǁ?[^:]*__mutmut_\d+): (?P<status>.+)$")
DIBUNUH = {"killed", "timeout", "segfault"}  # a test failed, hung or crashed: the mistake is seen
DILEWATI = {"skipped", "not checked"}


def baca_hasil(path: Path) -> list[tuple[str, str, str]]:
    """(mutant, module, status) of every line of `mutmut results --all true`."""
    hasil = []
    for baris in path.read_text(encoding="utf-8").splitlines():
        if m := NAMA.match(baris):
            hasil.append((m["nama"], m["modul"], m["status"].strip()))
    return hasil


def baca_setara(path: Path) -> dict[str, str]:
    """Known equivalent mutants: "<mutant name>  <reason>" per line, # comments."""
    setara = {}
    if path.exists():
        for baris in path.read_text(encoding="utf-8").splitlines():
            baris = baris.strip()
            if baris and not baris.startswith("#"):
                nama, _, alasan = baris.partition(" ")
                setara[nama] = alasan.strip()
    return setara


def persen(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%".replace(".", ",") if b else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("hasil", type=Path)
    parser.add_argument("--sasaran", default="")
    parser.add_argument("--detik", type=int, default=0)
    parser.add_argument("--setara", type=Path, default=Path("scripts/mutasi_setara.txt"))
    parser.add_argument("--mutmut", default="mutmut")
    args = parser.parse_args()

    hasil = baca_hasil(args.hasil)
    setara = baca_setara(args.setara)
    per_modul: dict[str, Counter] = defaultdict(Counter)
    hidup = []
    for nama, modul, status in hasil:
        if status in DILEWATI:
            continue
        jenis = "dibunuh" if status in DIBUNUH else "hidup"
        per_modul[modul][jenis] += 1
        if jenis == "hidup":
            per_modul[modul]["setara"] += nama in setara
            hidup.append((nama, status))

    print(f"Skor mutasi {args.sasaran} ({args.detik} detik)".strip())
    print(f"{'modul':45} {'mutan':>6} {'dibunuh':>8} {'hidup':>6} {'setara':>7} {'skor':>7}")
    total: Counter = Counter()
    for modul in sorted(per_modul):
        c = per_modul[modul]
        n = c["dibunuh"] + c["hidup"]
        total.update(c)
        print(
            f"{modul:45} {n:6} {c['dibunuh']:8} {c['hidup']:6} {c['setara']:7} "
            f"{persen(c['dibunuh'], n):>7}"
        )
    n = total["dibunuh"] + total["hidup"]
    print(
        f"{'jumlah':45} {n:6} {total['dibunuh']:8} {total['hidup']:6} {total['setara']:7} "
        f"{persen(total['dibunuh'], n):>7}"
    )
    print(
        f"Skor tanpa mutan setara: {persen(total['dibunuh'], n - total['setara'])} "
        f"({total['setara']} mutan setara tercatat di {args.setara.name})"
    )
    tak_dijelaskan = [(nama, status) for nama, status in hidup if nama not in setara]
    print(f"\nMutan hidup yang belum dijelaskan: {len(tak_dijelaskan)}")
    for nama, status in hidup:
        diff = subprocess.run(
            [args.mutmut, "show", nama], capture_output=True, text=True, check=False
        ).stdout
        ubah = [b for b in diff.splitlines() if re.match(r"^[-+](?![-+])", b)]
        keterangan = f"setara: {setara[nama]}" if nama in setara else status
        print(f"\n--- {nama} ({keterangan})")
        print("\n".join(ubah))


if __name__ == "__main__":
    main()
