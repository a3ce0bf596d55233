INIT = "package imported"
