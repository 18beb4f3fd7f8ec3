/*
 * map.c — maps and channels.  Not lowered yet: each reports gc's
 * internal-error format (ssagen.h).
 */
#include "ssagen.h"

Value *gen_mapindex(Gen *s, Node *e, Value **ok)
{
	(void)ok;
	gen_unimpl(s, node_pos(e), "map index");
}

Value *gen_maplit(Gen *s, Node *e, Type *t)
{
	(void)t;
	gen_unimpl(s, node_pos(e), "map literal");
}

Value *gen_chanrecv(Gen *s, Node *e, Value **ok)
{
	(void)ok;
	gen_unimpl(s, node_pos(e), "channel receive");
}
