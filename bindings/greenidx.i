/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SWIG interface shared by the Python and R bindings, GENERATED from the
 * public headers: this file defines one typemap per C idiom of the API, for
 * each language; gidx_api.i (written by gen_api.py at build time) maps every
 * parameter of every header onto those idioms and %includes every header.
 * No prototype is written here. The module interfaces (bindings/<module>.i)
 * hold only the hand-written exceptions, each saying why no typemap fits.
 *
 * The idioms (see gen_api.py for how parameters are matched):
 * - gidx_status       < 0 raises: Python, the GreenIdxError subclass of the
 *                     code (greenidx/_errors.py); R, a condition of class
 *                     c("gidx_<code>", "gidx_error", "error", "condition")
 * - T **             (handle out-parameter) returned, owned, freed by T_free
 * - (T *out.., size_t cap)  output buffers: the caller gives the capacity,
 *                     gets the arrays (unused slots NaN/0)
 * - (T *out, size_t cap, size_t *needed)  the size query: called with cap 0,
 *                     then with the size the library asked for
 * - char ** / const char ** / (char *buf, size_t cap[, size_t *needed]) text
 * - double *, int *, size_t * alone   scalar out-parameters, returned
 * - (const T *x, size_t n), (const double *X, size_t n, size_t p)  arrays in
 * - (const char *data, size_t len)    bytes (Python bytes or str)
 * Out-parameters are returned in order: one as itself, several as a tuple
 * (Python) or a named list (R).
 */
#if defined(SWIGPYTHON)
%module(package="greenidx", docstring="Low-level SWIG interface to libgreenidx, generated from its headers; use the greenidx package.", threads="1") capi
/* The GIL is released around every C call (swig -threads): a download or a
 * long computation in one thread does not stop the others. The typemaps run
 * with the GIL held. */
%nothread gidx_error_last_code;
%nothread gidx_error_last_message;
%rename(_lambda) gidx_model_options::lambda;
#else
%module greenidx
#endif

%feature("autodoc", "2");
/* A string set on an options struct is copied by SWIG and never freed (a few
 * bytes per assignment; the idiomatic layers set each at most once a call). */
#pragma SWIG nowarn=451
/* Doxygen commands SWIG does not know (e.g. a literal @FROM in a header) stay text. */
#pragma SWIG nowarn=560

%{
#define SWIG_FILE_WITH_INIT
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <greenidx/greenidx.h>

/* An output buffer of n elements of size sz, filled with NaN bytes for
 * doubles (callers see NaN, never uninitialised memory, in unused slots). */
static void *gidx_bind_buf(size_t n, size_t sz, int nan_fill)
{
    void *p = calloc(n ? n : 1, sz);
    size_t i;
    if (p != NULL && nan_fill)
        for (i = 0; i < n; i++)
            ((double *)p)[i] = NAN;
    return p;
}

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

/* Read through the two functions above. */
%ignore gidx_error;
%ignore gidx_error_last;

/* The size query of GIDX_TWO_PASS: the typemaps start with no buffer and
 * capacity 0; a GIDX_EBUFS answer that says how much is needed gets a
 * buffer of that size and a second call. */
%define GIDX_TWO_PASS(FN, BUF, CAP, NEEDED, ELT)
%exception FN {
    $action
    if (result == GIDX_EBUFS && *NEEDED > 0) {
        size_t gidx_n = *NEEDED + (sizeof(ELT) == 1);
        free((void *)BUF);
        BUF = (void *)gidx_bind_buf(gidx_n, sizeof(ELT), 0);
        CAP = gidx_n;
        gidx_error_clear();
        if (BUF == NULL) {
            result = gidx_error_set(GIDX_ENOMEM, #FN ": out of memory for the result");
        } else {
            $action
        }
    }
}
%enddef

/* ------------------------------------------------------------------ Python */
#if defined(SWIGPYTHON)
%include "numpy.i"
%init %{
    import_array();
%}
/* numpy.i's array typemaps, used by the hand-written exceptions. numpy.i
 * hands the new array of an ARGOUT_ARRAY1 to the result in its argout
 * typemap only, so a failing call leaked it; here freearg releases it
 * unless argout has handed it over. */
%numpy_typemaps(double, NPY_DOUBLE, size_t)
%numpy_typemaps(int, NPY_INT, size_t)
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
%define GIDX_DOC_ALIAS(WRAPPER, NAME)
%enddef
%define GIDX_RENAME(WRAPPER, NAME)
%rename(NAME) WRAPPER;
%enddef

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

/* A 1-D numpy array of n elements copied from p (NULL p: n NaN/0). */
static PyObject *gidx_py_array(const void *p, size_t n, int typenum)
{
    npy_intp dim = (npy_intp)n;
    PyObject *a = PyArray_SimpleNew(1, &dim, typenum);
    if (a != NULL && n > 0 && p != NULL)
        memcpy(PyArray_DATA((PyArrayObject *)a), p, n * PyArray_ITEMSIZE((PyArrayObject *)a));
    return a;
}

/* A contiguous array of the type from any sequence (a new reference). */
static PyArrayObject *gidx_py_in_array(PyObject *o, int typenum, int ndim)
{
    return (PyArrayObject *)PyArray_FROMANY(o, typenum, ndim, ndim,
                                             NPY_ARRAY_IN_ARRAY | NPY_ARRAY_FORCECAST);
}

/* A UTF-8 string with no NUL inside (a NUL would silently cut it). */
static int gidx_py_str(PyObject *o, const char **s)
{
    Py_ssize_t n = 0;
    if (!PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "expected a str");
        return -1;
    }
    *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (*s == NULL)
        return -1;
    if ((size_t)n != strlen(*s)) {
        PyErr_SetString(PyExc_ValueError, "a string passed to libgreenidx contains a NUL character");
        return -1;
    }
    return 0;
}
%}

%typemap(out) gidx_status {
    if ($1 < 0) {
        gidx_py_raise($1);
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}

/* Strings in: None is NULL; an embedded NUL raises ValueError. */
%typemap(in) const char * {
    if ($input == Py_None)
        $1 = NULL;
    else if (gidx_py_str($input, (const char **)&$1) < 0)
        SWIG_fail;
}
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
    $1 = ($input == Py_None || PyUnicode_Check($input)) ? 1 : 0;
}
%typemap(freearg) const char * "";

