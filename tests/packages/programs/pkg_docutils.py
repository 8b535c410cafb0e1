# docutils loads its parsers, readers and writers by name at run time
# (importlib.import_module of "docutils.writers." + name).
from docutils.core import publish_parts, publish_string

source = """
Title
=====

Some *emphasis*, a list:

- one
- two

.. note:: A directive.
"""
parts = publish_parts(source, writer_name="html", settings_overrides={"output_encoding": "unicode"})
print(parts["title"])
print(parts["body"])
print(publish_string(source, writer_name="pseudoxml", settings_overrides={"output_encoding": "unicode"}))
