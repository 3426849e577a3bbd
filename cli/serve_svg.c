/*
 * serve_svg.c -- a speaker's timeline: attributions per month (per year
 * when the span is over ten years) as an inline SVG bar chart, each bar
 * with a <title> for its exact count.
 */
#include "serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { S_W = 720, S_H = 170, S_LEFT = 40, S_BOTTOM = 26, S_TOP = 14, S_MAX_MONTHS = 120 };

/* Months since year 0 of "YYYY-MM...", or -1. */
static long S_month(const char *d) {
    if (!d || strlen(d) < 7 || d[4] != '-') return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (d[i] < '0' || d[i] > '9')) return -1;
    long y = atol(d), m = atol(d + 5);
    return m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
}

typedef struct {
    long first, last; /* bucket range (months, or years when yearly) */
    int yearly;
    size_t undated;
    size_t *count;
    size_t nb, max;
} S_chart;

static void S_range(S_chart *c, const char *const *dates, size_t n) {
    c->first = -1;
    for (size_t i = 0; i < n; i++) {
        long m = S_month(dates[i]);
        if (m < 0) {
            c->undated++;
            continue;
        }
        if (c->first < 0 || m < c->first) c->first = m;
        if (m > c->last) c->last = m;
    }
    c->yearly = c->first >= 0 && c->last - c->first >= S_MAX_MONTHS;
    if (c->yearly) c->first /= 12, c->last /= 12;
}

static void S_fill(S_chart *c, const char *const *dates, size_t n) {
    c->nb = c->first < 0 ? 0 : (size_t)(c->last - c->first + 1);
    c->count = calloc(c->nb ? c->nb : 1, sizeof *c->count);
    for (size_t i = 0; c->count && i < n; i++) {
        long m = S_month(dates[i]);
        if (m < 0) continue;
        size_t k = (size_t)((c->yearly ? m / 12 : m) - c->first);
        if (++c->count[k] > c->max) c->max = c->count[k];
    }
}

static void S_label(const S_chart *c, size_t k, char *out, size_t len) {
    long v = c->first + (long)k;
    if (c->yearly) snprintf(out, len, "%ld", v);
    else snprintf(out, len, "%04ld-%02ld", v / 12, v % 12 + 1);
}

static void S_bars(cli_buf *b, const S_chart *c) {
    double slot = (double)(S_W - S_LEFT - 10) / (double)c->nb;
    double hmax = S_H - S_BOTTOM - S_TOP;
    size_t every = c->nb / 12 + 1; /* at most about twelve labels */
    for (size_t k = 0; k < c->nb; k++) {
        char lab[48];
        S_label(c, k, lab, sizeof lab);
        double h = c->max ? hmax * (double)c->count[k] / (double)c->max : 0;
        double x = S_LEFT + slot * (double)k;
        double w = slot * .8 < 48 ? slot * .8 : 48; /* a lone month is not a wall */
        cli_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1f77b4\">"
                          "<title>%s: %zu</title></rect>",
                       x + (slot - w) / 2, S_H - S_BOTTOM - h, w, h, lab, c->count[k]);
        if (k % every == 0 || k + 1 == c->nb)
            cli_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                           x + slot / 2, S_H - 8, lab);
    }
}

void sv_svg_timeline(cli_buf *b, const char *const *dates, size_t n) {
    S_chart c = {0};
    S_range(&c, dates, n);
    S_fill(&c, dates, n);
    cli_buf_printf(b, "<svg id=\"timeline\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                      "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui,sans-serif\">"
                      "<title>Attributions per %s</title>",
                   S_W, S_H, S_W, S_H, c.yearly ? "year" : "month");
    cli_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", S_LEFT,
                   S_H - S_BOTTOM, S_W - 10, S_H - S_BOTTOM);
    cli_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%zu</text>", S_LEFT - 6,
                   S_TOP + 4, c.max);
    if (c.count && c.nb) S_bars(b, &c);
    if (c.undated)
        cli_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#555\" text-anchor=\"end\">"
                          "%zu undated</text>", S_W - 12, S_TOP + 4, c.undated);
    cli_buf_puts(b, "</svg>\n");
    free(c.count);
}
