"""The importing stage: which modules a program is made of.

* :mod:`.scanner` finds the imports a module's source does, statically.
* :mod:`.finder` resolves module names on the compiling Python's search path
  like ``importlib.machinery.PathFinder`` does, without importing anything.
* :mod:`.graph` applies the follow / no-follow / include decisions and
  collects the modules to compile.
"""
