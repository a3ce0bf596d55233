KIND = "regular"
