import asyncio
import json

import httpx


def handler(request):
    if request.url.path == "/echo":
        body = json.loads(request.content or b"null")
        return httpx.Response(200, json={"method": request.method, "body": body,
                                         "agent": request.headers["user-agent"].split("/")[0],
                                         "q": dict(request.url.params)})
    if request.url.path == "/redirect":
        return httpx.Response(302, headers={"location": "/echo?from=redirect"})
    return httpx.Response(404, text="no such page")


with httpx.Client(transport=httpx.MockTransport(handler), base_url="https://example.test") as client:
    r = client.post("/echo", json={"x": [1, 2]}, params={"a": "1"})
    print(r.status_code, r.headers["content-type"], r.json())
    r = client.get("/redirect", follow_redirects=True)
    print(r.status_code, r.url, [h.status_code for h in r.history], r.json()["q"])
    r = client.get("/missing")
    print(r.status_code, r.text, r.is_error)
    try:
        r.raise_for_status()
    except httpx.HTTPStatusError as e:
        print("HTTPStatusError", e.response.status_code)


async def main():
    async def ahandler(request):
        return httpx.Response(200, text="async " + request.url.host)

    async with httpx.AsyncClient(transport=httpx.MockTransport(ahandler)) as client:
        responses = await asyncio.gather(*(client.get("http://h%d.test/" % i) for i in range(3)))
        print([r.text for r in responses])

asyncio.run(main())
print(httpx.URL("https://a.test/p?q=1").copy_with(path="/z"), httpx.codes.NOT_FOUND.phrase)
