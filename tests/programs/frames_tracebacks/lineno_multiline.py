# Uncaught exception inside a multi-line expression: the reported line and
# the caret markers point at the failing sub-expression.


def fetch(mapping, key):
    return mapping[key]


config = {"host": "localhost", "port": 8080}
summary = "%s:%s/%s" % (
    fetch(config, "host"),
    fetch(config, "port"),
    fetch(
        config,
        "path",
    ),
)
print(summary)
