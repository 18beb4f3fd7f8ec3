/*
 * iface.c — interfaces: conversions to interface types (runtime.convT*),
 * comparisons, type assertions.  Not lowered yet: each reports gc's
 * internal-error format (ssagen.h).
 */
#include "ssagen.h"

Value *gen_convert_iface(Gen *s, Value *v, Type *from, Type *to, Pos pos)
{
	(void)v, (void)from, (void)to;
	gen_unimpl(s, pos, "conversion to an interface");
}

Value *gen_ifaceeq(Gen *s, Type *t, Value *x, Value *y, Pos pos)
{
	(void)t, (void)x, (void)y;
	gen_unimpl(s, pos, "interface comparison");
}

Value *gen_typeassert(Gen *s, Node *e, Value **ok)
{
	(void)ok;
	gen_unimpl(s, node_pos(e), "type assertion");
}

int gen_intercall(Gen *s, Node *call, Node *x, Object *m, Type *sig, Value **res, Type **restypes, int max)
{
	(void)x, (void)m, (void)sig, (void)res, (void)restypes, (void)max;
	gen_unimpl(s, node_pos(call), "interface method call");
}
