import os
import os.path
import a.b.c as d
from . import x
from ..m import y as z
from q import *
