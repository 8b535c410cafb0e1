"""The core node tree.

The frontend turns the Python ``ast`` into these nodes; many surface
constructs are reformulated into a small set of core nodes (see
``doc/developer-manual.rst``). Code generation works on these nodes only.
"""
