"""End-to-end tests: the application served on localhost (pytest-django's live_server),
driven by the system's headless Chromium through Playwright. No browser is ever downloaded:
CI installs Debian's chromium; where it is missing these tests say how to install it (and fail
in CI, where CI=1)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from satker.autentikasi import wajib_dua_faktor
from satker.models import Pengguna
from tests.masuk import kode_sekarang, perangkat_totp

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENS = Path(__file__).resolve().parents[2] / "var" / "screens" / "e2e"


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright():
    """Playwright's sync API keeps an event loop running in the test's thread while the
    browser is open; the ORM calls made beside it (the tests' own, the database teardown) are
    plain synchronous code. Allowed for these tests only, and restored after them."""
    lama = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if lama is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = lama


@pytest.fixture(scope="module")
def browser(_orm_beside_playwright):
    if not Path(CHROMIUM).exists():
        pesan = "Chromium tidak ditemukan; pasang dengan: sudo apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(pesan)
        pytest.skip(pesan)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def buka(browser, live_server):
    """buka("operator.manado") → a page logged in as that demo user (its own context). A
    script, style or anything else the Content-Security-Policy blocked on any page fails the
    test at its end."""
    konteks = []
    pelanggaran: list[str] = []

    def _konsol(pesan) -> None:
        if pesan.type == "error" and "Content Security Policy" in pesan.text:
            pelanggaran.append(pesan.text)

    def masuk(username: str, lebar: int = 1366, tinggi: int = 900):
        ctx = browser.new_context(viewport={"width": lebar, "height": tinggi}, locale="id-ID")
        konteks.append(ctx)
        page = ctx.new_page()
        page.on("console", _konsol)
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/masuk/")
        page.fill("#id_username", username)
        page.fill("#id_password", "kinerja-demo")
        user = Pengguna.objects.get(username=username)
        if wajib_dua_faktor(user):
            perangkat_totp(user)  # the app set up earlier
        page.click("button[type=submit]")
        if wajib_dua_faktor(user):
            # The secretariat gives the code of its authenticator app (computed by the test).
            page.wait_for_url(lambda url: "/masuk/kode/" in url)
            page.fill("#id_kode", kode_sekarang(user))
            page.click("main button.primary")
        # The home page sends each role on to its dashboard.
        page.wait_for_url(lambda url: "/dasbor/" in url)
        return page

    yield masuk
    for ctx in konteks:
        ctx.close()
    assert pelanggaran == [], "diblokir Content-Security-Policy"


@pytest.fixture
def layar():
    """layar(page, "name") saves a screenshot under var/screens/e2e/ to look at."""
    SCREENS.mkdir(parents=True, exist_ok=True)

    def simpan(page, nama: str, penuh: bool = True) -> Path:
        path = SCREENS / f"{nama}.png"
        page.screenshot(path=str(path), full_page=penuh)
        return path

    return simpan
