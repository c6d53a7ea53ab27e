from mypyc.build import mypycify
from setuptools import setup

# Two modules compiled as one group: mypyc puts their shared code in a top-level extension named
# <hash>__mypyc, and each module's own small extension imports it from C.
setup(ext_modules=mypycify(["fastcalc/numbers.py", "fastcalc/report.py"]))
