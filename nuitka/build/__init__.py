"""Build stage: compile generated C with the cached C runtime via SCons.

Public API (contract in ``doc/INTERFACES.md``):

* :class:`nuitka.build.spec.BuildSpec` - what to build.
* :func:`nuitka.build.builder.build` - do it; returns the output path.
* :class:`nuitka.build.errors.BuildError` - one-line, actionable failures.
* :func:`nuitka.build.cache.get_cache_dir`, :func:`nuitka.build.cache.clean_cache`
  - the user cache folder (``NUITKA_CACHE_DIR``, ``--clean-cache``).

Modules:

``spec``        the :class:`BuildSpec` dataclass.
``errors``      :class:`BuildError`.
``compiler``    C compiler / ccache / archiver detection; Python include
                folders and libpython link arguments (``sysconfig`` of the
                running interpreter).
``flags``       compile and link flags (and the reasons for them), LTO policy.
``cache``       the user cache folder.
``runtime``     ``libnuitka_runtime.a``: content-keyed, built once, published
                atomically into the cache.
``scons``       writes the JSON build description and runs SCons
                (``python -m SCons -f nuitka/build/SConstruct.py ...``).
``SConstruct.py`` the SCons file itself (executed by SCons, never imported).
``builder``     :func:`build`, tying it all together.

Environment variables: ``CC``, ``CCFLAGS``, ``LDFLAGS``, ``NUITKA_CACHE_DIR``,
``NUITKA_CCACHE_BINARY`` (a path, or ``none`` to disable ccache),
``NUITKA_SCONS_PYTHON`` (a Python with SCons when the running one lacks it).

Importing this package is cheap; the submodules are imported on use.
"""
