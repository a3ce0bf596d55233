"""Summary of a conflict log written by `STMPY_LOG=FILE stmpy prog.py`.

    stmpy -m stmlog FILE [--top N]

prints the places where transactions lost the most time, e.g.

    1523 conflicts, 2.31 s lost (write-write on <Account>)
      File "bank.py", line 58, in transfer    (this side)
      File "bank.py", line 61, in transfer    (other side)

and where transactions became inevitable (which stops the others from
committing while they run).  See docs/parallel.md for the log's format and
how to remove the usual conflicts.
"""

import sys

KINDS = ("write-write", "write-read", "inevitable", "abort")


def read_log(path):
    """The events of the log: (kind, type, seconds, this, other, why)."""
    events = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 6:
                continue
            kind, type_name, seconds, this, other, why = fields
            try:
                seconds = float(seconds)
            except ValueError:
                continue
            events.append((kind, type_name, seconds, this, other, why))
    return events


def frames(location, depth):
    return location.split(" <- ")[:depth] if location else []


def summarize(events, top=10, depth=1):
    """The report as a list of lines.  Conflicts are grouped by kind, type
    and this side's place; the other sides seen for a group follow, most
    frequent first."""
    conflicts = {}
    inevitable = {}
    for kind, type_name, seconds, this, other, why in events:
        if kind == "became-inevitable":
            key = (why, tuple(frames(this, depth)))
            inevitable[key] = inevitable.get(key, 0) + 1
            continue
        key = (kind, type_name, tuple(frames(this, depth)))
        count, lost, others = conflicts.get(key, (0, 0.0, {}))
        place = tuple(frames(other, depth))
        others[place] = others.get(place, 0) + 1
        conflicts[key] = (count + 1, lost + seconds, others)
    out = []
    total = sum(c for c, _, _ in conflicts.values())
    lost = sum(s for _, s, _ in conflicts.values())
    out.append("%d conflicts, %.3f s lost in all; %d inevitable transactions"
               % (total, lost, sum(inevitable.values())))
    ranked = sorted(conflicts.items(), key=lambda kv: (-kv[1][1], -kv[1][0]))
    for (kind, type_name, this), (count, seconds, others) in ranked[:top]:
        out.append("")
        on = " on <%s>" % type_name if type_name else ""
        out.append("%d conflict%s, %.3f s lost (%s%s)"
                   % (count, "" if count == 1 else "s", seconds, kind, on))
        for i, frame in enumerate(this):
            out.append("  %s%s" % (frame, "    (this side)" if i == 0 else ""))
        known = sorted(((n, o) for o, n in others.items() if o), key=lambda t: -t[0])
        for n, other in known[:3]:
            times = "" if n == count else ", %d of them" % n
            for i, frame in enumerate(other):
                out.append("  %s%s" % (frame, "    (other side%s)" % times if i == 0 else ""))
        if len(known) > 3:
            out.append("  (and %d other places on the other side)" % (len(known) - 3))
        unknown = others.get((), 0)
        if unknown:
            out.append("  (other side not known%s)"
                       % ("" if unknown == count else ", %d of them" % unknown))
    if inevitable:
        out.append("")
        out.append("Inevitable transactions:")
        for (why, where), count in sorted(inevitable.items(), key=lambda kv: -kv[1])[:top]:
            place = where[0] if where else "(no Python frame)"
            out.append("  %6d  %-20s %s" % (count, why, place))
    return out


def main(argv):
    args = list(argv)
    top, depth = 10, 1
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    if "--frames" in args:
        i = args.index("--frames")
        depth = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 1:
        print("usage: stmpy -m stmlog FILE [--top N] [--frames N]", file=sys.stderr)
        return 2
    for line in summarize(read_log(args[0]), top, depth):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
