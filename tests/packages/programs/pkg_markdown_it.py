# markdown-it-py with its plugins-free CommonMark preset and a table.
from markdown_it import MarkdownIt

md = MarkdownIt("commonmark").enable("table")
print(md.render("# Title\n\n*hi* `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
tokens = md.parse("- x\n- y\n")
print([token.type for token in tokens])
