from setuptools import setup

# cffi's setuptools integration compiles fastfib/_native*.so from the builder below.
setup(cffi_modules=["build_native.py:ffibuilder"])
