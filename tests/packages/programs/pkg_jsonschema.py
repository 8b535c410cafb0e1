# jsonschema: validators for every draft, their meta-schemas read as
# package data (jsonschema_specifications), format checkers.
import jsonschema
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validate

schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},
    "required": ["name"],
}
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
print(sorted(error.message for error in validator.iter_errors({"age": -1})))
validate({"name": "x", "age": 3}, schema)
try:
    validate({"name": 3}, schema)
except ValidationError as error:
    print(error.message, list(error.path))
print(jsonschema.validators.validator_for({"$schema": "http://json-schema.org/draft-07/schema#"}).__name__)
checker = FormatChecker()
print(Draft202012Validator({"format": "ipv4"}, format_checker=checker).is_valid("1.2.3.999"))
try:
    Draft202012Validator.check_schema({"type": 12})
except jsonschema.SchemaError as error:
    print("schema error", error.message)
