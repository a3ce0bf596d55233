# A finder and loader of the program's own in sys.meta_path: the import
# statement consults it in its place, as CPython's does.
import importlib.abc, importlib.util, importlib.machinery, sys

class StringLoader(importlib.abc.Loader):
    sources = {
        "virt": "NAME = 'virt'\ndef twice(x):\n    return 2 * x\n",
        "virtpkg": "PKG = True\n",
        "virtpkg.child": "from . import PKG\nCHILD = PKG and 'child'\n",
        "broken": "raise ValueError('broken on import')\n",
    }

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        print("exec", module.__name__)
        exec(self.sources[module.__name__], module.__dict__)

class StringFinder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.asked = []

    def find_spec(self, fullname, path, target=None):
        self.asked.append(fullname)
        if fullname not in StringLoader.sources:
            return None
        return importlib.util.spec_from_loader(fullname, StringLoader(),
                                               is_package=fullname == "virtpkg")

finder = StringFinder()
sys.meta_path.insert(0, finder)

import virt
print(virt.NAME, virt.twice(21), type(virt.__loader__).__name__, virt.__spec__.origin)
import virt
print(finder.asked.count("virt"))
from virtpkg import child
print(child.CHILD, child.__package__, sys.modules["virtpkg"].child is child)
try:
    import broken
except ValueError as e:
    print("ValueError:", e, "broken" in sys.modules)
import colorsys
print("colorsys" in finder.asked, colorsys.__spec__.loader.__class__.__name__)
try:
    import definitely_missing_mod
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
print(importlib.import_module("virt") is virt)

# A finder that claims a module name the file system also has wins.
class Shadow(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname == "textwrap":
            return importlib.machinery.ModuleSpec(fullname, StringLoaderShadow())
        return None

class StringLoaderShadow(importlib.abc.Loader):
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.shadowed = True

sys.meta_path.insert(0, Shadow())
sys.modules.pop("textwrap", None)
import textwrap
print(textwrap.shadowed, hasattr(textwrap, "dedent"))
del sys.meta_path[0:2]
sys.modules.pop("textwrap")
import textwrap
print(hasattr(textwrap, "shadowed"), textwrap.dedent("  x"))
