// File objects: open(), buffered binary files (_io.BufferedReader/Writer/
// Random, unbuffered _io.FileIO) and the text layer (_io.TextIOWrapper) that
// decodes UTF-8 and translates newlines. The binary object owns the
// descriptor and both buffers; a text file forwards to it, so f.buffer and f
// never reorder output. Blocking system calls run between blocking_begin and
// blocking_end, with the buffers they touch detached from the object.
#define _POSIX_C_SOURCE 200809L // O_CLOEXEC, ftruncate
#include "stdlib/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

#define DEFAULT_BUFFER_SIZE 8192
#define READ_ALL_CHUNK      65536

// A binary file: the descriptor, its buffers and what it may do. The
// buffers are plain malloc'd memory (finalizers have no thread state).
typedef struct FileObj {
    Obj hdr;
    int fd;
    bool is_open;
    bool readable, writable, appending, created, closefd;
    bool unbuffered;     // _io.FileIO: writes go straight to the descriptor
    bool line_buffering; // flush after each write holding a newline
    bool flushing;       // a flush is writing with its buffer detached
    int8_t seekable;     // -1 until known
    Value name;          // str, bytes or int
    size_t bufsize;
    char *wbuf; // pending output
    size_t wlen, wcap;
    char *rbuf; // read-ahead: bytes [rpos, rlen) are not consumed yet
    size_t rpos, rlen, rcap;
    size_t rchecked; // text files: rbuf[..rchecked) is known to be valid UTF-8
} FileObj;

typedef enum { ERR_STRICT, ERR_REPLACE, ERR_IGNORE } ErrMode;

// A text file over a FileObj.
typedef struct TextObj {
    Obj hdr;
    FileObj *buf;
    Value mode;     // the mode string given to open()
    Value encoding; // as given (shown by repr), "UTF-8" by default
    Value errors;
    Value newline;       // CS_NONE or the str given to open()
    bool translate;      // newline=None: \r\n and \r read as \n
    bool universal;      // newline None or '': lines end at \n, \r or \r\n
    char readnl[3];      // otherwise the line end: "\n", "\r" or "\r\n"
    const char *writenl; // NULL: \n is written as is, else "\r" or "\r\n"
    bool line_buffering;
    bool write_through;
    ErrMode errmode;
} TextObj;

static bool is_text(Value v) {
    return is_obj(v) && as_obj(v)->type == &type_textiowrapper;
}

static bool is_binary(Value v) {
    TypeObj *t = type_of(v);
    return t == &type_bufferedreader || t == &type_bufferedwriter || t == &type_bufferedrandom ||
           t == &type_fileio;
}

static FileObj *as_file(Value v) {
    return (FileObj *)as_obj(v);
}

static TextObj *as_text(Value v) {
    return (TextObj *)as_obj(v);
}

// ---------------------------------------------------------------------------
// Blocking sections. The GIL is released around read()/write(); nothing in
// between may touch an object. (vm/gil.h fills these in when it exists.)

static void blocking_begin(ThreadState *ts) {
    (void)ts;
}

static void blocking_end(ThreadState *ts) {
    (void)ts;
}

// After EINTR: run pending signal handlers (they may raise).
static int check_signals(ThreadState *ts) {
    if (atomic_load(&ts->interp->eval_breaker)) {
        return vm_handle_breaker(ts);
    }
    return 0;
}

static int raise_errno(ThreadState *ts, int err) {
    exc_raise_errno(ts, err, CS_NONE);
    return -1;
}

// read(2) into memory no object owns: bytes read, or -1 raised.
static ssize_t sys_read(ThreadState *ts, int fd, char *p, size_t n) {
    for (;;) {
        blocking_begin(ts);
        ssize_t k = read(fd, p, n);
        int err = errno;
        blocking_end(ts);
        if (k >= 0) {
            return k;
        }
        if (err != EINTR) {
            return raise_errno(ts, err);
        }
        if (check_signals(ts) < 0) {
            return -1;
        }
    }
}

// Writes all n bytes: 0, or -1 raised (BrokenPipeError on a closed pipe).
static int sys_write_all(ThreadState *ts, int fd, const char *p, size_t n) {
    while (n > 0) {
        blocking_begin(ts);
        ssize_t k = write(fd, p, n);
        int err = errno;
        blocking_end(ts);
        if (k >= 0) {
            p += k;
            n -= (size_t)k;
            continue;
        }
        if (err != EINTR) {
            return raise_errno(ts, err);
        }
        if (check_signals(ts) < 0) {
            return -1;
        }
    }
    return 0;
}

static bool grow(char **buf, size_t *cap, size_t need) {
    if (need <= *cap) {
        return true;
    }
    size_t ncap = *cap ? *cap : 256;
    while (ncap < need) {
        ncap *= 2;
    }
    char *p = realloc(*buf, ncap);
    if (!p) {
        return false;
    }
    *buf = p;
    *cap = ncap;
    return true;
}

// ---------------------------------------------------------------------------
// Errors

static int raise_unsupported(ThreadState *ts, const char *msg) {
    TypeObj *t = fileio_unsupported_operation(ts);
    if (!t) {
        return -1;
    }
    return exc_raise_int(ts, t, "%s", msg);
}

static int raise_closed(ThreadState *ts, const char *msg) {
    return exc_raise_int(ts, exc_ValueError, "%s", msg);
}

// The state checks methods start with: -1 raised, else 0.
static int check_open(ThreadState *ts, FileObj *f, const char *msg) {
    if (!f || !f->is_open) {
        return raise_closed(ts, msg ? msg : "I/O operation on closed file.");
    }
    return 0;
}

// A text file reports closing first; a binary one its missing capability
// ("read", "write") first, as CPython's buffered classes do.
static int check_capability(ThreadState *ts, FileObj *f, bool text, bool can, const char *closed,
                            const char *text_msg, const char *binary_msg) {
    if (text) {
        if (check_open(ts, f, NULL) < 0) {
            return -1;
        }
        return can ? 0 : raise_unsupported(ts, text_msg);
    }
    if (!can) {
        return raise_unsupported(ts, binary_msg);
    }
    return check_open(ts, f, closed);
}

static int check_readable(ThreadState *ts, FileObj *f, bool text) {
    return check_capability(ts, f, text, f && f->readable, "read of closed file", "not readable",
                            "read");
}

static int check_writable(ThreadState *ts, FileObj *f, bool text) {
    return check_capability(ts, f, text, f && f->writable, "write to closed file", "not writable",
                            "write");
}

// ---------------------------------------------------------------------------
// The buffered layer

