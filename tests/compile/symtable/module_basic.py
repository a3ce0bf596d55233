x = 1
y = x + z
del x
import os.path
import a.b as c
from m import n, o as p
