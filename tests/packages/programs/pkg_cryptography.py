from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.exceptions import InvalidSignature
from cryptography.fernet import Fernet

key = ec.generate_private_key(ec.SECP256R1())
signature = key.sign(b"message", ec.ECDSA(hashes.SHA256()))
key.public_key().verify(signature, b"message", ec.ECDSA(hashes.SHA256()))
print("verified")
try:
    key.public_key().verify(signature, b"other", ec.ECDSA(hashes.SHA256()))
except InvalidSignature:
    print("invalid signature detected")
f = Fernet(Fernet.generate_key())
print(f.decrypt(f.encrypt(b"secret")))
