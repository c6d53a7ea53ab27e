/* greet(name): builds "hello, NAME" in C, then frames it with greeter.helper.frame, which it
 * imports by name at call time, the way C extensions reach their Python-level helpers. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *greet(PyObject *self, PyObject *args) {
    const char *name;
    if (!PyArg_ParseTuple(args, "s", &name)) return NULL;
    PyObject *helper = PyImport_ImportModule("greeter.helper");
    if (helper == NULL) return NULL;
    PyObject *text = PyUnicode_FromFormat("hello, %s (from C)", name);
    PyObject *framed = text ? PyObject_CallMethod(helper, "frame", "O", text) : NULL;
    Py_XDECREF(text);
    Py_DECREF(helper);
    return framed;
}

static PyMethodDef methods[] = {
    {"greet", greet, METH_VARARGS, "Return a framed greeting for NAME."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "greeter._core", NULL, -1, methods};

PyMODINIT_FUNC PyInit__core(void) { return PyModule_Create(&module); }
