/* arena.c — bump allocation in chunks, freed all at once. */
#include "base.h"

struct ArenaChunk {
	ArenaChunk *next;
	size_t size;
	/* data follows, 16-byte aligned */
} __attribute__((aligned(16)));

/* Chunks grow from ARENA_FIRST, each as big as the arena so far, up to
 * ARENA_CHUNK: an SSA function gets an arena of its own, and most are
 * small (zeroing a 256 KB chunk for each took a third of goc build's time). */
enum { ARENA_CHUNK = 256 * 1024, ARENA_FIRST = 8 * 1024 };

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

static void *arena_slow(Arena *a, size_t n)
{
	size_t std = a->total == 0 ? ARENA_FIRST : a->total < ARENA_CHUNK ? a->total : ARENA_CHUNK;
	size_t size = n > std / 4 ? n : std;
	ArenaChunk *c = xmalloc(sizeof(ArenaChunk) + size);
	c->size = size;
	a->total += sizeof(ArenaChunk) + size;
	char *data = (char *)(c + 1);
	if (size == n) {
		/* a big object gets a chunk of its own, kept behind the current one */
		if (a->head) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = NULL;
			a->head = c;
			a->cur = a->end = data + size;
		}
		memset(data, 0, n);
		return data;
	}
	c->next = a->head;
	a->head = c;
	a->cur = data + n;
	a->end = data + size;
	memset(data, 0, size);
	return data;
}

void *arena_alloc(Arena *a, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	if (LIKELY((size_t)(a->end - a->cur) >= n)) {
		void *p = a->cur;
		a->cur += n;
		return p;
	}
	return arena_slow(a, n);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n) /* s may be NULL when n is 0 */
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* Frees everything but one standard chunk, which is zeroed again (only
 * the part that was used) and kept for the next round: a compiler that
 * parses file after file then touches the same memory each time. */
void arena_reset(Arena *a)
{
	ArenaChunk *keep = NULL;
	for (ArenaChunk *c = a->head, *next; c; c = next) {
		next = c->next;
		if (!keep && c->size == ARENA_CHUNK && (char *)(c + 1) + c->size == a->end) {
			keep = c;
			continue;
		}
		free(c);
	}
	if (!keep) {
		memset(a, 0, sizeof *a);
		return;
	}
	char *data = (char *)(keep + 1);
	memset(data, 0, (size_t)(a->cur - data));
	keep->next = NULL;
	a->head = keep;
	a->cur = data;
	a->end = data + keep->size;
	a->total = sizeof(ArenaChunk) + keep->size;
}

void arena_free(Arena *a)
{
	ArenaChunk *c = a->head;
	while (c) {
		ArenaChunk *next = c->next;
		free(c);
		c = next;
	}
	memset(a, 0, sizeof *a);
}
