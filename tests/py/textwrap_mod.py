# textwrap: wrap/fill with widths, indents, break_long_words,
# break_on_hyphens, drop_whitespace, max_lines/placeholder; shorten,
# dedent and indent with predicates; TextWrapper reuse.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "Sphinx of black quartz, judge my vow.")
for w in (10, 25, 40, 80):
    print(w, textwrap.wrap(text, width=w))
print(textwrap.fill(text, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious word", width=10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", width=10, break_long_words=False))
print(textwrap.wrap("well-known state-of-the-art hyphenated-words here", width=12))
print(textwrap.wrap("well-known state-of-the-art hyphenated-words here", width=12, break_on_hyphens=False))
print(textwrap.wrap("  leading and   multiple   spaces  ", width=12))
print(textwrap.wrap("  leading and   multiple   spaces  ", width=12, drop_whitespace=False))
print(textwrap.wrap("tabs\there\tand\tthere", width=15), textwrap.wrap("tabs\there", width=15, expand_tabs=False))
print(textwrap.wrap("a\nb\nc  d", width=20), textwrap.wrap("a\nb", width=20, replace_whitespace=False))
print(textwrap.wrap(text, width=20, max_lines=3), textwrap.wrap(text, width=20, max_lines=2, placeholder=" ..."))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("one", 10))
print(textwrap.wrap("End. Next sentence. x", width=12, fix_sentence_endings=True))
print(repr(textwrap.shorten("Hello  world!   How are you?", width=12)))
print(repr(textwrap.shorten("Hello world", width=11)), repr(textwrap.shorten("Hello world", width=10, placeholder="~")))
try:
    textwrap.wrap("x", width=0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    textwrap.shorten("long text here", width=3, placeholder=" [...]")
except ValueError as e:
    print(type(e).__name__, e)

block = """
    def f():
        return 1

    x = 2
"""
print(repr(textwrap.dedent(block)))
print(repr(textwrap.dedent("  a\n    b\n\t c\n")), repr(textwrap.dedent("\ta\n\tb")), repr(textwrap.dedent("  a\n \n  b")))
print(repr(textwrap.indent("a\nb\n\nc", "> ")))
print(repr(textwrap.indent("a\n\n  \nb", "+", lambda line: True)))
print(repr(textwrap.indent("keep\nskip\nkeep", "# ", lambda line: line.startswith("k"))))
tw = textwrap.TextWrapper(width=15, initial_indent="- ", subsequent_indent="  ", tabsize=4)
for para in ("first paragraph with several words", "second\tone"):
    print(tw.wrap(para))
print(tw.fill("short"), tw.width, tw.break_long_words)
print(textwrap.fill("x " * 30, width=21))
