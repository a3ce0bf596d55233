name = input("Name? ")
print("Hello,", name)
line2 = input()
print(repr(line2))
try:
    input()
except EOFError as e:
    print("EOF", repr(e))