// Writes out the pending output. The buffer is detached while the GIL may be
// released; a concurrent flush finds `flushing` set and leaves its data for
// this loop. On an error the pending data is dropped (so exit does not fail
// again on the same bytes).
static int buf_flush(ThreadState *ts, FileObj *f) {
    while (f->wlen > 0 && !f->flushing && f->is_open) {
        char *p = f->wbuf;
        size_t n = f->wlen, cap = f->wcap;
        f->wbuf = NULL;
        f->wlen = f->wcap = 0;
        f->flushing = true;
        int r = sys_write_all(ts, f->fd, p, n);
        f->flushing = false;
        if (!f->wbuf && f->is_open) {
            f->wbuf = p;
            f->wcap = cap;
        } else {
            free(p);
        }
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

// Drops unread read-ahead before writing or seeking, moving the descriptor
// back to the logical position when it can seek.
static void drop_readahead(FileObj *f) {
    size_t unread = f->rlen - f->rpos;
    f->rpos = f->rlen = f->rchecked = 0;
    if (unread > 0) {
        (void)lseek(f->fd, -(off_t)unread, SEEK_CUR);
    }
}

static int buf_write(ThreadState *ts, FileObj *f, const char *p, size_t n) {
    drop_readahead(f);
    if (f->unbuffered || (f->wlen + n > f->bufsize && n >= f->bufsize)) {
        if (buf_flush(ts, f) < 0) {
            return -1;
        }
        return sys_write_all(ts, f->fd, p, n);
    }
    if (f->wlen + n > f->bufsize && buf_flush(ts, f) < 0) {
        return -1;
    }
    if (!grow(&f->wbuf, &f->wcap, f->wlen + n)) {
        exc_no_memory(ts);
        return -1;
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
    return 0;
}

// Reads more into the read-ahead: bytes added (0 at end of file), -1 raised.
static ssize_t buf_fill(ThreadState *ts, FileObj *f, size_t want) {
    if (f->wlen > 0 && buf_flush(ts, f) < 0) {
        return -1;
    }
    size_t chunk = want > f->bufsize ? want : f->bufsize;
    char *tmp = malloc(chunk);
    if (!tmp) {
        exc_no_memory(ts);
        return -1;
    }
    ssize_t k = sys_read(ts, f->fd, tmp, chunk);
    if (k > 0 && !f->is_open) {
        k = raise_closed(ts, "I/O operation on closed file.");
    }
    if (k > 0) {
        if (f->rpos > 0) {
            memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
            f->rlen -= f->rpos;
            f->rchecked = f->rchecked > f->rpos ? f->rchecked - f->rpos : 0;
            f->rpos = 0;
        }
        if (!grow(&f->rbuf, &f->rcap, f->rlen + (size_t)k)) {
            free(tmp);
            exc_no_memory(ts);
            return -1;
        }
        memcpy(f->rbuf + f->rlen, tmp, (size_t)k);
        f->rlen += (size_t)k;
    }
    free(tmp);
    return k;
}

// Everything up to the end of the file, appended to out (read-ahead first).
static int buf_read_all(ThreadState *ts, FileObj *f, StrBuf *out) {
    if (f->wlen > 0 && buf_flush(ts, f) < 0) {
        return -1;
    }
    if (f->rlen > f->rpos) {
        str_buf_append(out, f->rbuf + f->rpos, f->rlen - f->rpos);
    }
    f->rpos = f->rlen = f->rchecked = 0;
    char *tmp = malloc(READ_ALL_CHUNK);
    if (!tmp) {
        exc_no_memory(ts);
        return -1;
    }
    for (;;) {
        ssize_t k = sys_read(ts, f->fd, tmp, READ_ALL_CHUNK);
        if (k <= 0) {
            free(tmp);
            return k < 0 ? -1 : 0;
        }
        str_buf_append(out, tmp, (size_t)k);
    }
}

// Up to n bytes (fewer only at the end of the file), appended to out.
static int buf_read_n(ThreadState *ts, FileObj *f, size_t n, StrBuf *out) {
    if (f->unbuffered && f->rlen == f->rpos) {
        if (f->wlen > 0 && buf_flush(ts, f) < 0) {
            return -1;
        }
        char *tmp = malloc(n ? n : 1);
        if (!tmp) {
            exc_no_memory(ts);
            return -1;
        }
        ssize_t k = sys_read(ts, f->fd, tmp, n);
        if (k > 0) {
            str_buf_append(out, tmp, (size_t)k);
        }
        free(tmp);
        return k < 0 ? -1 : 0;
    }
    while (f->rlen - f->rpos < n) {
        ssize_t k = buf_fill(ts, f, n - (f->rlen - f->rpos));
        if (k < 0) {
            return -1;
        }
        if (k == 0) {
            break;
        }
    }
    size_t take = f->rlen - f->rpos < n ? f->rlen - f->rpos : n;
    if (take > 0) {
        str_buf_append(out, f->rbuf + f->rpos, take);
        f->rpos += take;
    }
    return 0;
}

// One line of bytes (through b'\n'), at most `limit` bytes when limit >= 0.
static int buf_read_line(ThreadState *ts, FileObj *f, int64_t limit, StrBuf *out) {
    size_t got = 0;
    for (;;) {
        if (limit >= 0 && got >= (uint64_t)limit) {
            return 0;
        }
        if (f->rpos == f->rlen) {
            ssize_t k = buf_fill(ts, f, 0);
            if (k <= 0) {
                return (int)k;
            }
        }
        const char *p = f->rbuf + f->rpos;
        size_t avail = f->rlen - f->rpos;
        if (limit >= 0 && avail > (uint64_t)limit - got) {
            avail = (size_t)limit - got;
        }
        const char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) + 1 : avail;
        str_buf_append(out, p, take);
        f->rpos += take;
        got += take;
        if (nl) {
            return 0;
        }
    }
}

static off_t buf_tell(ThreadState *ts, FileObj *f) {
    if (buf_flush(ts, f) < 0) {
        return -1;
    }
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) {
        return raise_errno(ts, errno);
    }
    return pos - (off_t)(f->rlen - f->rpos);
}

static off_t buf_seek(ThreadState *ts, FileObj *f, off_t pos, int whence) {
    if (buf_flush(ts, f) < 0) {
        return -1;
    }
    if (whence == SEEK_CUR) {
        pos -= (off_t)(f->rlen - f->rpos);
    }
    f->rpos = f->rlen = f->rchecked = 0;
    off_t r = lseek(f->fd, pos, whence);
    if (r < 0) {
        return raise_errno(ts, errno);
    }
    return r;
}

static bool buf_seekable(FileObj *f) {
    if (f->seekable < 0) {
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    }
    return f->seekable;
}

// Flushes and closes (the descriptor too when closefd). Closing twice is fine.
static int buf_close(ThreadState *ts, FileObj *f) {
    if (!f->is_open) {
        return 0;
    }
    int r = buf_flush(ts, f);
    f->is_open = false;
    if (f->closefd && close(f->fd) < 0 && r == 0) {
        r = raise_errno(ts, errno);
    }
    free(f->wbuf);
    free(f->rbuf);
    f->wbuf = f->rbuf = NULL;
    f->wlen = f->wcap = f->rpos = f->rlen = f->rcap = 0;
    return r;
}

static void file_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((FileObj *)o)->name);
}

// An unreachable file writes out what it buffered and closes its descriptor
// (CPython does this when the last reference goes).
static void file_finalize(Obj *o) {
    FileObj *f = (FileObj *)o;
    if (f->is_open) {
        const char *p = f->wbuf;
        size_t n = f->wlen;
        while (n > 0) {
            ssize_t k = write(f->fd, p, n);
            if (k < 0 && errno == EINTR) {
                continue;
            }
            if (k <= 0) {
                break;
            }
            p += k;
            n -= (size_t)k;
        }
        if (f->closefd) {
            close(f->fd);
        }
        f->is_open = false;
    }
    free(f->wbuf);
    free(f->rbuf);
    f->wbuf = f->rbuf = NULL;
}

// ---------------------------------------------------------------------------
// Decoding and the text layer's reads

// The UTF-8 sequence at p: its length when complete and valid, 0 when valid
// so far but cut short by n, or -k when invalid, k being the bytes one
// U+FFFD replaces (the maximal valid prefix, at least 1), as CPython's decoder.
static int utf8_seq_check(const unsigned char *p, size_t n) {
    unsigned char c = p[0];
    if (c < 0x80) {
        return 1;
    }
    int len = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (len == 0) {
        return -1;
    }
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n) {
            return 0;
        }
        unsigned char lim_lo = i == 1 ? lo : 0x80, lim_hi = i == 1 ? hi : 0xBF;
        if (p[i] < lim_lo || p[i] > lim_hi) {
            return -i;
        }
    }
    return len;
}

