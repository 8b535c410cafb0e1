"""Building wheels whose packages are compiled extension modules.

* ``python setup.py bdist_nuitka`` (:class:`.commands.bdist_nuitka`), with
  compiler options in ``command_options={"nuitka": {...}}`` of ``setup()``;
* ``build_with_nuitka = true`` in ``setup.cfg`` (``[metadata]`` or
  ``[options]``) or ``setup(build_with_nuitka=True)``: ``bdist_wheel`` does
  the same;
* the PEP 517 backend ``nuitka.distutils.Build`` (``build-backend`` in
  ``pyproject.toml``), compiler options in ``[tool.nuitka]``.
"""
