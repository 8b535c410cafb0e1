# Small packages with extension modules of their own (Rust, C) and a pure
# Python one: orjson, regex, xmltodict, sortedcontainers.
import orjson
import regex
import sortedcontainers
import xmltodict

print(orjson.dumps({"a": [1, 2.5, None, True], "b": "ü"}, option=orjson.OPT_SORT_KEYS))
print(orjson.loads(b'{"x": [1, {"y": 2}]}'))
print(regex.findall(r"\p{Lu}\w+", "Hello World from Ärger"), regex.sub(r"(?i)w", "V", "wow"))
print(xmltodict.parse("<a x='1'><b>t</b><b>u</b></a>"))
print(xmltodict.unparse({"r": {"@k": "v", "c": ["1", "2"]}}, pretty=False))
s = sortedcontainers.SortedList([5, 1, 3])
s.add(2)
print(list(s), s.bisect_left(3), sortedcontainers.SortedDict({"b": 1, "a": 2}).keys()[0])