static Value decode_text(ThreadState *ts, TextObj *t, const char *p, size_t n) {
    if (t->errmode == ERR_STRICT || utf8_valid(p, n)) {
        return str_decode_utf8(ts, p, n);
    }
    StrBuf b;
    str_buf_init(&b);
    const unsigned char *u = (const unsigned char *)p;
    size_t i = 0;
    while (i < n) {
        int k = utf8_seq_check(u + i, n - i);
        if (k > 0) {
            str_buf_append(&b, p + i, (size_t)k);
            i += (size_t)k;
            continue;
        }
        if (t->errmode == ERR_REPLACE) {
            str_buf_append_codepoint(&b, 0xFFFD);
        }
        i += k == 0 ? n - i : (size_t)-k;
    }
    return str_buf_finish(ts, &b);
}

// Strict decoding reports a bad byte as soon as its chunk arrives (CPython
// decodes whole chunks), with the position counted from the chunk start.
static int text_validate(ThreadState *ts, TextObj *t) {
    FileObj *f = t->buf;
    if (t->errmode != ERR_STRICT || f->rchecked >= f->rlen) {
        return 0;
    }
    const unsigned char *p = (const unsigned char *)f->rbuf;
    size_t start = f->rchecked > f->rpos ? f->rchecked : f->rpos, i = start;
    while (i < f->rlen) {
        int k = utf8_seq_check(p + i, f->rlen - i);
        if (k < 0) {
            str_decode_utf8(ts, f->rbuf + start, f->rlen - start);
            return ts_has_exc(ts) ? -1 : 0;
        }
        if (k == 0) {
            break;
        }
        i += (size_t)k;
    }
    f->rchecked = i;
    return 0;
}

// Byte length of the UTF-8 sequence a lead byte starts (1 for a stray byte:
// decoding reports it).
static size_t utf8_seq_len(unsigned char c) {
    if (c < 0xC2) {
        return 1;
    }
    if (c < 0xE0) {
        return 2;
    }
    if (c < 0xF0) {
        return 3;
    }
    return c < 0xF5 ? 4 : 1;
}

// Makes sure `need` bytes are buffered from rpos unless the file ends first:
// 1 available, 0 fewer (end of file), -1 raised.
static int ensure_avail(ThreadState *ts, FileObj *f, size_t need) {
    while (f->rlen - f->rpos < need) {
        ssize_t k = buf_fill(ts, f, 0);
        if (k < 0) {
            return -1;
        }
        if (k == 0) {
            return 0;
        }
    }
    return 1;
}

// A '\r' at rpos: how many bytes the line end takes (2 for \r\n), or -1.
static int cr_length(ThreadState *ts, FileObj *f) {
    int r = ensure_avail(ts, f, 2);
    if (r < 0) {
        return -1;
    }
    return r == 1 && f->rbuf[f->rpos + 1] == '\n' ? 2 : 1;
}

// Handles a '\r' or '\n' at rpos. Returns 1 when it ended a line, 0 when it
// was an ordinary character, -1 raised. *nchars counts what was emitted.
static int text_newline(ThreadState *ts, TextObj *t, StrBuf *out, int64_t room, int64_t *nchars) {
    FileObj *f = t->buf;
    char c = f->rbuf[f->rpos];
    bool cr_special = t->universal || t->readnl[0] == '\r';
    if (c == '\n' || !cr_special) {
        f->rpos++;
        str_buf_append_char(out, c);
        (*nchars)++;
        return c == '\n' && (t->universal || t->readnl[0] == '\n');
    }
    if (!t->universal && t->readnl[1] != '\n') { // newline='\r'
        f->rpos++;
        str_buf_append_char(out, '\r');
        (*nchars)++;
        return 1;
    }
    int len = cr_length(ts, f);
    if (len < 0) {
        return -1;
    }
    if (t->translate) {
        f->rpos += (size_t)len;
        str_buf_append_char(out, '\n');
        (*nchars)++;
        return 1;
    }
    if (len == 2 && room >= 2) {
        f->rpos += 2;
        str_buf_append(out, "\r\n", 2);
        *nchars += 2;
        return 1;
    }
    f->rpos++;
    str_buf_append_char(out, '\r');
    (*nchars)++;
    return t->universal; // a lone \r ends a line only for newline=None or ''
}

// Reads up to maxchars characters (no limit when negative), stopping after a
// line end when `line`; the undecoded UTF-8 goes to out. 0, or -1 raised.
static int text_scan(ThreadState *ts, TextObj *t, int64_t maxchars, bool line, StrBuf *out) {
    FileObj *f = t->buf;
    int64_t n = 0;
    for (;;) {
        if (maxchars >= 0 && n >= maxchars) {
            return 0;
        }
        int r = ensure_avail(ts, f, 1);
        if (r <= 0 || text_validate(ts, t) < 0) {
            return r <= 0 ? r : -1;
        }
        const unsigned char *p = (const unsigned char *)f->rbuf + f->rpos;
        size_t avail = f->rlen - f->rpos, run = 0;
        while (run < avail && p[run] < 0x80 && p[run] != '\n' && p[run] != '\r' &&
               (maxchars < 0 || n + (int64_t)run < maxchars)) {
            run++;
        }
        if (run > 0) {
            str_buf_append(out, (const char *)p, run);
            f->rpos += run;
            n += (int64_t)run;
            continue;
        }
        if (p[0] == '\n' || p[0] == '\r') {
            int64_t room = maxchars < 0 ? 2 : maxchars - n;
            r = text_newline(ts, t, out, room, &n);
            if (r < 0) {
                return -1;
            }
            if (r == 1 && line) {
                return 0;
            }
            continue;
        }
        size_t len = utf8_seq_len(p[0]);
        if (ensure_avail(ts, f, len) < 0) {
            return -1;
        }
        if (len > f->rlen - f->rpos) {
            len = f->rlen - f->rpos;
        }
        str_buf_append(out, f->rbuf + f->rpos, len);
        f->rpos += len;
        n++;
    }
}

// Translates newlines of a whole chunk read to its end (read()).
static void translate_all(TextObj *t, const char *p, size_t n, StrBuf *out) {
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\r') {
            str_buf_append_char(out, '\n');
            if (i + 1 < n && p[i + 1] == '\n') {
                i++;
            }
        } else {
            size_t j = i;
            while (j < n && p[j] != '\r') {
                j++;
            }
            str_buf_append(out, p + i, j - i);
            i = j - 1;
        }
    }
}

static Value text_read_all(ThreadState *ts, TextObj *t) {
    StrBuf raw;
    str_buf_init(&raw);
    if (buf_read_all(ts, t->buf, &raw) < 0) {
        str_buf_free(&raw);
        return CS_ERR;
    }
    Value r;
    if (t->translate && memchr(raw.data ? raw.data : "", '\r', raw.len)) {
        StrBuf tr;
        str_buf_init(&tr);
        translate_all(t, raw.data, raw.len, &tr);
        r = decode_text(ts, t, tr.data ? tr.data : "", tr.len);
        str_buf_free(&tr);
    } else {
        r = decode_text(ts, t, raw.data ? raw.data : "", raw.len);
    }
    str_buf_free(&raw);
    return r;
}

