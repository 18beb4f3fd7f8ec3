/*
 * syntax.h — the front end's interface: the scanner (scan.c), the parser
 * (parse.c) and the AST dump (astdump.c).
 *
 * Error wording follows gc (cmd/compile/internal/syntax): the parser
 * reports e.g. "syntax error: unexpected newline, expecting comma or }";
 * the scanner reports e.g. "invalid character U+0040 '@'", "newline in
 * string", "octal escape value 256 > 255".  What is accepted follows
 * go/parser (gofmt -e), the test oracle.
 */
#ifndef GOC_SYNTAX_H
#define GOC_SYNTAX_H

#include "ast.h"

/* A //go:... (or //line, //export, //extern) comment kept for later stages. */
typedef struct Directive {
	Pos pos;  /* of the "//" */
	Str text; /* the whole comment, "//go:noinline" */
} Directive;

/* ---- scanner ---- */
enum {
	SCAN_COMMENTS = 1 << 0, /* return COMMENT tokens (else skipped) */
};

typedef struct Scanner {
	/* input */
	SrcFile *file;
	const char *src; /* NUL-terminated, len bytes */
	uint32_t len;
	uint32_t off;    /* offset of the next unread byte */
	int mode;
	DiagList *diags;
	Arena *arena; /* for literal values that are not source slices */

	/* the current token */
	Token tok;
	Pos pos;   /* of its first byte */
	Str lit;   /* text of IDENT, INT..STRING, COMMENT; for SEMICOLON:
	              "semicolon" if written, "newline" or "EOF" if inserted */
	bool nlsemi; /* a newline here becomes a semicolon */
	bool bad;    /* the current literal had an error (already reported) */
	uint32_t badoff; /* NUL, invalid UTF-8 and BOM errors are reported once:
	                    only for bytes at or after this offset */

	/* //go: directives seen so far, in order */
	Directive *dirs;
	uint32_t ndirs, capdirs;
} Scanner;

/* src must be NUL-terminated (src[len] == 0).  A UTF-8 BOM at offset 0 is skipped. */
void scan_init(Scanner *s, SrcFile *f, const char *src, uint32_t len, int mode, DiagList *d, Arena *a);
void scan_next(Scanner *s); /* advances to the next token: s->tok, s->pos, s->lit */

/* ---- parser ---- */
typedef struct ParsedFile {
	SrcFile *file;
	Node *ast;        /* N_File; NULL only if the package clause is missing */
	Directive *dirs;  /* //go: directives, in source order */
	uint32_t ndirs;
	int nerrors;      /* syntax errors reported for this file */
} ParsedFile;

/* Parses one file.  Errors go to d (gc's format and wording).  All nodes
 * are allocated in a.  src must be NUL-terminated. */
ParsedFile parse_file(SrcFile *f, const char *src, uint32_t len, DiagList *d, Arena *a);

/* ---- dumps ---- */
/* The token stream, one token per line: "line:col TOKEN lit".  Scanner
 * errors are printed to stderr (gc's format); returns their number. */
int dump_tokens(FILE *out, SrcFile *f, const char *src, uint32_t len);
/* The AST in the format shared with tests/oracle/astdump.go. */
void dump_ast(FILE *out, const Node *file);

#endif
