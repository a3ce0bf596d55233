"""A package for the importlib tests."""
VALUE = "pkg"
