import jinja2

env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "<h1>{{ title|upper }}</h1>{% for i in items %}<li>{{ i }}</li>{% endfor %}"}),
                         autoescape=True)
print(env.get_template("page.html").render(title="hello <world>", items=[1, 2]))
print(jinja2.Template("{{ x * 2 }}").render(x=21))
try:
    env.from_string("{% for %}")
except jinja2.TemplateSyntaxError as e:
    print("syntax error:", e.message)
