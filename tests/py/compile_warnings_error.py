# -W error: the first compile-time warning of the script is a SyntaxError.
pattern = "ok"
if len(pattern) is 2:
    print("two")
