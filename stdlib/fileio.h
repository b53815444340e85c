// File objects: open(), the text layer (_io.TextIOWrapper: UTF-8, universal
// newlines) over a buffered binary file (_io.BufferedReader/Writer/Random,
// or unbuffered _io.FileIO), and sys.stdin/stdout/stderr. All buffering
// lives in the binary object; a text file only translates and forwards, so
// f.buffer and f stay in order. The builtins that use files (print, input)
// are in stdlib/mod_builtins.c.
#ifndef CS_STDLIB_FILEIO_H
#define CS_STDLIB_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/object.h"

// The file types (listed in vm/builtin_types.def).
extern TypeObj type_textiowrapper, type_bufferedreader, type_bufferedwriter, type_bufferedrandom,
    type_fileio;

// The builtin open(file, mode='r', buffering=-1, encoding=None, errors=None,
// newline=None, closefd=True, opener=None). A CFunction (METH_KEYWORDS).
// Raises OSError subclasses, ValueError, TypeError; allocates.
Value fileio_open(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kwnames);

// A text file over an already open descriptor (sys.stdin/stdout/stderr):
// mode "r" or "w", closefd False. line_buffered: flush after every write
// holding a newline (a TTY stdout, stderr); else block-buffered. Returns
// None when fd is not open (as CPython's sys.stdout then). Allocates.
Value fileio_from_fd(ThreadState *ts, int fd, const char *mode, const char *name,
                     bool line_buffered);

// file.flush(): direct for the file types here, else calls the object's
// flush method when it has one. 0, or -1 raised (BrokenPipeError...).
int fileio_flush(ThreadState *ts, Value file);

// Writes UTF-8 text to `file`: appended to the buffer of a text file here,
// else file.write(str). 0, or -1 raised. May run cs code (a user write).
int fileio_write_text(ThreadState *ts, Value file, const char *utf8, size_t len);

// file.readline() as a str: direct for text files here, else calls the
// method (the result must be a str). CS_ERR raised; "" at end of file.
Value fileio_readline(ThreadState *ts, Value file);

// True for a text file object of this module (print's fast path).
bool fileio_is_text(Value v);

// io.UnsupportedOperation (a subclass of OSError and ValueError), created on
// first use and kept in the `_io` module. NULL raised.
TypeObj *fileio_unsupported_operation(ThreadState *ts);

// The `_io` module: open, the file classes, UnsupportedOperation,
// DEFAULT_BUFFER_SIZE. Returns the one in sys.modules if already made.
Value fileio_module_init(ThreadState *ts);

#endif
