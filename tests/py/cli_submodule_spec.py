# Run as `-m cli_spec_pkg.sub y` (cli_submodule_spec.args): a submodule runs
# with its spec, its package imported first.
