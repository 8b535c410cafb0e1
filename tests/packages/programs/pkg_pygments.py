# Pygments finds lexers, formatters and styles by name at run time
# (a mapping of names to module paths, imported on demand).
from pygments import highlight
from pygments.formatters import HtmlFormatter, TerminalFormatter, get_formatter_by_name
from pygments.lexers import PythonLexer, get_lexer_by_name, guess_lexer_for_filename
from pygments.styles import get_style_by_name

code = "def f(x):\n    return x + 1  # comment\n"
print(highlight(code, PythonLexer(), HtmlFormatter(style="monokai")))
print(get_lexer_by_name("json").name, guess_lexer_for_filename("main.rs", "fn main() {}").name)
print(repr(highlight(code, get_lexer_by_name("python3"), TerminalFormatter())))
print(get_style_by_name("friendly").background_color)
print(len(HtmlFormatter(style="default").get_style_defs(".hl")))
print(type(get_formatter_by_name("svg")).__name__)
