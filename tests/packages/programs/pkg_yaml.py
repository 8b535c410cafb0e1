import yaml

data = {"name": "x", "items": [1, 2.5, None, True], "nested": {"a": "b"}}
text = yaml.dump(data, Dumper=yaml.CDumper if hasattr(yaml, "CDumper") else yaml.Dumper, sort_keys=True)
print(text)
print(yaml.load(text, Loader=yaml.CSafeLoader) == data)
print(yaml.__with_libyaml__)
try:
    yaml.safe_load("a: [1, 2")
except yaml.YAMLError as e:
    print(type(e).__name__, str(e).splitlines()[0])
