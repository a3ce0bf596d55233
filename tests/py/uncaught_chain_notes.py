# An uncaught exception whose traceback shows an explicit cause, whose
# cause has its own context, and notes on both: the printer's full output.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        e.add_note("while parsing %r" % text)
        raise

def load(items):
    out = []
    for item in items:
        try:
            out.append(parse(item))
        except ValueError as e:
            raise RuntimeError("bad item in input") from e
    return out

def main():
    print(load(["1", "2"]))
    try:
        load(["3", "x"])
    except RuntimeError as err:
        err.add_note("main gave up")
        try:
            {}["missing"]
        finally:
            raise err

main()
