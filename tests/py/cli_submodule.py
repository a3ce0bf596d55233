# Run as `-m cli_pkg.mod 1 2` (cli_submodule.args): the parent package is
# imported first.