/* Bytes in: bytes, bytearray or str (UTF-8). */
%typemap(in) (const char *BYTES, size_t LEN) (Py_buffer view, int have_view = 0) {
    if (PyUnicode_Check($input)) {
        Py_ssize_t n = 0;
        $1 = (char *)PyUnicode_AsUTF8AndSize($input, &n);
        if ($1 == NULL)
            SWIG_fail;
        $2 = (size_t)n;
    } else {
        if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0)
            SWIG_fail;
        have_view = 1;
        $1 = (char *)view.buf;
        $2 = (size_t)view.len;
    }
}
%typemap(freearg) (const char *BYTES, size_t LEN) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}

/* Handles: owned when a call returns them through T **. */
%define GIDX_HANDLE(TYPE, FREE)
%nodefaultctor TYPE;
struct TYPE {};
%extend TYPE {
    ~TYPE() { FREE($self); }
}
%typemap(in, numinputs=0) TYPE ** (TYPE *tmp = NULL) { $1 = &tmp; }
%typemap(argout) TYPE ** {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(tmp$argnum), $*descriptor, SWIG_POINTER_OWN));
}
%enddef

/* Options structs: constructed at their _INIT defaults. */
%define GIDX_OPTIONS(TYPE, INIT)
%extend TYPE {
    TYPE() {
        TYPE init = INIT;
        TYPE *p = (TYPE *)malloc(sizeof *p);
        if (p != NULL)
            *p = init;
        return p;
    }
    ~TYPE() { free($self); }
}
%enddef

/* Scalar out-parameters. */
%define GIDX_PY_SCALAR(CTYPE, CONV)
%typemap(in, numinputs=0) CTYPE *SCALAR (CTYPE tmp = 0) { $1 = &tmp; }
%typemap(argout) CTYPE *SCALAR { $result = SWIG_Python_AppendOutput($result, CONV(*$1)); }
%enddef
GIDX_PY_SCALAR(double, PyFloat_FromDouble)
GIDX_PY_SCALAR(int, PyLong_FromLong)
GIDX_PY_SCALAR(size_t, PyLong_FromSize_t)

/* Text out. */
%{
static PyObject *gidx_py_text(const char *s)
{
    if (s == NULL)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}
%}
%typemap(in, numinputs=0) const char **STR (const char *tmp = NULL) { $1 = ($1_ltype)&tmp; }
%typemap(argout) const char **STR { $result = SWIG_Python_AppendOutput($result, gidx_py_text(*$1)); }
%typemap(in, numinputs=0) char **TEXT (char *tmp = NULL) { $1 = &tmp; }
%typemap(argout) char **TEXT { $result = SWIG_Python_AppendOutput($result, gidx_py_text(*$1)); }
%typemap(freearg) char **TEXT { gidx_free(tmp$argnum); }
%typemap(in, numinputs=0) (char **TEXT, size_t *LEN) (char *tmp = NULL, size_t len = 0) {
    $1 = &tmp; $2 = &len;
}
%typemap(argout) (char **TEXT, size_t *LEN) {
    $result = SWIG_Python_AppendOutput($result, gidx_py_text(*$1));
}
%typemap(freearg) (char **TEXT, size_t *LEN) { gidx_free(tmp$argnum); }
%typemap(in, numinputs=0) (char *BUF, size_t CAP) {
    $2 = 1024;
    $1 = (char *)gidx_bind_buf($2, 1, 0);
    if ($1 == NULL)
        SWIG_exception_fail(SWIG_MemoryError, "out of memory");
}
%typemap(argout) (char *BUF, size_t CAP) { $result = SWIG_Python_AppendOutput($result, gidx_py_text($1)); }
%typemap(freearg) (char *BUF, size_t CAP) { free($1); }

/* Size-query buffers (GIDX_TWO_PASS). */
%typemap(in, numinputs=0) (char *BUFN, size_t CAP, size_t *NEEDED) (size_t need = 0) {
    $1 = NULL; $2 = 0; $3 = &need;
}
%typemap(argout) (char *BUFN, size_t CAP, size_t *NEEDED) {
    $result = SWIG_Python_AppendOutput($result, gidx_py_text($1 ? $1 : ""));
}
%typemap(freearg) (char *BUFN, size_t CAP, size_t *NEEDED) { free($1); }
%define GIDX_PY_OUTN(CTYPE, NPY)
%typemap(in, numinputs=0) (CTYPE *OUTN, size_t CAP, size_t *NEEDED) (size_t need = 0) {
    $1 = NULL; $2 = 0; $3 = &need;
}
%typemap(argout) (CTYPE *OUTN, size_t CAP, size_t *NEEDED) {
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($1, *$3 < $2 ? *$3 : $2, NPY));
}
%typemap(freearg) (CTYPE *OUTN, size_t CAP, size_t *NEEDED) { free($1); }
%enddef
GIDX_PY_OUTN(double, NPY_DOUBLE)
%typemap(in, numinputs=0) (const char **STRSN, size_t CAP, size_t *NEEDED) (size_t need = 0) {
    $1 = NULL; $2 = 0; $3 = &need;
}
%typemap(argout) (const char **STRSN, size_t CAP, size_t *NEEDED) {
    size_t i, n = *$3 < $2 ? *$3 : $2;
    PyObject *l = PyList_New((Py_ssize_t)n);
    for (i = 0; l != NULL && i < n; i++)
        PyList_SET_ITEM(l, (Py_ssize_t)i, gidx_py_text($1[i]));
    $result = SWIG_Python_AppendOutput($result, l);
}
%typemap(freearg) (const char **STRSN, size_t CAP, size_t *NEEDED) { free((void *)$1); }

