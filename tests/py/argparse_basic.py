# argparse: options, positionals, subcommands, help text and errors.
import os
os.environ['COLUMNS'] = '80'
import argparse, sys, io, contextlib
p = argparse.ArgumentParser(prog='tool', description='A tool.')
p.add_argument('files', nargs='*', help='input files')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('--mode', choices=['a', 'b'], default='a')
p.add_argument('-n', type=int, default=1, help='count (default: %(default)s)')
p.add_argument('--flag', action='store_true')
sub = p.add_subparsers(dest='cmd')
s1 = sub.add_parser('run', help='run it')
s1.add_argument('--fast', action='store_true')
print(p.parse_args(['-vv', '--mode', 'b', '-n', '3', 'run']))
print(p.parse_args(['run', '--fast']))
p.print_help()
for bad in (['--mode', 'c'], ['-n', 'x'], ['--nope']):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            p.parse_args(bad)
    except SystemExit as e:
        print('exit', e.code)
    print(err.getvalue())
g = p.add_mutually_exclusive_group()
g.add_argument('--red', action='store_true')
g.add_argument('--blue', action='store_true')
print(p.parse_known_args(['--flag', '--zzz']))
ns = argparse.Namespace(a=1)
print(ns, vars(ns))
p2 = argparse.ArgumentParser(prog='p2', formatter_class=argparse.RawDescriptionHelpFormatter,
                             description='line one\n  line two', epilog='the end')
p2.add_argument('--size', metavar='N', type=float, nargs=2, required=True)
p2.add_argument('rest', nargs=argparse.REMAINDER)
print(p2.format_usage(), end='')
print(p2.format_help())
print(p2.parse_args(['--size', '1', '2.5', 'a', '-b']))
err = io.StringIO()
try:
    with contextlib.redirect_stderr(err):
        p2.parse_args([])
except SystemExit as e:
    print('exit', e.code, err.getvalue())
p3 = argparse.ArgumentParser(prog='p3', exit_on_error=False)
p3.add_argument('--n', type=int)
try:
    p3.parse_args(['--n', 'q'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
out = io.StringIO()
try:
    with contextlib.redirect_stdout(out):
        p.parse_args(['--help'])
except SystemExit as e:
    print('help exit', e.code, out.getvalue().splitlines()[0])
err = io.StringIO()
try:
    with contextlib.redirect_stderr(err):
        p.parse_args(['--red', '--blue'])
except SystemExit as e:
    print('exit', e.code, err.getvalue().splitlines()[-1])
