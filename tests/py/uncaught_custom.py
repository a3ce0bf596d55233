class MyError(Exception):
    pass
class Detailed(Exception):
    def __str__(self):
        return "detailed message"
import sys
print("start", flush=True)
sys.stderr.write("to stderr\n")
raise Detailed()
