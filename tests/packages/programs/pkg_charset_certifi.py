import ssl
import certifi
import charset_normalizer

import os
print(os.path.isfile(certifi.where()), certifi.where().endswith("cacert.pem"))
context = ssl.create_default_context(cafile=certifi.where())
print(context.verify_mode == ssl.CERT_REQUIRED, len(context.get_ca_certs()) > 50)
result = charset_normalizer.from_bytes("Bonjour, ceci est un texte en français, avec des accents: é è à ç.".encode("cp1252")).best()
print(result.encoding in ("cp1252", "iso8859_1", "cp1250", "latin_1", "iso8859_15"), str(result)[:20])
