# An uncaught exception travelling through several functions: the traceback
# (file, line, function name, source line, carets) and exit code 1.


def parse_record(record):
    key, value = record.split("=")
    return key, int(value)


def load(records):
    result = {}
    for record in records:
        key, value = parse_record(record)
        result[key] = value
    return result


def compute(data):
    return data["a"] / data["b"]


def main():
    data = load(["a=1", "b=0"])
    print("loaded", data)
    return compute(data)


print("start")
main()
print("never printed")
