/* outfile: files written for a user (-o) and files copied into the site:
 * no device or FIFO replaced, no sparse file filled in. */
#ifndef KITGEN_OUTFILE_H
#define KITGEN_OUTFILE_H

#include <glib.h>
#include <stdbool.h>

/* Writes a file a user named (-o): a regular file (or a new one) is
 * replaced atomically, a symbolic link's target is written and the link
 * kept; /dev/stdout and the like, FIFOs and terminals are written into;
 * folders and other device nodes are refused. Never unlinks the target. */
bool outfile_write_target(const char *path, const char *data, size_t len, GError **err);

/* Copies a regular file (refusing anything else) into a new file dst:
 * shared extents where the file system can (reflink), holes kept as
 * holes, so a large sparse file costs nothing to publish. */
bool outfile_copy(const char *src, const char *dst, GError **err);

#endif
