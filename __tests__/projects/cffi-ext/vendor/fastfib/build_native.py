"""cffi API mode: the C source is compiled into the extension module fastfib._native."""
from cffi import FFI

ffibuilder = FFI()
ffibuilder.cdef("long long fib(int n);")
ffibuilder.set_source(
    "fastfib._native",
    """
    static long long fib(int n) {
        long long a = 0, b = 1;
        for (int i = 0; i < n; i++) { long long t = a + b; a = b; b = t; }
        return a;
    }
    """,
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
