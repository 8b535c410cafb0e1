"""C code generation: one C file per module from the core node tree."""
