# Run as `-m cli_ns_pkg x` (cli_namespace_main.args): a namespace package
# (no __init__.py) runs its __main__.
