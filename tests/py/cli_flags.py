# Run with -u -X and -W options and arguments (cli_flags.args).
import sys

print(sys.argv[1:])
print(sorted(sys._xoptions.items()))
print(sys.warnoptions)
print(sys.stdout.write_through, sys.stderr.write_through, type(sys.stdout.buffer).__name__)
print(sys.flags.inspect, sys.flags.interactive)
sys.stdout.write("no newline, unbuffered ")
sys.stderr.write("to stderr\n")
print("end")
