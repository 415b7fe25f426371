#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>

/* A SAX handler with no callbacks at all (no tree is built, no default error printing);
 * the HTMLPages module sets the few callbacks it reads. */
static inline void lg_sax_clear(xmlSAXHandler *sax) { memset(sax, 0, sizeof(xmlSAXHandler)); }