/* Output buffers of one capacity: the caller passes the capacity. */
%{
static int gidx_py_cap(PyObject *o, size_t *cap)
{
    unsigned long long v;
    if (!PyLong_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "the capacity must be an int");
        return -1;
    }
    v = PyLong_AsUnsignedLongLong(o);
    if (PyErr_Occurred())
        return -1;
    *cap = (size_t)v;
    return 0;
}
%}
%typemap(in) (double *OUT1, size_t CAP) (size_t cap) {
    if (gidx_py_cap($input, &cap) < 0) SWIG_fail;
    $2 = cap;
    if (!($1 = (double *)gidx_bind_buf(cap, sizeof(double), 1))) SWIG_exception_fail(SWIG_MemoryError, "out of memory");
}
%typemap(argout) (double *OUT1, size_t CAP) { $result = SWIG_Python_AppendOutput($result, gidx_py_array($1, $2, NPY_DOUBLE)); }
%typemap(freearg) (double *OUT1, size_t CAP) { free($1); }
%typemap(in) (int *OUT1, size_t CAP) (size_t cap) {
    if (gidx_py_cap($input, &cap) < 0) SWIG_fail;
    $2 = cap;
    if (!($1 = (int *)gidx_bind_buf(cap, sizeof(int), 0))) SWIG_exception_fail(SWIG_MemoryError, "out of memory");
}
%typemap(argout) (int *OUT1, size_t CAP) { $result = SWIG_Python_AppendOutput($result, gidx_py_array($1, $2, NPY_INT)); }
%typemap(freearg) (int *OUT1, size_t CAP) { free($1); }
%typemap(in) (size_t *OUT1, size_t CAP) (size_t cap) {
    if (gidx_py_cap($input, &cap) < 0) SWIG_fail;
    $2 = cap;
    if (!($1 = (size_t *)gidx_bind_buf(cap, sizeof(size_t), 0))) SWIG_exception_fail(SWIG_MemoryError, "out of memory");
}
%typemap(argout) (size_t *OUT1, size_t CAP) { $result = SWIG_Python_AppendOutput($result, gidx_py_array($1, $2, NPY_UINTP)); }
%typemap(freearg) (size_t *OUT1, size_t CAP) { free($1); }
%typemap(in) (double *OUT1, double *OUT2, size_t CAP) (size_t cap) {
    if (gidx_py_cap($input, &cap) < 0) SWIG_fail;
    $3 = cap;
    $1 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    $2 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    if (!$1 || !$2) SWIG_exception_fail(SWIG_MemoryError, "out of memory");
}
%typemap(argout) (double *OUT1, double *OUT2, size_t CAP) {
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($1, $3, NPY_DOUBLE));
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($2, $3, NPY_DOUBLE));
}
%typemap(freearg) (double *OUT1, double *OUT2, size_t CAP) { free($1); free($2); }
%typemap(in) (double *OUT1, int *OUT2, size_t CAP) (size_t cap) {
    if (gidx_py_cap($input, &cap) < 0) SWIG_fail;
    $3 = cap;
    $1 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    $2 = (int *)gidx_bind_buf(cap, sizeof(int), 0);
    if (!$1 || !$2) SWIG_exception_fail(SWIG_MemoryError, "out of memory");
}
%typemap(argout) (double *OUT1, int *OUT2, size_t CAP) {
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($1, $3, NPY_DOUBLE));
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($2, $3, NPY_INT));
}
%typemap(freearg) (double *OUT1, int *OUT2, size_t CAP) { free($1); free($2); }
%typemap(in) (double *OUT1, double *OUT2, double *OUT3, size_t CAP) (size_t cap) {
    if (gidx_py_cap($input, &cap) < 0) SWIG_fail;
    $4 = cap;
    $1 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    $2 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    $3 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    if (!$1 || !$2 || !$3) SWIG_exception_fail(SWIG_MemoryError, "out of memory");
}
%typemap(argout) (double *OUT1, double *OUT2, double *OUT3, size_t CAP) {
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($1, $4, NPY_DOUBLE));
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($2, $4, NPY_DOUBLE));
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($3, $4, NPY_DOUBLE));
}
%typemap(freearg) (double *OUT1, double *OUT2, double *OUT3, size_t CAP) { free($1); free($2); free($3); }
%typemap(in) (double *OUT1, double *OUT2, double *OUT3, double *OUT4, size_t CAP) (size_t cap) {
    if (gidx_py_cap($input, &cap) < 0) SWIG_fail;
    $5 = cap;
    $1 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    $2 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    $3 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    $4 = (double *)gidx_bind_buf(cap, sizeof(double), 1);
    if (!$1 || !$2 || !$3 || !$4) SWIG_exception_fail(SWIG_MemoryError, "out of memory");
}
%typemap(argout) (double *OUT1, double *OUT2, double *OUT3, double *OUT4, size_t CAP) {
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($1, $5, NPY_DOUBLE));
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($2, $5, NPY_DOUBLE));
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($3, $5, NPY_DOUBLE));
    $result = SWIG_Python_AppendOutput($result, gidx_py_array($4, $5, NPY_DOUBLE));
}
%typemap(freearg) (double *OUT1, double *OUT2, double *OUT3, double *OUT4, size_t CAP) { free($1); free($2); free($3); free($4); }

