print("executing nspkg.inner.nsmod as", __name__)
NS_VALUE = "namespace package module"
