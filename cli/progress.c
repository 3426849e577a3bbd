/*
 * progress.c -- the progress line. See progress.h.
 */
#include "progress.h"

#include <stdio.h>
#include <time.h>

static double S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void prog_init(prog_state *p, int enabled)
{
    *p = (prog_state){0};
    p->enabled = enabled;
    p->start = p->last = S_now();
}

static void S_draw(prog_state *p, double now, uint64_t read, uint64_t total)
{
    double elapsed = now - p->start;
    double mb = (double)p->bytes / 1e6;
    fprintf(stderr, "\r%llu articles, %.1f MB, %.1f MB/s, %llu attributions, "
                    "%.0f s",
            (unsigned long long)p->docs, mb, elapsed > 0 ? mb / elapsed : 0.0,
            (unsigned long long)p->attrs, elapsed);
    if (total && read && read <= total)
        fprintf(stderr, ", ETA %.0f s",
                elapsed * (double)(total - read) / (double)read);
    fputs("\033[K", stderr);
    p->shown = 1;
}

void prog_doc(prog_state *p, uint64_t bytes, uint64_t attrs, uint64_t read,
              uint64_t total)
{
    p->docs++;
    p->bytes += bytes;
    p->attrs += attrs;
    if (!p->enabled)
        return;
    double now = S_now();
    if (now - p->last < 0.25)
        return;
    p->last = now;
    S_draw(p, now, read, total);
}

void prog_end(prog_state *p)
{
    if (!p->enabled || !p->shown)
        return;
    S_draw(p, S_now(), 0, 0);
    fputc('\n', stderr);
}
