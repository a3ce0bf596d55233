x = "ünïcödé"; y = 1
z = f"{x}ü{y}"
