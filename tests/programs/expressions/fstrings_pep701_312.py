# PEP 701 (3.12+): f-strings with nested same quotes, multi-line
# expressions with comments, backslashes in expressions, deep nesting.
songs = ["Take me back to Eden", "Alkaline", "Ascensionism"]
print(f"This is the playlist: {", ".join(songs)}")
print(f"{f"{f"{f"{f"{1+1}"}"}"}"}")
print(f"{'\n'.join(songs)}")
print(f"{"\\N{BLACK HEART SUIT}"}")
x = 10
print(f"{x:{"^"}{20}}|")
print(f"result: {
    x  # a comment inside the expression
    + 1
}")
print(f"{x = }", f"{x=!r:>6}", f"{ x = }")
d = {"key": "value"}
print(f"{d["key"]}", f'{d['key']}')
print(f"{'''triple
quoted'''}")
print(f"{"a" if x else "b"}{x!r}{x:#x}")
print(f"{{literal}} {x} {{{x}}}")
def fmt(v):
    return f"<{v}>"
print(f"{fmt(f"{x}")}", f"{[f"{i}" for i in range(3)]}")
try:
    print(f"{undefined_name_in_fstring}")
except NameError as e:
    print("NameError", e)
print(f"{1:{x}}|", f"{3.14159:.{2}f}")
