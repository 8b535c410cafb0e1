# graphql-core (schema from SDL, execution, errors) and libcst (its native
# parser, a transformer, code generation).
import graphql
import libcst as cst

schema = graphql.build_schema("""
type Query { hello(name: String = "world"): String, items: [Int!]! }
""")
root = {"hello": lambda info, name: "Hello %s" % name, "items": [1, 2, 3]}


def resolve(root_value, info, **args):
    value = root_value.get(info.field_name)
    return value(info, **args) if callable(value) else value


result = graphql.graphql_sync(schema, '{ hello(name: "nuitka") items }', root, field_resolver=resolve)
print(result.data, result.errors)
bad = graphql.graphql_sync(schema, "{ nope }", root)
print(bad.data, [e.message for e in bad.errors])
print(graphql.print_schema(schema).splitlines()[0])


class Renamer(cst.CSTTransformer):
    def leave_Name(self, original, updated):
        return updated.with_changes(value="renamed") if updated.value == "old" else updated


module = cst.parse_module("def f(old):\n    return old + 1  # keep\n")
print(module.visit(Renamer()).code, end="")
try:
    cst.parse_module("def (:")
except cst.ParserSyntaxError as e:
    print("ParserSyntaxError", e.raw_line, e.raw_column)
