# PEP 701 f-strings (3.12+): reused quotes, backslashes and comments inside
# replacement fields, arbitrary nesting.
songs = ["Take me back", "Beautiful world", "Never"]
print(f"This is the playlist: {", ".join(songs)}")
print(f"{"nested " + f"{"deeper " + f"{'deepest'}"}"}")
print(f"{"\n".join(["line a", "line b"])}")
print(f"{'\t'.join("abc")!r}")
value = 42
print(f"{value:{"<" if value else ">"}{10}}|")
print(f"{
    value  # a comment inside the replacement field
    * 2
}")
print(f"{f"{f"{f"{f"{f"{1+1}"}"}"}"}"}")
print(f"{"\N{SNOWMAN}".encode()}")
data = {"key": "val"}
print(f"{data["key"]} {data.get("missing", "dflt")}")
print(f"{value=}", f"{value = !r:>6}")
print(f"{'''triple
quoted'''}")
