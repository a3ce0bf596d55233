# The sys attributes that describe the installation and importlib's state.
import os, sys

print(os.path.isabs(sys.executable), os.path.exists(sys.executable), sys.executable == sys._base_executable)
print(sys.prefix == sys.base_prefix == sys.exec_prefix == sys.base_exec_prefix, os.path.isdir(sys.prefix))
print(os.path.isdir(os.path.join(sys.prefix, sys.platlibdir, "python3.11")), sys.platlibdir)
print(sys.pycache_prefix, type(sys.dont_write_bytecode).__name__, type(sys.abiflags).__name__)
print(type(sys.meta_path).__name__, type(sys.path_hooks).__name__, type(sys.path_importer_cache).__name__)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.maxunicode, sys.float_repr_style)
print(type(sys.warnoptions).__name__, type(sys._xoptions).__name__, sys.orig_argv[-1])
print(hex(sys.hexversion)[:6], sys.version_info[:2], sys.int_info.bits_per_digit > 0, sys.float_info.dig)
print(sys.gettrace(), sys.getprofile(), sys.settrace(None), sys.setprofile(None), sys.is_finalizing())
import sysconfig
print(sysconfig.get_paths()["stdlib"] == os.path.join(sys.prefix, "lib", "python3.11"))
print(sysconfig.get_python_version())
import site
print(site.getsitepackages()[0].startswith(sys.prefix))
