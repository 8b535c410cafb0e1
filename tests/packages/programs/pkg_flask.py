import importlib.metadata
import pkgutil

from flask import Blueprint, Flask, abort, jsonify, render_template_string, request, session
from werkzeug.debug import DebuggedApplication

app = Flask(__name__)
app.secret_key = "not-secret"
api = Blueprint("api", __name__, url_prefix="/api")

PAGE = "<ul>{% for n in names %}<li>{{ n|title }}</li>{% endfor %}</ul>{{ note }}"


@app.route("/hello/<name>")
def hello(name):
    session["seen"] = session.get("seen", 0) + 1
    return render_template_string(PAGE, names=[name, "bob"], note="<b>%d</b>" % session["seen"])


@api.route("/sum", methods=["POST"])
def total():
    data = request.get_json()
    if not isinstance(data, list):
        abort(400)
    return jsonify(sum=sum(data), count=len(data))


@app.errorhandler(404)
def missing(e):
    return jsonify(error="missing", path=request.path), 404


app.register_blueprint(api)

client = app.test_client()
for _ in range(2):
    r = client.get("/hello/alice")
    print(r.status_code, r.content_type, r.get_data(as_text=True))
r = client.post("/api/sum", json=[1, 2, 3.5])
print(r.status_code, r.get_json())
print(client.post("/api/sum", json={"a": 1}).status_code)
r = client.get("/nowhere")
print(r.status_code, r.get_json())
print(sorted(str(rule) for rule in app.url_map.iter_rules()))

# Package data of werkzeug, read through pkgutil.get_data (the debugger's files).
css = pkgutil.get_data("werkzeug.debug", "shared/style.css")
print("style.css", len(css) > 1000, css.splitlines()[0][:40])
debug_client = DebuggedApplication(app, evalex=False)
from werkzeug.test import Client
r = Client(debug_client).get("/?__debugger__=yes&cmd=resource&f=debugger.js")
print("debugger.js", r.status_code, len(r.get_data()) > 1000)
print("flask", importlib.metadata.version("flask") == importlib.metadata.version("Flask"))
print("werkzeug", importlib.metadata.version("werkzeug").count(".") >= 1)
