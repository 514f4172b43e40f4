from satker.models.organisasi import Kementerian, Satker, UnitEselonI
from satker.models.pengguna import Pengguna

__all__ = ["Kementerian", "Pengguna", "Satker", "UnitEselonI"]
