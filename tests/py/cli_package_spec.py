# Run as `-m cli_spec_pkg x` (cli_package_spec.args): the package's __main__
# runs with its own spec, pkg.__main__.
