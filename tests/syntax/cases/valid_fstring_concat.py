a = "plain" f"{x}" "more"
b = f"a" "b"
c = u"u" f"{x}"
d = ("multi"
     f"{line}"
     "concat")
e = rf"\d{x}" fr'\n{y}' Rf"{z}\t"
f_ = f""
g = f"" ""
