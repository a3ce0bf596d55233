import sys
greeting = "hello"
print("script ran")
