# jsonpath-ng (a ply grammar built from the docstrings of its parser's
# methods), rsa with pyasn1 (PEM keys, signatures) and python-dotenv.
import io

import jsonpath_ng
import jsonpath_ng.ext
import rsa
from dotenv import dotenv_values

doc = {"store": {"book": [{"title": "A", "price": 8}, {"title": "B", "price": 12}], "bike": {"price": 19}}}
print([m.value for m in jsonpath_ng.parse("store.book[*].title").find(doc)])
print([str(m.full_path) for m in jsonpath_ng.parse("$..price").find(doc)])
print([m.value["title"] for m in jsonpath_ng.ext.parse("$.store.book[?price > 10]").find(doc)])

pub, priv = rsa.newkeys(512, poolsize=1)
signature = rsa.sign(b"message", priv, "SHA-256")
print(rsa.verify(b"message", signature, pub), len(signature))
again = rsa.PrivateKey.load_pkcs1(priv.save_pkcs1())
print(again == priv, rsa.decrypt(rsa.encrypt(b"hi", pub), again))
try:
    rsa.verify(b"other", signature, pub)
except rsa.VerificationError as e:
    print("VerificationError", e)
print(dotenv_values(stream=io.StringIO("A=1\nB=${A}2\n# c\nC='x y'\n")))
