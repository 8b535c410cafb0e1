"""A Python compiler: turns Python 3 programs into C that runs on libpython."""
