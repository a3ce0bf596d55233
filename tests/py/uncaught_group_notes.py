e = ValueError("v")
e.add_note("line1\nline2")
e.add_note(5) if False else None
raise ExceptionGroup("g", [e])
