/*
 * html.c — ssa.html, as gc writes for GOSSAFUNC: one column per pass,
 * each with the function's text form after that pass.  A static page:
 * values that a pass changed are not yet highlighted (gc's page does).
 */
#include "ssa.h"

struct SsaHtml {
	FILE *out;
	const char *path;
};

static void esc(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(s[i], out);
		}
	}
}

SsaHtml *ssa_html_open(const char *path, const char *funcname)
{
	FILE *out = fopen(path, "w");
	if (!out)
		return NULL;
	SsaHtml *h = xcalloc(1, sizeof *h);
	h->out = out;
	h->path = path;
	fputs("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
	esc(out, funcname, strlen(funcname));
	fputs("</title>\n<style>\n"
	      "body { font-family: sans-serif; font-size: 13px; margin: 0; }\n"
	      "h1 { font-size: 16px; margin: 8px; }\n"
	      "table { border-collapse: collapse; }\n"
	      "td { vertical-align: top; border: 1px solid #ccc; padding: 4px; }\n"
	      "th { background: #eee; border: 1px solid #ccc; padding: 4px; font-weight: normal; }\n"
	      "pre { margin: 0; font-family: monospace; font-size: 12px; }\n"
	      "</style>\n</head>\n<body>\n<h1>", out);
	esc(out, funcname, strlen(funcname));
	fputs("</h1>\n<table>\n<tr>\n", out);
	return h;
}

void ssa_html_text(SsaHtml *h, const char *title, const char *text, size_t n)
{
	if (!h)
		return;
	fputs("<td><table><tr><th>", h->out);
	esc(h->out, title, strlen(title));
	fputs("</th></tr><tr><td><pre>", h->out);
	esc(h->out, text, n);
	fputs("</pre></td></tr></table></td>\n", h->out);
}

void ssa_html_column(SsaHtml *h, const char *title, Func *f)
{
	if (!h)
		return;
	Buf b = {0};
	ssa_sprint(&b, f);
	ssa_html_text(h, title, b.p, b.n);
	buf_free(&b);
}

void ssa_html_close(SsaHtml *h)
{
	if (!h)
		return;
	fputs("</tr>\n</table>\n</body>\n</html>\n", h->out);
	fclose(h->out);
	free(h);
}
