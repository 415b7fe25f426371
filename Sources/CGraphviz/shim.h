#include <graphviz/gvc.h>

/* Static inline accessors for what Swift cannot import from cgraph.h: macros (agtail,
 * aghead, AGSEQ), bitfields behind those macros, and the C global descriptors and
 * disciplines (Swift 6 treats imported mutable C globals as unsafe shared state). */

/* The descriptor of a root graph: directed or not, strict or not. */
static inline Agdesc_t lg_graph_desc(int directed, int strict) {
    if (directed) return strict ? Agstrictdirected : Agdirected;
    return strict ? Agstrictundirected : Agundirected;
}

/* cgraph's default memory and ID disciplines with the given I/O discipline. */
static inline Agdisc_t lg_disc_with_io(Agiodisc_t *io) {
    Agdisc_t disc;
    disc.mem = &AgMemDisc;
    disc.id = &AgIdDisc;
    disc.io = io;
    return disc;
}

static inline Agnode_t *lg_edge_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *lg_edge_head(Agedge_t *e) { return aghead(e); }

/* The creation sequence number of a graph, node or edge (per root graph and kind). */
static inline unsigned long lg_object_seq(void *obj) { return (unsigned long)AGSEQ(obj); }
