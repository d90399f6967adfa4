/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SWIG interface shared by the Python and R bindings. It wraps only the
 * public C API (include/greenidx/*.h); every number comes from the library.
 *
 * Conventions, for every module interface (bindings/<module>.i):
 * - a gidx_status < 0 becomes a Python exception of the GreenIdxError
 *   hierarchy (greenidx/_errors.py) carrying the C message; in R the status is
 *   checked by gidx_check() in the package's R code, which signals an R
 *   condition of class c("gidx_<code>", "gidx_error", "error", "condition");
 * - GIDX_HANDLE(type, free) declares an opaque handle: `type **out` arguments
 *   become return values owned by the target language, freed by `free`;
 * - Python arrays: numpy.i typemaps with size_t lengths, instantiated below.
 */
#if defined(SWIGPYTHON)
%module(package="greenidx", docstring="Low-level SWIG interface to libgreenidx; use the greenidx package.") capi
#else
%module greenidx
#endif

%feature("autodoc", "2");

%{
#define SWIG_FILE_WITH_INIT
#include <stdlib.h>
#include <string.h>
#include <greenidx/greenidx.h>

/* Split "a\nb\nc" (exactly n items) into pointers into a writable copy;
 * the caller frees *copy and *items. -1 when the count differs or memory
 * runs out (both left NULL). Names cross the binding joined by '\n'. */
static int gidx_bind_split(char **copy, const char ***items, const char *joined, size_t n)
{
    size_t i = 0;
    char *s;
    *items = NULL;
    *copy = NULL;
    if (joined == NULL)
        return -1;
    *copy = s = strdup(joined);
    *items = calloc(n + 1, sizeof **items);
    if (s != NULL && *items != NULL)
        while (i < n) {
            (*items)[i++] = s;
            s = strchr(s, '\n');
            if (s == NULL)
                break;
            *s++ = '\0';
        }
    if (*copy == NULL || *items == NULL || i != n || (n > 0 && s != NULL)) {
        free(*copy);
        free((void *)*items);
        *copy = NULL;
        *items = NULL;
        return -1;
    }
    return 0;
}
%}

%include <stdint.i>

typedef int gidx_status;
typedef unsigned long size_t;

/* ------------------------------------------------------------------ Python */
#if defined(SWIGPYTHON)
%include "numpy.i"
%init %{
    import_array();
%}
%numpy_typemaps(double, NPY_DOUBLE, size_t)
%numpy_typemaps(int, NPY_INT, size_t)

/* numpy.i hands the new array of an ARGOUT_ARRAY1 to the result in its
 * argout typemap only, so a call whose status makes the wrapper jump to
 * `fail` leaked it (about 160 bytes per exception, found by
 * tests/python/test_bindings_lifecycle.py). Here the array is released in
 * freearg unless argout has handed it over. */
%define GIDX_NUMPY_ARGOUT1(DATA_TYPE)
%typemap(argout) (DATA_TYPE *ARGOUT_ARRAY1, size_t DIM1) {
    $result = SWIG_Python_AppendOutput($result, (PyObject *)array$argnum);
    array$argnum = NULL;
}
%typemap(freearg) (DATA_TYPE *ARGOUT_ARRAY1, size_t DIM1) {
    Py_XDECREF(array$argnum);
}
%typemap(argout) (size_t DIM1, DATA_TYPE *ARGOUT_ARRAY1) {
    $result = SWIG_Python_AppendOutput($result, (PyObject *)array$argnum);
    array$argnum = NULL;
}
%typemap(freearg) (size_t DIM1, DATA_TYPE *ARGOUT_ARRAY1) {
    Py_XDECREF(array$argnum);
}
%enddef
GIDX_NUMPY_ARGOUT1(double)
GIDX_NUMPY_ARGOUT1(int)

/* Docstrings: the Doxygen comment of every public function, generated from
 * the headers by bindings/python/gen_docstrings.py at build time. */
%include "gidx_docstrings.i"

%{
/* Raise greenidx._errors.class_for(code)(message, code). */
static void gidx_py_raise(gidx_status code)
{
    const gidx_error *e = gidx_error_last();
    const char *msg = (e->code == code && e->message[0]) ? e->message : gidx_strerror(code);
    PyObject *mod = PyImport_ImportModule("greenidx._errors");
    PyObject *cls = NULL, *args = NULL;
    if (mod != NULL)
        cls = PyObject_CallMethod(mod, "class_for", "i", (int)code);
    if (cls == NULL) {
        PyErr_Clear();
        PyErr_SetString(PyExc_RuntimeError, msg);
        Py_XDECREF(mod);
        return;
    }
    args = Py_BuildValue("(si)", msg, (int)code);
    if (args != NULL)
        PyErr_SetObject(cls, args);
    Py_XDECREF(args);
    Py_DECREF(cls);
    Py_DECREF(mod);
}
%}

%typemap(out) gidx_status {
    if ($1 < 0) {
        gidx_py_raise($1);
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}

%define GIDX_HANDLE(TYPE, FREE)
%nodefaultctor TYPE;
struct TYPE {};
%extend TYPE {
    ~TYPE() { FREE($self); }
}
%typemap(in, numinputs=0) TYPE **out (TYPE *tmp = NULL) { $1 = &tmp; }
%typemap(argout) TYPE **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(tmp$argnum), $descriptor(TYPE *), SWIG_POINTER_OWN));
}
%enddef

/* A caller-allocated (double *out, size_t cap) output of known length is
 * wrapped per function with %apply (double *ARGOUT_ARRAY1, size_t DIM1). */

/* ------------------------------------------------------------------------ R */
#elif defined(SWIGR)

%typemap(out) gidx_status {
    $result = Rf_ScalarInteger($1);
}

%define GIDX_HANDLE(TYPE, FREE)
%nodefaultctor TYPE;
struct TYPE {};
%extend TYPE {
    ~TYPE() { FREE($self); }
}
%enddef

#endif

/* --------------------------------------------------------- all languages */
%include "modules.i"
