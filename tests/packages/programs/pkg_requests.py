import requests
from requests.adapters import HTTPAdapter, BaseAdapter


class OfflineAdapter(BaseAdapter):
    def send(self, request, **kwargs):
        response = requests.Response()
        response.status_code = 200
        response._content = b'{"ok": true, "url": "%s"}' % request.url.encode()
        response.headers["Content-Type"] = "application/json"
        response.request = request
        response.url = request.url
        return response

    def close(self):
        pass


session = requests.Session()
session.mount("http://example.invalid/", OfflineAdapter())
prepared = requests.Request("POST", "http://example.invalid/api", params={"q": "x y"}, json={"a": 1}).prepare()
print(prepared.method, prepared.url, prepared.headers["Content-Type"], prepared.body)
response = session.get("http://example.invalid/thing", params={"n": 1})
print(response.status_code, response.json())
print(isinstance(session.get_adapter("https://other.invalid/"), HTTPAdapter))
print(requests.__version__ == requests.__version__, requests.utils.default_user_agent().startswith("python-requests/"))
