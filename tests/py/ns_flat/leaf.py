Z = "flat"
