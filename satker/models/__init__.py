from satker.models.organisasi import Kementerian, Satker, UnitEselonI
from satker.models.pengguna import Pengguna
from satker.models.token import CakupanToken, TokenApi

__all__ = ["CakupanToken", "Kementerian", "Pengguna", "Satker", "TokenApi", "UnitEselonI"]
