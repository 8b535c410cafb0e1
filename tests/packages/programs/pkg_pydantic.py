from pydantic import BaseModel, ValidationError, field_validator


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []

    @field_validator("name")
    @classmethod
    def not_empty(cls, value):
        if not value:
            raise ValueError("empty name")
        return value


print(Item(name="x", price="1.5", tags=["a"]).model_dump())
try:
    Item(name="", price="abc")
except ValidationError as e:
    for error in e.errors():
        print(error["loc"], error["type"], error["msg"])
print(Item.model_json_schema()["required"])
