from setuptools import Extension, setup

setup(ext_modules=[Extension("greeter._core", ["greeter/_core.c"])])
