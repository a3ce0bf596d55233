print("tab\there", "nl\\n", "quote\"s", 'single\'s', "\x41\u00e9\U0001F600", "\N{GREEK SMALL LETTER ALPHA}")
print(r"raw\n\t", len("\n"), len(r"\n"), b"bytes\x00\xff", "\101")
print("""triple
quoted""", '''also
triple''')
print("implicit" " concat " 'joined')
print(repr("\x00\x7f\x80\xff\u2028"), repr("é"), repr("\U0001F600"))
print("a\
b")