/* Input arrays: any sequence numpy converts; None is (NULL, 0). */
%define GIDX_PY_IN(CTYPE, NPY)
%typemap(in) (const CTYPE *IN, size_t N) (PyArrayObject *arr = NULL) {
    if ($input == Py_None) {
        $1 = NULL; $2 = 0;
    } else {
        arr = gidx_py_in_array($input, NPY, 1);
        if (arr == NULL) SWIG_fail;
        $1 = (CTYPE *)PyArray_DATA(arr);
        $2 = (size_t)PyArray_DIM(arr, 0);
    }
}
%typemap(freearg) (const CTYPE *IN, size_t N) { Py_XDECREF(arr$argnum); }
%enddef
GIDX_PY_IN(double, NPY_DOUBLE)
GIDX_PY_IN(int, NPY_INT)
GIDX_PY_IN(size_t, NPY_UINTP)
%typemap(in) (const double *MATRIX, size_t NROW, size_t NCOL) (PyArrayObject *arr = NULL) {
    arr = gidx_py_in_array($input, NPY_DOUBLE, 2);
    if (arr == NULL) SWIG_fail;
    $1 = (double *)PyArray_DATA(arr);
    $2 = (size_t)PyArray_DIM(arr, 0);
    $3 = (size_t)PyArray_DIM(arr, 1);
}
%typemap(freearg) (const double *MATRIX, size_t NROW, size_t NCOL) { Py_XDECREF(arr$argnum); }
/* A str alone is one name, never a sequence of letters. */
%typemap(in) (const char *const *IN, size_t N) (PyObject *seq = NULL, const char **v = NULL) {
    Py_ssize_t i, n;
    if ($input == Py_None) {
        $1 = NULL; $2 = 0;
    } else {
        seq = PyUnicode_Check($input) ? PyTuple_Pack(1, $input) : PySequence_Fast($input, "expected a sequence of str");
        if (seq == NULL) SWIG_fail;
        n = PySequence_Fast_GET_SIZE(seq);
        v = (const char **)calloc((size_t)n + 1, sizeof *v);
        if (v == NULL) SWIG_exception_fail(SWIG_MemoryError, "out of memory");
        for (i = 0; i < n; i++)
            if (gidx_py_str(PySequence_Fast_GET_ITEM(seq, i), &v[i]) < 0) SWIG_fail;
        $1 = ($1_ltype)v; $2 = (size_t)n;
    }
}
%typemap(freearg) (const char *const *IN, size_t N) { free((void *)v$argnum); Py_XDECREF(seq$argnum); }

