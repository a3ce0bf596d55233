"""A submodule for the importlib tests."""
from . import VALUE

def answer():
    return VALUE + ".sub"
