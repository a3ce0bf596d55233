KIND = "a later module wins over an earlier portion"
