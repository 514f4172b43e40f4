"""`restrict(user)`: a satker user sees their satker's rows only, the secretariat every row,
and a user who is not (or no longer) allowed in sees nothing, whatever their role says."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from kinerja.models import IndikatorPerjanjian, PerjanjianKinerja
from satker.choices import Peran
from satker.models import Pengguna, Satker
from tests.conftest import MANADO
from tests.factories import PenggunaFactory

pytestmark = pytest.mark.django_db

# A satker itself, a satker's row (its PK) and a PK line (scoped through sasaran and PK), with
# what Manado holds of each in the demo: one balai, its PK 2023, the 13 lines of its Tabel 1.
MODELS = [(Satker, 1), (PerjanjianKinerja, 1), (IndikatorPerjanjian, 13)]
IDS = [m.__name__ for m, _ in MODELS]


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


@pytest.mark.parametrize(("model", "manado"), MODELS, ids=IDS)
def test_a_satker_user_sees_their_satkers_rows_only(demo, model, manado):
    rows = model.objects.restrict(pengguna("operator.manado"))
    assert rows.count() == manado
    kode = "kode" if model.satker_lookup == "pk" else f"{model.satker_lookup}__kode"
    assert set(rows.values_list(kode, flat=True)) == {MANADO}


@pytest.mark.parametrize(("model", "manado"), MODELS, ids=IDS)
@pytest.mark.parametrize("username", ["operator.manado", "kepala.manado", "reviewer"])
def test_an_inactive_user_sees_nothing(demo, model, manado, username):
    """A deactivated account keeps its role and satker; it must not keep their rows (a
    session or token made before the deactivation still names the user)."""
    user = pengguna(username)
    assert model.objects.restrict(user).count() >= manado
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert model.objects.restrict(user).count() == 0


@pytest.mark.parametrize(("model", "manado"), MODELS, ids=IDS)
@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.KEPALA])
def test_a_satker_user_without_a_satker_sees_nothing(demo, model, manado, peran):
    """The database refuses such a user (test_model_constraints); one held in memory, e.g.
    built by a login backend before validation, must still see no satker's rows."""
    user = PenggunaFactory.build(peran=peran, satker=None)
    assert (user.is_authenticated, user.is_active, user.satker_id) == (True, True, None)
    assert model.objects.restrict(user).count() == 0


@pytest.mark.parametrize(("model", "manado"), MODELS, ids=IDS)
def test_anonymous_sees_nothing_and_the_secretariat_everything(demo, model, manado):
    assert model.objects.restrict(AnonymousUser()).count() == 0
    assert model.objects.restrict(None).count() == 0
    assert model.objects.restrict(pengguna("reviewer")).count() == model.objects.count()