static Value text_read_chars(ThreadState *ts, TextObj *t, int64_t n, bool line) {
    StrBuf b;
    str_buf_init(&b);
    if (text_scan(ts, t, n, line, &b) < 0) {
        str_buf_free(&b);
        return CS_ERR;
    }
    Value r = decode_text(ts, t, b.data ? b.data : "", b.len);
    str_buf_free(&b);
    return r;
}

// Text to the buffer, translating \n when newline= asks for it.
static int text_write_utf8(ThreadState *ts, TextObj *t, const char *p, size_t n) {
    FileObj *f = t->buf;
    if (!t->writenl) {
        if (buf_write(ts, f, p, n) < 0) {
            return -1;
        }
    } else {
        size_t nl_len = strlen(t->writenl);
        while (n > 0) {
            const char *nl = memchr(p, '\n', n);
            size_t seg = nl ? (size_t)(nl - p) : n;
            if (buf_write(ts, f, p, seg) < 0 || (nl && buf_write(ts, f, t->writenl, nl_len) < 0)) {
                return -1;
            }
            seg += nl ? 1 : 0;
            p += seg;
            n -= seg;
        }
        return t->line_buffering ? buf_flush(ts, f) : 0;
    }
    if (t->write_through || (t->line_buffering && (memchr(p, '\n', n) || memchr(p, '\r', n)))) {
        return buf_flush(ts, f);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Argument helpers

// A size argument: an int or None (-1).
static int size_arg(ThreadState *ts, const Value *args, size_t nargs, int64_t *out) {
    *out = -1;
    if (nargs == 0 || args[0] == CS_NONE) {
        return 0;
    }
    if (!int_check(args[0]) && !type_of(args[0])->index) {
        return exc_raise_int(ts, exc_TypeError, "argument should be integer or None, not '%T'",
                             args[0]);
    }
    ssize_t n = obj_as_index(ts, args[0]);
    if (n == -1 && ts_has_exc(ts)) {
        return -1;
    }
    *out = n;
    return 0;
}

// readline's size: any index (None for no limit).
static int limit_arg(ThreadState *ts, const Value *args, size_t nargs, int64_t *out) {
    *out = -1;
    if (nargs == 0 || args[0] == CS_NONE) {
        return 0;
    }
    ssize_t n = obj_as_index(ts, args[0]);
    if (n == -1 && ts_has_exc(ts)) {
        return -1;
    }
    *out = n;
    return 0;
}

static FileObj *file_of(Value self) {
    return is_text(self) ? as_text(self)->buf : as_file(self);
}

// ---------------------------------------------------------------------------
// Methods shared by text and binary files

static Value m_read(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    int64_t n;
    bool text = is_text(self);
    FileObj *f = file_of(self);
    if (arg_count(ts, "read", nargs, 0, 1) < 0 || size_arg(ts, args, nargs, &n) < 0 ||
        check_readable(ts, f, text) < 0) {
        return CS_ERR;
    }
    if (text) {
        return n < 0 ? text_read_all(ts, as_text(self))
                     : text_read_chars(ts, as_text(self), n, false);
    }
    StrBuf b;
    str_buf_init(&b);
    int r = n < 0 ? buf_read_all(ts, f, &b) : buf_read_n(ts, f, (size_t)n, &b);
    if (r < 0) {
        str_buf_free(&b);
        return CS_ERR;
    }
    return str_buf_finish_bytes(ts, &b);
}

static Value read_line(ThreadState *ts, Value self, int64_t limit) {
    if (is_text(self)) {
        return text_read_chars(ts, as_text(self), limit, true);
    }
    StrBuf b;
    str_buf_init(&b);
    if (buf_read_line(ts, as_file(self), limit, &b) < 0) {
        str_buf_free(&b);
        return CS_ERR;
    }
    return str_buf_finish_bytes(ts, &b);
}

static int check_line_readable(ThreadState *ts, Value self) {
    FileObj *f = file_of(self);
    return check_capability(ts, f, is_text(self), f && f->readable, "readline of closed file",
                            "not readable", "read");
}

static Value m_readline(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    int64_t limit;
    if (arg_count(ts, "readline", nargs, 0, 1) < 0 || limit_arg(ts, args, nargs, &limit) < 0 ||
        check_line_readable(ts, self) < 0) {
        return CS_ERR;
    }
    return read_line(ts, self, limit);
}

static size_t value_len(Value v) {
    return str_check(v) ? as_str(v)->nchars : as_bytes(v)->len;
}

static Value m_readlines(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    int64_t hint;
    if (arg_count(ts, "readlines", nargs, 0, 1) < 0 || limit_arg(ts, args, nargs, &hint) < 0) {
        return CS_ERR;
    }
    if (check_open(ts, file_of(self), NULL) < 0 || check_line_readable(ts, self) < 0) {
        return CS_ERR;
    }
    Value l = list_new(ts, 0);
    size_t total = 0;
    for (;;) {
        Value line = read_line(ts, self, -1);
        if (line == CS_ERR) {
            return CS_ERR;
        }
        size_t n = value_len(line);
        if (n == 0) {
            return l;
        }
        if (list_append(ts, as_list(l), line) < 0) {
            return CS_ERR;
        }
        total += n;
        if (hint > 0 && total >= (uint64_t)hint) {
            return l;
        }
    }
}

// write(s): the text layer takes str and returns its length in characters;
// binary files take any bytes-like object.
static Value write_one(ThreadState *ts, Value self, Value data) {
    if (is_text(self)) {
        TextObj *t = as_text(self);
        if (!str_check(data)) {
            return exc_raise(ts, exc_TypeError, "write() argument must be str, not %T", data);
        }
        if (check_writable(ts, t->buf, true) < 0 ||
            text_write_utf8(ts, t, as_str(data)->data, as_str(data)->len) < 0) {
            return CS_ERR;
        }
        return int_from_i64(ts, (int64_t)as_str(data)->nchars);
    }
    FileObj *f = as_file(self);
    const unsigned char *p;
    size_t n;
    if (check_writable(ts, f, false) < 0 || bytes_view(ts, data, &p, &n) < 0 ||
        buf_write(ts, f, (const char *)p, n) < 0) {
        return CS_ERR;
    }
    return int_from_i64(ts, (int64_t)n);
}

static Value m_write(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (arg_count(ts, "write", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return write_one(ts, self, args[0]);
}

static Value m_writelines(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "writelines", nargs, 1, 1) < 0 ||
        check_writable(ts, file_of(self), is_text(self)) < 0) {
        return CS_ERR;
    }
    Value it = obj_iter(ts, args[0]);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value line = obj_next(ts, it);
        if (line == CS_STOP) {
            return CS_NONE;
        }
        if (line == CS_ERR) {
            return CS_ERR;
        }
        gc_temp_push(ts, line);
        if (write_one(ts, self, line) == CS_ERR) {
            return CS_ERR;
        }
    }
}

static Value m_flush(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "flush", nargs, 0, 0) < 0 || check_open(ts, f, NULL) < 0 ||
        buf_flush(ts, f) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value m_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "close", nargs, 0, 0) < 0 || (f && buf_close(ts, f) < 0)) {
        return CS_ERR;
    }
    return CS_NONE;
}

