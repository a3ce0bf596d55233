# Run as `-m cli_pkg x` (cli_package.args): a package runs its __main__,
# after its __init__.
