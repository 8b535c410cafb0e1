import bs4
from bs4 import BeautifulSoup

html = """<html><head><title>Shop &amp; more</title></head><body>
<div class="item" id="a"><a href="/x">First</a><span>1.50</span></div>
<div class="item" id="b"><a href="/y">Second</a><span>2.25</span></div>
<p>broken <b>markup<p>here</body>"""
for parser in ("html.parser", "lxml"):
    soup = BeautifulSoup(html, parser)
    print(parser, soup.title.string)
    for div in soup.select("div.item"):
        print(" ", div["id"], div.a["href"], div.a.get_text(), float(div.span.string))
    print(" ", [p.get_text() for p in soup.find_all("p")])
xml = BeautifulSoup("<root><v n='1'>x</v><v n='2'>y</v></root>", "xml")
print("xml", [(v["n"], v.text) for v in xml.find_all("v")])
print("builder", type(BeautifulSoup("<a/>", "lxml").builder).__name__)