static int whence_arg(ThreadState *ts, const Value *args, size_t nargs, int *out) {
    *out = SEEK_SET;
    if (nargs < 2) {
        return 0;
    }
    ssize_t w = obj_as_index(ts, args[1]);
    if (w == -1 && ts_has_exc(ts)) {
        return -1;
    }
    if (w < 0 || w > 2) {
        return exc_raise_int(ts, exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", w);
    }
    *out = w == 0 ? SEEK_SET : w == 1 ? SEEK_CUR : SEEK_END;
    return 0;
}

static Value text_seek(ThreadState *ts, TextObj *t, Value cookie, int whence) {
    if (!buf_seekable(t->buf)) {
        return raise_unsupported(ts, "underlying stream is not seekable"), CS_ERR;
    }
    ssize_t pos = 0;
    if (whence != SEEK_SET) {
        int r = obj_truthy(ts, cookie);
        if (r < 0) {
            return CS_ERR;
        }
        if (r) {
            return raise_unsupported(ts, whence == SEEK_CUR
                                             ? "can't do nonzero cur-relative seeks"
                                             : "can't do nonzero end-relative seeks"),
                   CS_ERR;
        }
    } else {
        pos = obj_as_index(ts, cookie);
        if (pos == -1 && ts_has_exc(ts)) {
            return CS_ERR;
        }
        if (pos < 0) {
            return exc_raise(ts, exc_ValueError, "negative seek position %R", cookie);
        }
    }
    off_t r = whence == SEEK_CUR ? buf_tell(ts, t->buf) : buf_seek(ts, t->buf, pos, whence);
    return r < 0 ? CS_ERR : int_from_i64(ts, r);
}

static Value m_seek(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    FileObj *f = file_of(self);
    int whence;
    bool text = is_text(self);
    if (arg_count(ts, "seek", nargs, 1, 2) < 0 ||
        check_open(ts, f, text ? NULL : "seek of closed file") < 0 ||
        whence_arg(ts, args, nargs, &whence) < 0) {
        return CS_ERR;
    }
    if (text) {
        return text_seek(ts, as_text(self), args[0], whence);
    }
    ssize_t pos = obj_as_index(ts, args[0]);
    if (pos == -1 && ts_has_exc(ts)) {
        return CS_ERR;
    }
    off_t r = buf_seek(ts, f, pos, whence);
    return r < 0 ? CS_ERR : int_from_i64(ts, r);
}

static Value m_tell(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "tell", nargs, 0, 0) < 0 ||
        check_open(ts, f, is_text(self) ? NULL : "I/O operation on closed file") < 0) {
        return CS_ERR;
    }
    if (is_text(self) && !buf_seekable(f)) {
        return raise_unsupported(ts, "underlying stream is not seekable"), CS_ERR;
    }
    off_t r = buf_tell(ts, f);
    return r < 0 ? CS_ERR : int_from_i64(ts, r);
}

static Value m_truncate(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "truncate", nargs, 0, 1) < 0 || check_open(ts, f, NULL) < 0) {
        return CS_ERR;
    }
    if (!f->writable) {
        return raise_unsupported(ts, "truncate"), CS_ERR;
    }
    off_t size;
    if (nargs == 0 || args[0] == CS_NONE) {
        size = buf_tell(ts, f);
    } else {
        size = obj_as_index(ts, args[0]);
        if (size == -1 && ts_has_exc(ts)) {
            return CS_ERR;
        }
        if (buf_flush(ts, f) < 0) {
            return CS_ERR;
        }
    }
    if (size < 0 && ts_has_exc(ts)) {
        return CS_ERR;
    }
    drop_readahead(f);
    if (ftruncate(f->fd, size) < 0) {
        return raise_errno(ts, errno), CS_ERR;
    }
    return int_from_i64(ts, size);
}

static Value m_fileno(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "fileno", nargs, 0, 0) < 0 ||
        check_open(ts, f, "I/O operation on closed file") < 0) {
        return CS_ERR;
    }
    return small_int_val(f->fd);
}

static Value m_isatty(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "isatty", nargs, 0, 0) < 0 ||
        check_open(ts, f, "I/O operation on closed file") < 0) {
        return CS_ERR;
    }
    return bool_val(isatty(f->fd));
}

static Value m_readable(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "readable", nargs, 0, 0) < 0 ||
        check_open(ts, f, "I/O operation on closed file") < 0) {
        return CS_ERR;
    }
    return bool_val(f->readable);
}

static Value m_writable(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "writable", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return bool_val(f && f->is_open && f->writable);
}

static Value m_seekable(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (arg_count(ts, "seekable", nargs, 0, 0) < 0 ||
        check_open(ts, f, "I/O operation on closed file") < 0) {
        return CS_ERR;
    }
    return bool_val(buf_seekable(f));
}

static Value m_enter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (arg_count(ts, "__enter__", nargs, 0, 0) < 0 || check_open(ts, file_of(self), NULL) < 0) {
        return CS_ERR;
    }
    return self;
}

