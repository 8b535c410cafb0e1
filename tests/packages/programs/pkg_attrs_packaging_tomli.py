import attrs
import packaging.version
import packaging.specifiers
import packaging.requirements
import tomli


@attrs.define
class Point:
    x: int
    y: int = attrs.field(default=0, validator=attrs.validators.instance_of(int))


print(Point(1), Point(1, 2) == Point(1, 2), attrs.asdict(Point(3, 4)))
try:
    Point(1, "a")
except TypeError as e:
    print("TypeError", str(e).split(" (")[0])
print(packaging.version.Version("1.2.3rc1") < packaging.version.Version("1.2.3"))
print(list(packaging.specifiers.SpecifierSet(">=1.0,<2").filter(["0.9", "1.5", "2.0"])))
print(packaging.requirements.Requirement('name[extra]>=1.0; python_version >= "3.8"'))
print(tomli.loads('a = 1\n[t]\nb = "x"\nc = [1, 2]\n'))