/* ------------------------------------------------------------------------ R */
#elif defined(SWIGR)
%define GIDX_DOC_ALIAS(WRAPPER, NAME)
%enddef
%define GIDX_RENAME(WRAPPER, NAME)
%rename(C_ ## NAME) WRAPPER;
%enddef
/* The options structs are opaque in R (NULL gives the defaults; the R layer
 * sets options through its own arguments): no field accessors. */
%rename("$ignore", %$isvariable, %$ismember) "";
/* ---- bindA: option fields the R layer sets (o$field <- value on a struct
 * made by its generated constructor, e.g. gidx_long_csv_options()), so the
 * loaders, validation, and roadmap need no hand-written SEXP glue. A named
 * %rename wins over the generic $ignore above. */
%define GIDX_R_FIELD(S, F)
%rename("%s") S::F;
%enddef
GIDX_R_FIELD(gidx_long_csv_options, region) GIDX_R_FIELD(gidx_long_csv_options, year)
GIDX_R_FIELD(gidx_long_csv_options, variable) GIDX_R_FIELD(gidx_long_csv_options, value)
GIDX_R_FIELD(gidx_long_csv_options, flag)
GIDX_R_FIELD(gidx_jsonstat_options, region_dim) GIDX_R_FIELD(gidx_jsonstat_options, time_dim)
GIDX_R_FIELD(gidx_jsonstat_options, variable_dim) GIDX_R_FIELD(gidx_jsonstat_options, region)
GIDX_R_FIELD(gidx_jsonstat_options, variable)
GIDX_R_FIELD(gidx_harmonise_options, drop_unknown)
GIDX_R_FIELD(gidx_validation_options, z_threshold) GIDX_R_FIELD(gidx_validation_options, skew_limit)
GIDX_R_FIELD(gidx_validation_options, kurt_limit) GIDX_R_FIELD(gidx_validation_options, r_limit)
GIDX_R_FIELD(gidx_validation_options, sum_tolerance)
GIDX_R_FIELD(gidx_roadmap_options, target) GIDX_R_FIELD(gidx_roadmap_options, horizon)
GIDX_R_FIELD(gidx_roadmap_options, mc) GIDX_R_FIELD(gidx_roadmap_options, seed)
GIDX_R_FIELD(gidx_roadmap_options, scenario)
/* ---- end bindA */
/* The generated functions are C_gidx_*: the idiomatic R layer (bindings/r/R)
 * owns the gidx_* names. */
%rename("%(regex:/^gidx_(?!r_)(.*)$/C_gidx_\\1/)s", %$isfunction) "";

%{
/* Out-parameters: slot 0 of R_OutputValues holds the return value; each
 * out-parameter fills the next free slot and names it. */
static SEXP gidx_r_argout(SEXP list, SEXP value, const char *name)
{
    R_xlen_t i, n = XLENGTH(list);
    SEXP names = Rf_getAttrib(list, R_NamesSymbol), out, onames;
    PROTECT(value);
    if (names == R_NilValue) {
        names = Rf_allocVector(STRSXP, n);
        Rf_setAttrib(list, R_NamesSymbol, names);
        SET_STRING_ELT(names, 0, Rf_mkChar("value"));
    }
    for (i = 1; i < n; i++)
        if (VECTOR_ELT(list, i) == R_NilValue && STRING_ELT(names, i) == R_BlankString)
            break;
    if (i < n) {
        SET_VECTOR_ELT(list, i, value);
        SET_STRING_ELT(names, i, Rf_mkChar(name));
        UNPROTECT(1);
        return list;
    }
    /* a multi-parameter typemap returning several values: grow the list */
    out = PROTECT(Rf_allocVector(VECSXP, n + 1));
    onames = PROTECT(Rf_allocVector(STRSXP, n + 1));
    for (i = 0; i < n; i++) {
        SET_VECTOR_ELT(out, i, VECTOR_ELT(list, i));
        SET_STRING_ELT(onames, i, STRING_ELT(names, i));
    }
    SET_VECTOR_ELT(out, n, value);
    SET_STRING_ELT(onames, n, Rf_mkChar(name));
    Rf_setAttrib(out, R_NamesSymbol, onames);
    UNPROTECT(3);
    return out;
}

/* ---- Handles ----
 * An R handle is an external pointer tagged with the C type name, of class
 * c("<type>", "gidx_handle"). Its protected value is list(free function,
 * parent). A finalizer frees it when R collects it; gidx_close() frees it
 * at once and a closed handle reads as NULL, so calls on it fail with
 * GIDX_EINVAL instead of touching freed memory. */
typedef void (*gidx_r_free_fn)(void *);

static void gidx_r_finalize(SEXP x)
{
    void *h = R_ExternalPtrAddr(x);
    SEXP prot = R_ExternalPtrProtected(x);
    gidx_r_free_fn f;
    if (h == NULL || TYPEOF(prot) != VECSXP || XLENGTH(prot) != 2)
        return;
    f = (gidx_r_free_fn)R_ExternalPtrAddrFn(VECTOR_ELT(prot, 0));
    R_ClearExternalPtr(x);
    if (f != NULL)
        f(h);
}

static SEXP gidx_r_handle_alloc(gidx_r_free_fn free_fn, const char *type, SEXP parent)
{
    SEXP fn, prot, x, cls;
    fn = PROTECT(R_MakeExternalPtrFn((DL_FUNC)free_fn, R_NilValue, R_NilValue));
    prot = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(prot, 0, fn);
    SET_VECTOR_ELT(prot, 1, parent);
    x = PROTECT(R_MakeExternalPtr(NULL, Rf_install(type), prot));
    if (free_fn != NULL)
        R_RegisterCFinalizerEx(x, gidx_r_finalize, TRUE);
    cls = PROTECT(Rf_allocVector(STRSXP, 2));
    SET_STRING_ELT(cls, 0, Rf_mkChar(type));
    SET_STRING_ELT(cls, 1, Rf_mkChar("gidx_handle"));
    Rf_setAttrib(x, R_ClassSymbol, cls);
    UNPROTECT(4);
    return x;
}

/* Wrap a C handle: owned (freed by free_fn) or borrowed (free_fn NULL). */
static SEXP gidx_r_handle_wrap(void *p, gidx_r_free_fn free_fn, const char *type)
{
    SEXP h = gidx_r_handle_alloc(free_fn, type, R_NilValue);
    R_SetExternalPtrAddr(h, p);
    return h;
}

/* The C handle of an R handle of this type, or NULL (closed, or not one). */
static void *gidx_r_handle_get(SEXP x, const char *type)
{
    SEXP tag;
    if (TYPEOF(x) != EXTPTRSXP)
        return NULL;
    tag = R_ExternalPtrTag(x);
    if (tag != Rf_install(type) &&
        !(Rf_isString(tag) && XLENGTH(tag) == 1 && strcmp(CHAR(STRING_ELT(tag, 0)), type) == 0))
        return NULL;
    return R_ExternalPtrAddr(x);
}

/* A scalar string argument as UTF-8, or NULL when it is not one. */
static const char *gidx_r_string(SEXP s)
{
    if (!Rf_isString(s) || XLENGTH(s) != 1 || STRING_ELT(s, 0) == NA_STRING)
        return NULL;
    return Rf_translateCharUTF8(STRING_ELT(s, 0));
}

static SEXP gidx_r_utf8(const char *s)
{
    SEXP c;
    if (s == NULL)
        return Rf_ScalarString(NA_STRING);
    c = PROTECT(Rf_mkCharCE(s, CE_UTF8));
    c = Rf_ScalarString(c);
    UNPROTECT(1);
    return c;
}

static SEXP gidx_r_real(const double *p, size_t n)
{
    SEXP v = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    if (n > 0)
        memcpy(REAL(v), p, n * sizeof(double));
    UNPROTECT(1);
    return v;
}
%}

/* R's default typemaps copy a double * (int *, ...) argument and free the
 * copy; every pointer argument here has a typemap of its own, so none. */
%typemap(freearg) double *, int *, size_t *, const double *, const int *, const size_t * "";

/* Status: the R wrapper hands the answer to .gidx_result() (R/greenidx_layer.R),
 * which signals the condition of a negative status and returns the
 * out-parameters. */
%typemap(out) gidx_status { $result = Rf_ScalarInteger($1); }
%typemap(scoerceout) gidx_status %{ $result = .gidx_result($result) %}
%typemap(rtype) gidx_status "integer";

/* size_t in R: a double (R integers are 32-bit). */
%typemap(in) size_t {
    double v = Rf_asReal($input);
    if (!(v >= 0) || v > 9007199254740992.0)
        Rf_error("a size or index must be a number >= 0");
    $1 = (size_t)v;
}
%typemap(scoercein) size_t %{ $input = as.numeric($input); %}
%typemap(out) size_t { $result = Rf_ScalarReal((double)$1); }
%typemap(rtype) size_t "numeric";
%typemap(scoerceout) size_t %{ %}

%define GIDX_HANDLE(TYPE, FREE)
%nodefaultctor TYPE;
%nodefaultdtor TYPE;
struct TYPE {};
%{
static void gidx_r_free_##TYPE(void *p) { FREE((TYPE *)p); }
%}
%typemap(in) TYPE *, const TYPE * { $1 = ($1_ltype)gidx_r_handle_get($input, #TYPE); }
%typemap(scoercein) TYPE *, const TYPE * "";
%typemap(scheck) TYPE *, const TYPE * %{ .gidx_open($input, #TYPE) %}
%typemap(rtype) TYPE *, const TYPE * "gidx_handle";
%typemap(out) TYPE *, const TYPE * { $result = gidx_r_handle_wrap((void *)$1, NULL, #TYPE); }
%typemap(scoerceout) TYPE *, const TYPE * %{ %}
%typemap(in, numinputs=0) TYPE ** (TYPE *tmp = NULL) { $1 = &tmp; }
%typemap(argout) TYPE ** {
    $result = Rf_protect(gidx_r_argout($result, gidx_r_handle_wrap(tmp$argnum, gidx_r_free_##TYPE, #TYPE), "$1_name")); r_nprotect++;
}
%enddef

/* Options structs: SWIG's R struct classes, constructed at _INIT. */
%define GIDX_OPTIONS(TYPE, INIT)
%extend TYPE {
    TYPE() {
        TYPE init = INIT;
        TYPE *p = (TYPE *)malloc(sizeof *p);
        if (p != NULL)
            *p = init;
        return p;
    }
    ~TYPE() { free($self); }
}
%enddef

%{
#define GIDX_R_SIZE(x) Rf_ScalarReal((double)(x))
%}
%define GIDX_R_SCALAR(CTYPE, CONV)
%typemap(in, numinputs=0) CTYPE *SCALAR (CTYPE tmp = 0) { $1 = &tmp; }
%typemap(argout) CTYPE *SCALAR { $result = Rf_protect(gidx_r_argout($result, CONV(*$1), "$1_name")); r_nprotect++; }
%enddef
GIDX_R_SCALAR(double, Rf_ScalarReal)
GIDX_R_SCALAR(int, Rf_ScalarInteger)
GIDX_R_SCALAR(size_t, GIDX_R_SIZE)

%typemap(in, numinputs=0) const char **STR (const char *tmp = NULL) { $1 = ($1_ltype)&tmp; }
%typemap(argout) const char **STR { $result = Rf_protect(gidx_r_argout($result, gidx_r_utf8(*$1), "$1_name")); r_nprotect++; }
%typemap(in, numinputs=0) char **TEXT (char *tmp = NULL) { $1 = &tmp; }
%typemap(argout) char **TEXT { $result = Rf_protect(gidx_r_argout($result, gidx_r_utf8(*$1), "$1_name")); r_nprotect++; }
%typemap(freearg) char **TEXT { gidx_free(tmp$argnum); }
%typemap(in, numinputs=0) (char **TEXT, size_t *LEN) (char *tmp = NULL, size_t len = 0) { $1 = &tmp; $2 = &len; }
%typemap(argout) (char **TEXT, size_t *LEN) { $result = Rf_protect(gidx_r_argout($result, gidx_r_utf8(*$1), "$1_name")); r_nprotect++; }
%typemap(freearg) (char **TEXT, size_t *LEN) { gidx_free(tmp$argnum); }
%typemap(in, numinputs=0) (char *BUF, size_t CAP) {
    $2 = 1024;
    $1 = (char *)R_alloc($2, 1);
    $1[0] = '\0';
}
%typemap(argout) (char *BUF, size_t CAP) { $result = Rf_protect(gidx_r_argout($result, gidx_r_utf8($1), "$1_name")); r_nprotect++; }
%typemap(in, numinputs=0) (char *BUFN, size_t CAP, size_t *NEEDED) (size_t need = 0) { $1 = NULL; $2 = 0; $3 = &need; }
%typemap(argout) (char *BUFN, size_t CAP, size_t *NEEDED) { $result = Rf_protect(gidx_r_argout($result, gidx_r_utf8($1 ? $1 : ""), "$1_name")); r_nprotect++; }
%typemap(freearg) (char *BUFN, size_t CAP, size_t *NEEDED) { free($1); }
%typemap(in, numinputs=0) (double *OUTN, size_t CAP, size_t *NEEDED) (size_t need = 0) { $1 = NULL; $2 = 0; $3 = &need; }
%typemap(argout) (double *OUTN, size_t CAP, size_t *NEEDED) {
    $result = Rf_protect(gidx_r_argout($result, gidx_r_real($1, *$3 < $2 ? *$3 : $2), "$1_name")); r_nprotect++;
}
%typemap(freearg) (double *OUTN, size_t CAP, size_t *NEEDED) { free($1); }
%typemap(in, numinputs=0) (const char **STRSN, size_t CAP, size_t *NEEDED) (size_t need = 0) { $1 = NULL; $2 = 0; $3 = &need; }
%typemap(argout) (const char **STRSN, size_t CAP, size_t *NEEDED) {
    size_t i, n = *$3 < $2 ? *$3 : $2;
    SEXP v = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    for (i = 0; i < n; i++)
        SET_STRING_ELT(v, (R_xlen_t)i, $1[i] ? Rf_mkCharCE($1[i], CE_UTF8) : NA_STRING);
    $result = Rf_protect(gidx_r_argout($result, v, "$1_name")); r_nprotect++;
    UNPROTECT(1);
}
%typemap(freearg) (const char **STRSN, size_t CAP, size_t *NEEDED) { free((void *)$1); }

/* Output buffers: the R argument is the capacity. */
%{
static size_t gidx_r_cap(SEXP x)
{
    double v = Rf_asReal(x);
    if (!(v >= 0) || v > 1e12)
        Rf_error("a capacity must be a number >= 0");
    return (size_t)v;
}
static SEXP gidx_r_nanvec(size_t n)
{
    size_t i;
    SEXP v = Rf_allocVector(REALSXP, (R_xlen_t)n);
    for (i = 0; i < n; i++)
        REAL(v)[i] = NAN;
    return v;
}
%}
%typemap(scoercein) size_t CAP %{ $input = as.numeric($input); %}
%typemap(in) (double *OUT1, size_t CAP) (SEXP v1) {
    $2 = gidx_r_cap($input);
    v1 = Rf_protect(gidx_r_nanvec($2)); r_nprotect++;
    $1 = REAL(v1);
}
%typemap(argout) (double *OUT1, size_t CAP) { $result = Rf_protect(gidx_r_argout($result, v1$argnum, "$1_name")); r_nprotect++; }
%typemap(in) (int *OUT1, size_t CAP) (SEXP v1) {
    $2 = gidx_r_cap($input);
    v1 = Rf_protect(Rf_allocVector(INTSXP, (R_xlen_t)$2)); r_nprotect++;
    memset(INTEGER(v1), 0, $2 * sizeof(int));
    $1 = INTEGER(v1);
}
%typemap(argout) (int *OUT1, size_t CAP) { $result = Rf_protect(gidx_r_argout($result, v1$argnum, "$1_name")); r_nprotect++; }
%typemap(in) (size_t *OUT1, size_t CAP) {
    $2 = gidx_r_cap($input);
    $1 = (size_t *)R_alloc($2 ? $2 : 1, sizeof(size_t));
    memset($1, 0, ($2 ? $2 : 1) * sizeof(size_t));
}
%typemap(argout) (size_t *OUT1, size_t CAP) {
    size_t i;
    SEXP v = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)$2));
    for (i = 0; i < $2; i++)
        REAL(v)[i] = (double)$1[i];
    $result = Rf_protect(gidx_r_argout($result, v, "$1_name")); r_nprotect++;
    UNPROTECT(1);
}
%typemap(in) (double *OUT1, double *OUT2, size_t CAP) (SEXP v1, SEXP v2) {
    $3 = gidx_r_cap($input);
    v1 = Rf_protect(gidx_r_nanvec($3)); v2 = Rf_protect(gidx_r_nanvec($3)); r_nprotect += 2;
    $1 = REAL(v1); $2 = REAL(v2);
}
%typemap(argout) (double *OUT1, double *OUT2, size_t CAP) {
    $result = Rf_protect(gidx_r_argout($result, v1$argnum, "$1_name")); r_nprotect++;
    $result = Rf_protect(gidx_r_argout($result, v2$argnum, "$2_name")); r_nprotect++;
}
%typemap(in) (double *OUT1, int *OUT2, size_t CAP) (SEXP v1, SEXP v2) {
    $3 = gidx_r_cap($input);
    v1 = Rf_protect(gidx_r_nanvec($3)); v2 = Rf_protect(Rf_allocVector(INTSXP, (R_xlen_t)$3)); r_nprotect += 2;
    memset(INTEGER(v2), 0, $3 * sizeof(int));
    $1 = REAL(v1); $2 = INTEGER(v2);
}
%typemap(argout) (double *OUT1, int *OUT2, size_t CAP) {
    $result = Rf_protect(gidx_r_argout($result, v1$argnum, "$1_name")); r_nprotect++;
    $result = Rf_protect(gidx_r_argout($result, v2$argnum, "$2_name")); r_nprotect++;
}
%typemap(in) (double *OUT1, double *OUT2, double *OUT3, size_t CAP) (SEXP v1, SEXP v2, SEXP v3) {
    $4 = gidx_r_cap($input);
    v1 = Rf_protect(gidx_r_nanvec($4)); v2 = Rf_protect(gidx_r_nanvec($4));
    v3 = Rf_protect(gidx_r_nanvec($4)); r_nprotect += 3;
    $1 = REAL(v1); $2 = REAL(v2); $3 = REAL(v3);
}
%typemap(argout) (double *OUT1, double *OUT2, double *OUT3, size_t CAP) {
    $result = Rf_protect(gidx_r_argout($result, v1$argnum, "$1_name")); r_nprotect++;
    $result = Rf_protect(gidx_r_argout($result, v2$argnum, "$2_name")); r_nprotect++;
    $result = Rf_protect(gidx_r_argout($result, v3$argnum, "$3_name")); r_nprotect++;
}
%typemap(in) (double *OUT1, double *OUT2, double *OUT3, double *OUT4, size_t CAP) (SEXP v1, SEXP v2, SEXP v3, SEXP v4) {
    $5 = gidx_r_cap($input);
    v1 = Rf_protect(gidx_r_nanvec($5)); v2 = Rf_protect(gidx_r_nanvec($5));
    v3 = Rf_protect(gidx_r_nanvec($5)); v4 = Rf_protect(gidx_r_nanvec($5)); r_nprotect += 4;
    $1 = REAL(v1); $2 = REAL(v2); $3 = REAL(v3); $4 = REAL(v4);
}
%typemap(argout) (double *OUT1, double *OUT2, double *OUT3, double *OUT4, size_t CAP) {
    $result = Rf_protect(gidx_r_argout($result, v1$argnum, "$1_name")); r_nprotect++;
    $result = Rf_protect(gidx_r_argout($result, v2$argnum, "$2_name")); r_nprotect++;
    $result = Rf_protect(gidx_r_argout($result, v3$argnum, "$3_name")); r_nprotect++;
    $result = Rf_protect(gidx_r_argout($result, v4$argnum, "$4_name")); r_nprotect++;
}

/* Input arrays; NULL is (NULL, 0). */
%typemap(in) (const double *IN, size_t N) {
    if (Rf_isNull($input)) { $1 = NULL; $2 = 0; }
    else {
        SEXP v = Rf_protect(Rf_coerceVector($input, REALSXP)); r_nprotect++;
        $1 = REAL(v); $2 = (size_t)XLENGTH(v);
    }
}
%typemap(in) (const int *IN, size_t N) {
    if (Rf_isNull($input)) { $1 = NULL; $2 = 0; }
    else {
        SEXP v = Rf_protect(Rf_coerceVector($input, INTSXP)); r_nprotect++;
        $1 = INTEGER(v); $2 = (size_t)XLENGTH(v);
    }
}
%typemap(in) (const size_t *IN, size_t N) {
    if (Rf_isNull($input)) { $1 = NULL; $2 = 0; }
    else {
        R_xlen_t i;
        size_t *p;
        SEXP v = Rf_protect(Rf_coerceVector($input, REALSXP)); r_nprotect++;
        $2 = (size_t)XLENGTH(v);
        p = (size_t *)R_alloc($2 ? $2 : 1, sizeof(size_t));
        for (i = 0; i < XLENGTH(v); i++) {
            if (!(REAL(v)[i] >= 0))
                Rf_error("an index must be a number >= 0");
            p[i] = (size_t)REAL(v)[i];
        }
        $1 = p;
    }
}
%typemap(in) (const char *const *IN, size_t N) {
    if (Rf_isNull($input)) { $1 = NULL; $2 = 0; }
    else {
        R_xlen_t i;
        const char **p;
        SEXP v = Rf_protect(Rf_coerceVector($input, STRSXP)); r_nprotect++;
        $2 = (size_t)XLENGTH(v);
        p = (const char **)R_alloc($2 + 1, sizeof(char *));
        for (i = 0; i < XLENGTH(v); i++)
            p[i] = STRING_ELT(v, i) == NA_STRING ? NULL : Rf_translateCharUTF8(STRING_ELT(v, i));
        $1 = ($1_ltype)p;
    }
}
/* A numeric matrix (column-major in R) passed row-major; a vector is one column. */
%typemap(in) (const double *MATRIX, size_t NROW, size_t NCOL) {
    SEXP v = Rf_protect(Rf_coerceVector($input, REALSXP));
    SEXP dim = Rf_getAttrib($input, R_DimSymbol);
    size_t i, j, nr, nc;
    double *p;
    r_nprotect++;
    nr = Rf_isNull(dim) ? (size_t)XLENGTH(v) : (size_t)INTEGER(dim)[0];
    nc = Rf_isNull(dim) ? 1 : (size_t)INTEGER(dim)[1];
    p = (double *)R_alloc((nr * nc) > 0 ? nr * nc : 1, sizeof(double));
    for (i = 0; i < nr; i++)
        for (j = 0; j < nc; j++)
            p[i * nc + j] = REAL(v)[j * nr + i];
    $1 = p; $2 = nr; $3 = nc;
}
%typemap(in) (const char *BYTES, size_t LEN) {
    if (TYPEOF($input) == RAWSXP) { $1 = ($1_ltype)RAW($input); $2 = (size_t)XLENGTH($input); }
    else {
        const char *s = gidx_r_string($input);
        if (s == NULL)
            Rf_error("expected one string or a raw vector");
        $1 = ($1_ltype)s; $2 = strlen(s);
    }
}
%typemap(scoercein) (const char *BYTES, size_t LEN), (const double *IN, size_t N), (const int *IN, size_t N),
    (const size_t *IN, size_t N), (const char *const *IN, size_t N), (const double *MATRIX, size_t NROW, size_t NCOL) "";

/* ---- bindB: options structs from named lists, result structs as lists ----
 * Generic idioms for R, whose options structs are otherwise opaque: a
 * `const T *opt` of a versioned options struct accepts NULL (the defaults),
 * a SWIG struct reference, or a named list whose names are fields; the
 * struct starts at T's _INIT and each element sets one field (gen_api.py
 * writes the setter gidx_r_set_T per struct). An unknown name, or a value of
 * the wrong kind, is an error naming the struct and the field. A result
 * struct filled through `T *` (no _INIT, not a handle) is not an argument:
 * it is returned as a named list of its fields (getter gidx_r_get_T). */
%{
static void gidx_r_field_unknown(const char *type, const char *field, const char *known)
{
    Rf_error("%s: unknown field '%s' (known: %s)", type, field, known);
}
static double gidx_r_field_num(SEXP v, const char *type, const char *field)
{
    if ((!Rf_isNumeric(v) && !Rf_isLogical(v)) || XLENGTH(v) != 1)
        Rf_error("%s: field '%s' must be one number", type, field);
    return Rf_asReal(v);
}
static void gidx_r_field_int(int *f, SEXP v, const char *type, const char *field)
{
    double x = gidx_r_field_num(v, type, field);
    if (!(x == (int)x))
        Rf_error("%s: field '%s' must be a whole number, not %g", type, field, x);
    *f = (int)x;
}
static double gidx_r_field_count(SEXP v, const char *type, const char *field, double max)
{
    double x = gidx_r_field_num(v, type, field);
    if (!(x >= 0 && x <= max && x == (double)(unsigned long long)x))
        Rf_error("%s: field '%s' must be a whole number >= 0, not %g", type, field, x);
    return x;
}
static void gidx_r_field_unsigned(unsigned *f, SEXP v, const char *type, const char *field)
{ *f = (unsigned)gidx_r_field_count(v, type, field, 4294967295.0); }
static void gidx_r_field_size_t(size_t *f, SEXP v, const char *type, const char *field)
{ *f = (size_t)gidx_r_field_count(v, type, field, 9007199254740992.0); }
static void gidx_r_field_ulong(unsigned long *f, SEXP v, const char *type, const char *field)
{ *f = (unsigned long)gidx_r_field_count(v, type, field, 4294967295.0); }
static void gidx_r_field_double(double *f, SEXP v, const char *type, const char *field)
{ *f = gidx_r_field_num(v, type, field); }
/* The string stays owned by R (the list lives through the call). */
static void gidx_r_field_string(const char **f, SEXP v, const char *type, const char *field)
{
    if (Rf_isNull(v)) { *f = NULL; return; }
    if (!Rf_isString(v) || XLENGTH(v) != 1)
        Rf_error("%s: field '%s' must be one string", type, field);
    *f = STRING_ELT(v, 0) == NA_STRING ? NULL : Rf_translateCharUTF8(STRING_ELT(v, 0));
}
%}
%define GIDX_R_STRUCT_IN(TYPE, INIT)
%typemap(in) const TYPE * (TYPE tmp) {
    if (Rf_isNull($input)) {
        $1 = NULL;
    } else if (Rf_isNewList($input)) {
        TYPE init = INIT;
        tmp = init;
        gidx_r_set_##TYPE(&tmp, $input);
        $1 = &tmp;
    } else {
        void *p = NULL;
        if (!SWIG_IsOK(SWIG_R_ConvertPtr($input, &p, $descriptor, 0)))
            Rf_error(#TYPE ": expected NULL, a named list of fields or a " #TYPE);
        $1 = ($1_ltype)p;
    }
}
%enddef
%define GIDX_R_STRUCT_OUT(TYPE)
%typemap(in, numinputs=0) TYPE * (TYPE tmp) { memset(&tmp, 0, sizeof tmp); $1 = &tmp; }
%typemap(argout) TYPE * { $result = Rf_protect(gidx_r_argout($result, gidx_r_get_##TYPE($1), "$1_name")); r_nprotect++; }
%enddef
/* ---- end bindB block ---- */
/* ---- Strings in (bindC) ----
 * One string; NULL (or NA) is a NULL pointer (the library's default or its
 * EINVAL naming the argument); a vector of several where one is meant is an
 * error, never its first element taken silently. */
%typemap(in) const char * {
    if (Rf_isNull($input) || (Rf_isString($input) && XLENGTH($input) == 1 && STRING_ELT($input, 0) == NA_STRING)) {
        $1 = NULL;
    } else if (($1 = ($1_ltype)gidx_r_string($input)) == NULL) {
        Rf_error("'$1_name': expected one string, got %lld values", (long long)XLENGTH($input));
    }
}
%typemap(scoercein) const char * %{ if (!is.null($input)) $input = as.character($input); %}
%typemap(freearg) const char * "";


#endif

/* --------------------------------------------------------- all languages */
/* A scalar out-parameter is matched by name (double *value); SWIG would also
 * match a const double *value input with it after dropping the const. These
 * exact-type copies of the defaults stop that. */
%typemap(in) const double * = SWIGTYPE *;
%typemap(in) const int * = SWIGTYPE *;
%typemap(in) const size_t * = SWIGTYPE *;
%typemap(argout) const double *, const int *, const size_t * "";

%include "gidx_api.i"
%include "modules.i"