static Value m_exit(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    FileObj *f = file_of(self);
    if (f && buf_close(ts, f) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value file_iter(ThreadState *ts, Value self) {
    if (check_open(ts, file_of(self), NULL) < 0) {
        return CS_ERR;
    }
    return self;
}

static Value file_iternext(ThreadState *ts, Value self) {
    if (check_line_readable(ts, self) < 0) {
        return CS_ERR;
    }
    Value line = read_line(ts, self, -1);
    if (line == CS_ERR) {
        return CS_ERR;
    }
    return value_len(line) == 0 ? CS_STOP : line;
}

// ---------------------------------------------------------------------------
// Attributes

static Value g_closed(ThreadState *ts, Value self) {
    FileObj *f = file_of(self);
    return bool_val(!f || !f->is_open);
}

static Value g_name(ThreadState *ts, Value self) {
    FileObj *f = file_of(self);
    return f ? f->name : CS_NONE;
}

static const char *binary_mode(FileObj *f) {
    if (f->created) {
        return f->readable ? "xb+" : "xb";
    }
    if (f->appending) {
        return f->readable ? "ab+" : "ab";
    }
    if (f->readable) {
        return f->writable ? "rb+" : "rb";
    }
    return "wb";
}

static Value g_mode(ThreadState *ts, Value self) {
    if (is_text(self)) {
        return as_text(self)->mode;
    }
    return str_from_cstr(ts, binary_mode(as_file(self)));
}

static Value g_closefd(ThreadState *ts, Value self) {
    return bool_val(file_of(self)->closefd);
}

static Value g_raw(ThreadState *ts, Value self) {
    return self;
}

static Value g_encoding(ThreadState *ts, Value self) {
    return as_text(self)->encoding;
}

static Value g_errors(ThreadState *ts, Value self) {
    return as_text(self)->errors;
}

static Value g_newlines(ThreadState *ts, Value self) {
    return CS_NONE;
}

static Value g_line_buffering(ThreadState *ts, Value self) {
    return bool_val(as_text(self)->line_buffering);
}

static Value g_write_through(ThreadState *ts, Value self) {
    return bool_val(as_text(self)->write_through);
}

static Value g_buffer(ThreadState *ts, Value self) {
    FileObj *f = as_text(self)->buf;
    return f ? obj_val(f) : CS_NONE;
}

// reconfigure(*, line_buffering=None, write_through=None, encoding=None,
// errors=None, newline=None): the buffering switches; UTF-8 only.
static Value m_reconfigure(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    Value a[5];
    TextObj *t = as_text(self);
    if (arg_parse(ts, "reconfigure", args, nargs, kwnames,
                  "$encoding,errors,newline,line_buffering,write_through", a) < 0 ||
        buf_flush(ts, t->buf) < 0) {
        return CS_ERR;
    }
    for (int i = 3; i < 5; i++) {
        if (a[i] != CS_UNBOUND && a[i] != CS_NONE) {
            int r = obj_truthy(ts, a[i]);
            if (r < 0) {
                return CS_ERR;
            }
            *(i == 3 ? &t->line_buffering : &t->write_through) = r;
        }
    }
    if (a[1] != CS_UNBOUND && str_check(a[1])) {
        t->errors = a[1];
    }
    return CS_NONE;
}

static Value text_repr(ThreadState *ts, Value self) {
    TextObj *t = as_text(self);
    Value name = g_name(ts, self);
    return str_format_c(ts, "<_io.TextIOWrapper name=%R mode=%R encoding=%R>", name, t->mode,
                        t->encoding);
}

static Value binary_repr(ThreadState *ts, Value self) {
    FileObj *f = as_file(self);
    if (type_of(self) == &type_fileio) {
        if (!f->is_open) {
            return str_from_cstr(ts, "<_io.FileIO [closed]>");
        }
        return str_format_c(ts, "<_io.FileIO name=%R mode='%s' closefd=%s>", f->name,
                            binary_mode(f), f->closefd ? "True" : "False");
    }
    return str_format_c(ts, "<%s name=%R>", type_of(self)->name, f->name);
}

static void text_trace(Obj *o, GcState *gc) {
    TextObj *t = (TextObj *)o;
    gc_mark_obj(gc, (Obj *)t->buf);
    gc_mark_value(gc, t->mode);
    gc_mark_value(gc, t->encoding);
    gc_mark_value(gc, t->errors);
    gc_mark_value(gc, t->newline);
}

#define COMMON_METHODS                                                                             \
    {"read", m_read, 0, NULL}, {"readline", m_readline, 0, NULL},                                  \
        {"readlines", m_readlines, 0, NULL}, {"write", m_write, 0, NULL},                          \
        {"writelines", m_writelines, 0, NULL}, {"flush", m_flush, 0, NULL},                        \
        {"close", m_close, 0, NULL}, {"seek", m_seek, 0, NULL}, {"tell", m_tell, 0, NULL},         \
        {"truncate", m_truncate, 0, NULL}, {"fileno", m_fileno, 0, NULL},                          \
        {"isatty", m_isatty, 0, NULL}, {"readable", m_readable, 0, NULL},                          \
        {"writable", m_writable, 0, NULL}, {"seekable", m_seekable, 0, NULL},                      \
        {"__enter__", m_enter, 0, NULL}, {                                                         \
        "__exit__", m_exit, 0, NULL                                                                \
    }

static const MethodDef text_methods[] = {
    COMMON_METHODS,
    {"reconfigure", m_reconfigure, METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef binary_methods[] = {
    COMMON_METHODS,
    {"read1", m_read, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef text_getsets[] = {
    {"closed", g_closed, NULL},
    {"name", g_name, NULL},
    {"mode", g_mode, NULL},
    {"encoding", g_encoding, NULL},
    {"errors", g_errors, NULL},
    {"newlines", g_newlines, NULL},
    {"line_buffering", g_line_buffering, NULL},
    {"write_through", g_write_through, NULL},
    {"buffer", g_buffer, NULL},
    {NULL, NULL, NULL},
};

static const GetSetDef binary_getsets[] = {
    {"closed", g_closed, NULL},   {"name", g_name, NULL}, {"mode", g_mode, NULL},
    {"closefd", g_closefd, NULL}, {"raw", g_raw, NULL},   {NULL, NULL, NULL},
};

TypeObj type_textiowrapper = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(TextObj),
    .flags = TYPE_ABSTRACT_NEW,
    .doc = "Character and line based layer over a BufferedIOBase object, buffer.",
    .methods = text_methods,
    .getsets = text_getsets,
    .trace = text_trace,
    .repr = text_repr,
    .iter = file_iter,
    .iternext = file_iternext,
};

#define BINARY_TYPE(cname, pyname)                                                                 \
    TypeObj cname = {                                                                              \
        .hdr = OBJ_HEADER_INIT(&type_type),                                                        \
        .name = pyname,                                                                            \
        .basicsize = sizeof(FileObj),                                                              \
        .flags = TYPE_ABSTRACT_NEW,                                                                \
        .methods = binary_methods,                                                                 \
        .getsets = binary_getsets,                                                                 \
        .trace = file_trace,                                                                       \
        .finalize = file_finalize,                                                                 \
        .repr = binary_repr,                                                                       \
        .iter = file_iter,                                                                         \
        .iternext = file_iternext,                                                                 \
    };

BINARY_TYPE(type_bufferedreader, "_io.BufferedReader")
BINARY_TYPE(type_bufferedwriter, "_io.BufferedWriter")
BINARY_TYPE(type_bufferedrandom, "_io.BufferedRandom")
BINARY_TYPE(type_fileio, "_io.FileIO")

// ---------------------------------------------------------------------------
// Construction

typedef struct OpenMode {
    bool reading, writing, appending, creating, updating, text, binary;
} OpenMode;

static int parse_mode(ThreadState *ts, Value mode, OpenMode *m) {
    memset(m, 0, sizeof *m);
    const char *s = str_cstr(mode);
    static const char letters[] = "rwax+tb";
    bool *flags[] = {&m->reading,  &m->writing, &m->appending, &m->creating,
                     &m->updating, &m->text,    &m->binary};
    for (const char *p = s; *p; p++) {
        const char *at = strchr(letters, *p);
        if (!at || strchr(p + 1, *p)) {
            return exc_raise_int(ts, exc_ValueError, "invalid mode: '%s'", s);
        }
        *flags[at - letters] = true;
    }
    if (m->text && m->binary) {
        return exc_raise_int(ts, exc_ValueError, "can't have text and binary mode at once");
    }
    if (m->reading + m->writing + m->appending + m->creating > 1) {
        return exc_raise_int(ts, exc_ValueError,
                             "must have exactly one of create/read/write/append mode");
    }
    return 0;
}

static int open_flags(const OpenMode *m) {
    int flags = O_CLOEXEC;
    if (m->updating) {
        flags |= O_RDWR;
    } else if (m->reading) {
        flags |= O_RDONLY;
    } else {
        flags |= O_WRONLY;
    }
    if (m->writing) {
        flags |= O_CREAT | O_TRUNC;
    } else if (m->appending) {
        flags |= O_CREAT | O_APPEND;
    } else if (m->creating) {
        flags |= O_CREAT | O_EXCL;
    }
    return flags;
}

static TypeObj *binary_type(const OpenMode *m, bool unbuffered) {
    bool rd = m->reading || m->updating, wr = !m->reading || m->updating;
    if (unbuffered) {
        return &type_fileio;
    }
    return rd && wr ? &type_bufferedrandom : wr ? &type_bufferedwriter : &type_bufferedreader;
}

static FileObj *file_new(ThreadState *ts, TypeObj *type, int fd, Value name, size_t bufsize) {
    FileObj *f = gc_alloc(ts, type, sizeof(FileObj));
    f->fd = fd;
    f->is_open = true;
    f->seekable = -1;
    f->name = name;
    f->bufsize = bufsize;
    f->unbuffered = type == &type_fileio;
    return f;
}

// The path of open(file): a str/bytes path (*fd = -1) or a descriptor.
static int file_target(ThreadState *ts, Value file, Value *path, int *fd) {
    *fd = -1;
    *path = file;
    if (str_check(file) || bytes_check(file)) {
        return 0;
    }
    if (int_check(file)) {
        int64_t n;
        if (int_as_i64(ts, file, &n) < 0) {
            return -1;
        }
        if (n < 0) {
            return exc_raise_int(ts, exc_ValueError, "negative file descriptor");
        }
        *fd = (int)n;
        return 0;
    }
    Value fspath = type_lookup_cstr(type_of(file), "__fspath__");
    if (fspath != CS_UNBOUND) {
        Value p = obj_call1(ts, fspath, file);
        if (p == CS_ERR) {
            return -1;
        }
        if (str_check(p) || bytes_check(p)) {
            *path = p;
            return 0;
        }
    }
    return exc_raise_int(ts, exc_TypeError, "expected str, bytes or os.PathLike object, not %T",
                         file);
}

static int call_opener(ThreadState *ts, Value opener, Value path, int flags) {
    Value r = obj_call2(ts, opener, path, small_int_val(flags));
    if (r == CS_ERR) {
        return -1;
    }
    int64_t fd;
    if (!int_check(r)) {
        return exc_raise_int(ts, exc_TypeError, "expected integer from opener");
    }
    if (int_as_i64(ts, r, &fd) < 0) {
        return -1;
    }
    if (fd < 0) {
        return exc_raise_int(ts, exc_ValueError, "opener returned %d", (int)fd);
    }
    return (int)fd;
}

// open(2) the path (or the opener) and refuse directories, as FileIO does.
static int open_path(ThreadState *ts, Value path, const OpenMode *m, Value opener) {
    int flags = open_flags(m);
    if (opener != CS_NONE) {
        return call_opener(ts, opener, path, flags);
    }
    const char *p = str_check(path) ? str_cstr(path) : (const char *)as_bytes(path)->data;
    int fd;
    for (;;) {
        fd = open(p, flags, 0666);
        if (fd >= 0 || errno != EINTR) {
            break;
        }
        if (check_signals(ts) < 0) {
            return -1;
        }
    }
    if (fd < 0) {
        exc_raise_errno(ts, errno, path);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        exc_raise_errno(ts, EISDIR, path);
        return -1;
    }
    return fd;
}

static bool encoding_is_utf8(const char *e) {
    char norm[32];
    size_t n = 0;
    for (; *e && n < sizeof norm - 1; e++) {
        char c = *e >= 'A' && *e <= 'Z' ? (char)(*e - 'A' + 'a') : *e;
        norm[n++] = c == '_' ? '-' : c;
    }
    norm[n] = 0;
    static const char *const names[] = {"utf-8", "utf8",     "u8",  "utf",       "cp65001",
                                        "ascii", "us-ascii", "646", "utf-8-sig", NULL};
    for (size_t i = 0; names[i]; i++) {
        if (strcmp(norm, names[i]) == 0) {
            return true;
        }
    }
    return false;
}

// Validates encoding/errors/newline and sets up the text object's fields.
static int text_configure(ThreadState *ts, TextObj *t, Value encoding, Value errors,
                          Value newline) {
    if (encoding == CS_NONE || strcmp(str_cstr(encoding), "locale") == 0) {
        encoding = str_from_cstr(ts, "UTF-8");
    } else if (!encoding_is_utf8(str_cstr(encoding))) {
        return exc_raise_int(ts, exc_LookupError, "unknown encoding: %U", encoding);
    }
    t->encoding = encoding;
    t->errors = errors == CS_NONE ? str_from_cstr(ts, "strict") : errors;
    const char *e = str_cstr(t->errors);
    t->errmode = strcmp(e, "replace") == 0  ? ERR_REPLACE
                 : strcmp(e, "ignore") == 0 ? ERR_IGNORE
                                            : ERR_STRICT;
    t->newline = newline;
    t->translate = newline == CS_NONE;
    t->universal = newline == CS_NONE || as_str(newline)->len == 0;
    if (newline == CS_NONE) {
        return 0;
    }
    const char *nl = str_cstr(newline);
    if (strcmp(nl, "") != 0 && strcmp(nl, "\n") != 0 && strcmp(nl, "\r") != 0 &&
        strcmp(nl, "\r\n") != 0) {
        return exc_raise_int(ts, exc_ValueError, "illegal newline value: %U", newline);
    }
    strcpy(t->readnl, nl);
    t->writenl = nl[0] == '\r' ? (nl[1] ? "\r\n" : "\r") : NULL;
    return 0;
}

static Value text_new(ThreadState *ts, FileObj *f, Value mode, Value encoding, Value errors,
                      Value newline, bool line_buffering) {
    TextObj *t = gc_alloc(ts, &type_textiowrapper, sizeof(TextObj));
    t->buf = f;
    t->mode = mode;
    t->encoding = t->errors = t->newline = CS_NONE;
    t->line_buffering = line_buffering;
    if (text_configure(ts, t, encoding, errors, newline) < 0) {
        return CS_ERR;
    }
    return obj_val(t);
}

typedef struct OpenArgs {
    Value file, mode, encoding, errors, newline, opener;
    int64_t buffering;
    bool closefd;
} OpenArgs;

static int optional_str(ThreadState *ts, Value *v, const char *what) {
    if (*v == CS_UNBOUND) {
        *v = CS_NONE;
    }
    if (*v != CS_NONE && !str_check(*v)) {
        return exc_raise_int(ts, exc_TypeError, "open() argument '%s' must be str or None, not %T",
                             what, *v);
    }
    return 0;
}

static int parse_open_args(ThreadState *ts, const Value *args, size_t nargs, TupleObj *kwnames,
                           OpenArgs *o) {
    Value a[8];
    if (arg_parse(ts, "open", args, nargs, kwnames,
                  "file|mode,buffering,encoding,errors,newline,closefd,opener", a) < 0) {
        return -1;
    }
    o->file = a[0];
    o->mode = a[1] == CS_UNBOUND ? str_from_cstr(ts, "r") : a[1];
    if (!str_check(o->mode)) {
        return exc_raise_int(ts, exc_TypeError, "open() argument 'mode' must be str, not %T",
                             o->mode);
    }
    o->buffering = -1;
    if (a[2] != CS_UNBOUND) {
        ssize_t b = obj_as_index(ts, a[2]);
        if (b == -1 && ts_has_exc(ts)) {
            return -1;
        }
        o->buffering = b;
    }
    o->encoding = a[3];
    o->errors = a[4];
    o->newline = a[5];
    if (optional_str(ts, &o->encoding, "encoding") < 0 ||
        optional_str(ts, &o->errors, "errors") < 0 ||
        optional_str(ts, &o->newline, "newline") < 0) {
        return -1;
    }
    o->closefd = true;
    if (a[6] != CS_UNBOUND) {
        int r = obj_truthy(ts, a[6]);
        if (r < 0) {
            return -1;
        }
        o->closefd = r;
    }
    o->opener = a[7] == CS_UNBOUND ? CS_NONE : a[7];
    return 0;
}

static int check_binary_args(ThreadState *ts, const OpenArgs *o) {
    if (o->encoding != CS_NONE) {
        return exc_raise_int(ts, exc_ValueError, "binary mode doesn't take an encoding argument");
    }
    if (o->errors != CS_NONE) {
        return exc_raise_int(ts, exc_ValueError, "binary mode doesn't take an errors argument");
    }
    if (o->newline != CS_NONE) {
        return exc_raise_int(ts, exc_ValueError, "binary mode doesn't take a newline argument");
    }
    return 0;
}

// The descriptor for open(): opened here, or given (file is an int).
static int open_descriptor(ThreadState *ts, const OpenArgs *o, const OpenMode *m, Value *name) {
    int fd;
    Value path;
    if (file_target(ts, o->file, &path, &fd) < 0) {
        return -1;
    }
    *name = path;
    if (m->reading + m->writing + m->appending + m->creating != 1) {
        return exc_raise_int(ts, exc_ValueError,
                             "Must have exactly one of create/read/write/"
                             "append mode and at most one plus");
    }
    if (fd >= 0) {
        return fd;
    }
    if (!o->closefd) {
        return exc_raise_int(ts, exc_ValueError, "Cannot use closefd=False with file name");
    }
    fd = open_path(ts, path, m, o->opener);
    if (fd >= 0 && m->appending) {
        (void)lseek(fd, 0, SEEK_END);
    }
    return fd;
}

static size_t block_size(int fd, int64_t buffering) {
    if (buffering > 1) {
        return (size_t)buffering;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_blksize > 1) {
        return (size_t)st.st_blksize;
    }
    return DEFAULT_BUFFER_SIZE;
}

Value fileio_open(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kwnames) {
    OpenArgs o;
    OpenMode m;
    Value name;
    if (parse_open_args(ts, args, nargs, kwnames, &o) < 0 || parse_mode(ts, o.mode, &m) < 0 ||
        (m.binary && check_binary_args(ts, &o) < 0)) {
        return CS_ERR;
    }
    int fd = open_descriptor(ts, &o, &m, &name);
    if (fd < 0) {
        return CS_ERR;
    }
    bool unbuffered = o.buffering == 0;
    FileObj *f = file_new(ts, binary_type(&m, unbuffered), fd, name, block_size(fd, o.buffering));
    f->readable = m.reading || m.updating;
    f->writable = !m.reading || m.updating;
    f->appending = m.appending;
    f->created = m.creating;
    f->closefd = o.closefd;
    if (m.binary) {
        return obj_val(f);
    }
    if (unbuffered) {
        buf_close(ts, f);
        return exc_raise(ts, exc_ValueError, "can't have unbuffered text I/O");
    }
    bool line = o.buffering == 1 || (o.buffering < 0 && isatty(fd));
    Value t = text_new(ts, f, o.mode, o.encoding, o.errors, o.newline, line);
    if (t == CS_ERR) {
        Value exc = exc_fetch(ts);
        buf_close(ts, f);
        exc_restore(ts, exc);
    }
    return t;
}

Value fileio_from_fd(ThreadState *ts, int fd, const char *mode, const char *name,
                     bool line_buffered) {
    if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
        return CS_NONE; // as CPython: sys.stdout is None when fd 1 is not open
    }
    bool reading = mode[0] == 'r';
    TypeObj *type = reading ? &type_bufferedreader : &type_bufferedwriter;
    FileObj *f = file_new(ts, type, fd, str_from_cstr(ts, name), DEFAULT_BUFFER_SIZE);
    f->readable = reading;
    f->writable = !reading;
    f->closefd = false;
    Value errors = str_from_cstr(ts, fd == 2 ? "backslashreplace" : "strict");
    // POSIX CPython opens the standard streams with newline="\n": lines end at
    // \n only and nothing is translated.
    Value nl = str_from_cstr(ts, "\n");
    Value t = text_new(ts, f, str_from_cstr(ts, mode), str_from_cstr(ts, "utf-8"), errors, nl,
                       line_buffered);
    if (t != CS_ERR && fd == 2) {
        as_text(t)->write_through = true;
    }
    return t;
}

// ---------------------------------------------------------------------------
// Helpers for print, input and the interpreter's exit

bool fileio_is_text(Value v) {
    return is_text(v);
}

int fileio_flush(ThreadState *ts, Value file) {
    if (is_text(file) || is_binary(file)) {
        FileObj *f = file_of(file);
        return f && f->is_open ? buf_flush(ts, f) : 0;
    }
    Value m = obj_lookup_attr(ts, file, STR_NAME(ts, flush));
    if (m == CS_ERR) {
        return -1;
    }
    if (m == CS_UNBOUND) {
        return 0;
    }
    gc_temp_push(ts, m);
    return obj_call0(ts, m) == CS_ERR ? -1 : 0;
}

int fileio_write_text(ThreadState *ts, Value file, const char *utf8, size_t len) {
    if (is_text(file)) {
        TextObj *t = as_text(file);
        if (check_writable(ts, t->buf, true) < 0) {
            return -1;
        }
        return text_write_utf8(ts, t, utf8, len);
    }
    Value s = str_new(ts, utf8, len);
    if (s == CS_ERR) {
        return -1;
    }
    return obj_call_method(ts, file, STR_NAME(ts, write), &s, 1) == CS_ERR ? -1 : 0;
}

Value fileio_readline(ThreadState *ts, Value file) {
    if (is_text(file)) {
        if (check_line_readable(ts, file) < 0) {
            return CS_ERR;
        }
        return read_line(ts, file, -1);
    }
    StrObj *name = str_intern_name(ts, "readline");
    Value r = obj_call_method(ts, file, name, NULL, 0);
    if (r != CS_ERR && !str_check(r)) {
        return exc_raise(ts, exc_TypeError, "object.readline() returned non-string");
    }
    return r;
}

// ---------------------------------------------------------------------------
// The _io module

static const MethodDef io_functions[] = {
    {"open", fileio_open, METH_KEYWORDS, "Open file and return a stream."},
    {NULL, NULL, 0, NULL},
};

// io.UnsupportedOperation(OSError, ValueError). Should the class machinery
// refuse the two bases, it is made with OSError alone rather than failing.
static Value make_unsupported_operation(ThreadState *ts) {
    Value d = dict_new(ts);
    if (dict_set_str(ts, as_dict(d), STR_NAME(ts, __module__), str_from_cstr(ts, "io")) < 0) {
        return CS_ERR;
    }
    Value name = str_from_cstr(ts, "UnsupportedOperation");
    Value bases = tuple_pack(ts, 2, obj_val(exc_OSError), obj_val(exc_ValueError));
    Value cls = type_new_class(ts, &type_type, name, bases, d, NULL, NULL);
    if (cls == CS_ERR && exc_matches(ts, exc_TypeError)) {
        exc_clear(ts);
        bases = tuple_pack(ts, 1, obj_val(exc_OSError));
        cls = type_new_class(ts, &type_type, name, bases, d, NULL, NULL);
    }
    return cls;
}

Value fileio_module_init(ThreadState *ts) {
    Value existing;
    if (dict_get_cstr(ts->interp->modules, "_io", &existing)) {
        return existing;
    }
    Value mv = module_new(ts, "_io");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    Value uo = make_unsupported_operation(ts);
    if (uo == CS_ERR || module_add_value(ts, m, "UnsupportedOperation", uo) < 0 ||
        module_add_functions(ts, m, io_functions) < 0 ||
        module_add_value(ts, m, "TextIOWrapper", obj_val(&type_textiowrapper)) < 0 ||
        module_add_value(ts, m, "BufferedReader", obj_val(&type_bufferedreader)) < 0 ||
        module_add_value(ts, m, "BufferedWriter", obj_val(&type_bufferedwriter)) < 0 ||
        module_add_value(ts, m, "BufferedRandom", obj_val(&type_bufferedrandom)) < 0 ||
        module_add_value(ts, m, "FileIO", obj_val(&type_fileio)) < 0 ||
        module_add_int(ts, m, "DEFAULT_BUFFER_SIZE", DEFAULT_BUFFER_SIZE) < 0 ||
        dict_set_cstr(ts, ts->interp->modules, "_io", mv) < 0) {
        return CS_ERR;
    }
    return mv;
}

TypeObj *fileio_unsupported_operation(ThreadState *ts) {
    Value m = fileio_module_init(ts);
    if (m == CS_ERR) {
        return NULL;
    }
    Value cls;
    if (dict_get_cstr(((ModuleObj *)as_obj(m))->dict, "UnsupportedOperation", &cls) &&
        is_obj(cls) && (type_of(cls)->flags & TYPE_TYPE_SUBCLASS)) {
        return (TypeObj *)as_obj(cls);
    }
    return exc_OSError;
}
