try:
    raise SystemExit(5)
finally:
    print("cleanup on exit")
