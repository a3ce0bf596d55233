# doctest: testmod on this module, run_docstring_examples, DocTestParser
# and DocTestRunner on text, failures reported with their examples.
import doctest, re, sys

def add(a, b):
    """Add two numbers.

    >>> add(1, 2)
    3
    >>> add('a', 'b')
    'ab'
    >>> [add(i, i) for i in range(3)]
    [0, 2, 4]
    >>> add(1, '2')
    Traceback (most recent call last):
        ...
    TypeError: unsupported operand type(s) for +: 'int' and 'str'
    >>> print(add(0.5,
    ...           0.25))
    0.75
    """
    return a + b

class K:
    """
    >>> K().m()
    'm'
    >>> sorted({3: 'c', 1: 'a'}.items())  # doctest: +NORMALIZE_WHITESPACE
    [(1, 'a'),
     (3, 'c')]
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    """
    def m(self):
        return 'm'

print(doctest.testmod())
doctest.run_docstring_examples(add, {'add': add}, verbose=True, name='add')

text = """
>>> x = 5
>>> x * 2
10
>>> x + 1
7
>>> print("a\\nb")
a
c
>>> raise KeyError('k')
Traceback (most recent call last):
KeyError: 'q'
>>> undefined_name
"""
t = doctest.DocTestParser().get_doctest(text, {}, 'snippet', 'snippet.txt', 0)
print(len(t.examples), [e.source for e in t.examples][:2], t.examples[1].want)
runner = doctest.DocTestRunner(verbose=False)
out = []
print(runner.run(t, out=out.append))
# The library's own frame in the tracebacks: its path and line vary.
print(re.sub(r'File "[^"]*/doctest.py", line \d+', 'File "doctest.py"', "".join(out)))
runner.summarize(verbose=True)
print(doctest.script_from_examples(">>> print(1)\n1\n"))
finder = doctest.DocTestFinder()
print(sorted(t.name for t in finder.find(sys.modules[__name__])))
