print("cli_pkg imported as", __name__)
