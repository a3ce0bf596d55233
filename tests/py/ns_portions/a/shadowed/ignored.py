NOTE = "portion"
