/*
 * lexicon.c -- the builtin model: word classes compiled into one open-
 * addressing hash table at first use (call_once), then shared read-only by
 * every thread.
 *
 * Words are looked up case-folded (ASCII), with ’ read as '. Each class
 * list below is one string of space-separated words; a word may be in
 * several classes (its bits are OR-ed).
 */
#include "hearsay_int.h"
#include "model.h"

#include <stdatomic.h>

#include <stdio.h>
#include <threads.h>

/* verbs of saying, believing, wanting, showing: the cue heads */
static const char S_sayverbs[] =
    "say says said saying tell tells told telling add adds added adding "
    "write writes wrote writing written ask asks asked asking note notes noted "
    "noting report reports reported reporting announce announces announced "
    "announcing suggest suggests suggested suggesting tweet tweets tweeted "
    "tweeting argue argues argued arguing explain explains explained "
    "explaining acknowledge acknowledges acknowledged acknowledging declare "
    "declares declared declaring claim claims claimed claiming continue "
    "continues continued insist insists insisted insisting warn warns warned "
    "warning state stated stating reply replies replied replying respond "
    "responds responded responding recall recalls recalled recalling predict "
    "predicts predicted predicting concede concedes conceded conceding admit "
    "admits admitted admitting agree agrees agreed agreeing contend contends "
    "contended contending maintain maintains maintained charge charges charged "
    "complain complains complained complaining emphasize emphasizes emphasized "
    "emphasizing stress stresses stressed stressing observe observes observed "
    "remark remarks remarked joke jokes joked quip quips quipped shout shouts "
    "shouted yell yelled confirm confirms confirmed confirming deny denies "
    "denied denying believe believes believed believing think thinks thought "
    "thinking know knows knew hope hopes hoped hoping fear fears feared fearing "
    "expect expects expected want wants wanted urge urges urged urging promise "
    "promises promised promising pledge pledges pledged vow vows vowed vowing "
    "allege alleges alleged alleging testify testifies testified reveal reveals "
    "revealed disclose disclosed reiterate reiterates reiterated proclaim "
    "proclaimed boast boasts boasted brag bragged lament lamented muse mused "
    "speculate speculated conclude concludes concluded counter countered "
    "retort retorted indicate indicates indicated signal signaled signalled "
    "hint hinted imply implies implied assure assured inform informed caution "
    "cautioned advise advised demand demands demanded question questioned "
    "wonder wonders wondered worry worries worried feel feels felt "
    "predict argue accuse accuses accused accusing blame blames blamed blaming "
    "criticize criticizes criticized criticizing praise praises praised "
    "praising describe describes described describing call calls called "
    "calling tout touts touted "
    "show shows showed shown showing find finds found "
    "estimate estimates estimated insinuate insinuated concur concurred "
    "propose proposes proposed proposing recommend recommended threaten "
    "threatens threatened threatening demand declined decline declines "
    "refuse refuses refused refusing plan plans planned intend intends "
    "intended seek seeks sought offer offered dismiss dismissed reject "
    "rejects rejected rejecting support supports supported endorse endorses "
    "endorsed endorsing oppose opposes opposed opposing doubt doubts doubted "
    "acknowledge realize realized realizes understand understands understood "
    "recognize recognized recognizes consider considers considered "
    "mention mentions mentioned mentioning point pointed points explain "
    "post posted posts insist assert asserts asserted asserting "
    "predicted repeat repeated repeats tweet confide confided "
    "admit whisper whispered scream screamed cry cried exclaimed exclaim "
    "muse mused recount recounted recounts describe hail hailed";

static const char S_cuenouns[] =
    "statement statements insistence claim claims assertion assertions "
    "argument arguments comment comments remarks remark announcement "
    "accusation accusations allegation allegations warning warnings "
    "suggestion suggestions belief beliefs view views opinion assessment "
    "criticism charge charges promise promises pledge pledges call calls "
    "demand demands denial admission testimony speech interview report "
    "reports poll polls survey surveys analysis study studies memo letter "
    "tweet tweets post message suspicion concerns concern fears hope hopes "
    "insistence contention view position proposal plan plans decision "
    "prediction predictions estimate estimates aim alarm questions doubts "
    "praise blame credit objections";

static const char S_pron_person[] =
    "he she they i we you him her them me us it";
static const char S_pron_poss[] = "his her their its my our your";
static const char S_male[] = "he him his himself mr";
static const char S_female[] = "she her hers herself mrs ms miss";
static const char S_plural[] =
    "they them their we us our officials aides advocates critics experts "
    "analysts leaders supporters members sources lawmakers democrats "
    "republicans people voters investigators prosecutors officers police "
    "authorities residents researchers observers economists strategists "
    "organizers activists protesters opponents spokespeople";

static const char S_titles[] =
    "president vice secretary senator sen rep representative congressman "
    "congresswoman governor gov mayor chairman chairwoman chair chief "
    "director spokesman spokeswoman spokesperson minister prime ambassador "
    "general gen commander admiral adm colonel col captain capt sergeant "
    "judge justice attorney lawyer professor prof dr doctor candidate nominee "
    "leader speaker majority minority whip host anchor reporter correspondent "
    "editor columnist analyst strategist adviser advisor aide official "
    "officer executive ceo founder manager head pastor reverend rev bishop "
    "pope king queen prince princess sheriff commissioner councilman "
    "councilwoman treasurer economist pollster historian author writer "
    "campaign press deputy assistant acting former senior white house state "
    "department press-secretary communications counsel surrogate "
    "staff spokesmen chancellor premier lt lieutenant superintendent "
    "producer businessman businesswoman billionaire activist organizer "
    "founder co-founder partner operative consultant expert scholar fellow "
    "researcher investigator prosecutor detective agent inspector";

static const char S_honorifics[] =
    "mr mrs ms dr sen rep gov gen lt col capt sgt adm rev prof pres "
    "sens reps st hon";

static const char S_det[] =
    "the a an this that these those some any each every another no";

static const char S_prep[] =
    "of in on at by for with from to into about during after before over "
    "under between through against among across without within upon via "
    "per than since until toward towards amid despite";

static const char S_group[] =
    "officials official aides aide spokesman spokeswoman spokesperson "
    "source sources critics critic experts expert analysts analyst leaders "
    "supporters members lawmakers democrats republicans people voters "
    "investigators prosecutors police authorities residents researchers "
    "observers economists strategists organizers activists protesters "
    "opponents administration campaign government committee department "
    "agency spokespeople staff staffers advisers advisors insiders allies "
    "donors delegates senators governors reporters journalists witnesses "
    "scientists doctors lawyers attorneys officers spokesmen";

static const char S_stop[] =
    "the a an and or but if then so of in on at by for with from to as is "
    "are was were be been being it its this that these those there here "
    "not no nor also just very too can could would should will may might "
    "must do does did has have had i he she we they you me him her us them "
    "my his our their your who whom whose which what when where why how "
    "all any both each few more most other some such only own same than "
    "into about after before over under again further once";

static const char S_months[] =
    "january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec";
static const char S_weekdays[] =
    "monday tuesday wednesday thursday friday saturday sunday";
static const char S_time[] =
    "today yesterday tonight tomorrow earlier later recently monday tuesday "
    "wednesday thursday friday saturday sunday morning afternoon evening "
    "night week month year last this previously once again hours minutes days "
    "weeks months years moments";

static const char S_rel[] = "who which that whom whose";
static const char S_aux[] =
    "has have had is was were are be been will would also later "
    "previously repeatedly reportedly once again still then had "
    "did does do has've would've could can could may might must should "
    "not n't never always often recently publicly privately";
static const char S_adv[] =
    "also later repeatedly reportedly publicly privately recently "
    "previously again once still then ultimately further subsequently "
    "initially earlier directly explicitly openly flatly frequently "
    "often always never";
static const char S_conj[] = "and or but nor yet";
static const char S_that[] = "that whether if";
static const char S_notname[] =
    "the a an but and or so yet if when while after before as in on at "
    "for from with by to of this that these those there here it its his "
    "her their our my your we they he she i you what why how where who "
    "still even also though although however meanwhile instead indeed "
    "then now today yesterday tonight tomorrow last next no yes not "
    "asked told said says according";
static const char S_verbs[] =
    "is are was were be been being has have had do does did will would can "
    "could should may might must get got make made go went take took see "
    "saw come came give gave run ran";
static const char S_org[] =
    "department party committee campaign administration house senate "
    "congress court agency office bureau council commission ministry "
    "university institute foundation association union corporation company "
    "times post journal news network group center centre board";

/* Words that keep a following period (token.c); at most 6 bytes. */
static const char S_abbrevs[] =
    "mr mrs ms dr sen rep gov gen lt col capt sgt adm rev prof st jr sr inc "
    "corp co ltd vs no jan feb mar apr jun jul aug sep sept oct nov dec mt ft "
    "pres sens reps gens mss messrs approx dept est fig rt hon cmdr supt atty "
    "det maj pvt cpl u.s d.c u.k u.n a.m p.m e.g i.e etc al ph.d ala ariz ark "
    "calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo "
    "mont neb nev okla ore pa tenn tex va vt wash wis wyo univ assn bros "
    "gov't";

/* Words that open a time expression with the next word or alone (date.c). */
static const char S_deixis[] = "last next this past coming yesterday today tonight";

typedef struct {
    const char *words;
    uint32_t bits;
} S_class;

static const S_class S_classes[] = {
    {S_sayverbs, HS_L_SAYVERB}, {S_cuenouns, HS_L_CUENOUN},
    {S_pron_person, HS_L_PRON_PERSON}, {S_pron_poss, HS_L_PRON_POSS},
    {S_male, HS_L_MALE}, {S_female, HS_L_FEMALE}, {S_plural, HS_L_PLURAL},
    {S_titles, HS_L_TITLE}, {S_honorifics, HS_L_HONORIFIC},
    {S_det, HS_L_DET}, {S_prep, HS_L_PREP}, {S_group, HS_L_GROUP},
    {S_stop, HS_L_STOP}, {S_months, HS_L_MONTH}, {S_weekdays, HS_L_WEEKDAY},
    {S_time, HS_L_TIME}, {S_rel, HS_L_REL}, {S_aux, HS_L_AUX},
    {S_adv, HS_L_ADV}, {S_conj, HS_L_CONJ}, {S_that, HS_L_THAT},
    {S_notname, HS_L_NOTNAME}, {S_verbs, HS_L_VERB}, {S_org, HS_L_ORG},
    {S_abbrevs, HS_L_ABBREV}, {S_deixis, HS_L_DEIXIS},
};

static hearsay_model S_builtin;
static once_flag S_once = ONCE_FLAG_INIT;
static int S_builtin_ok;

/* build/gen/model_data.c: data/hearsay.model compiled in (may be empty) */
extern const unsigned char hs_model_data[];
extern const size_t hs_model_size;

static int S_add_classes(hearsay_model *m);

static void S_build_builtin(void) {
    S_builtin_ok = hs_model_init(&S_builtin) == 0 && S_add_classes(&S_builtin) == 0;
    if (S_builtin_ok && hs_model_size > 0)
        S_builtin_ok = hs_model_parse(&S_builtin, hs_model_data, hs_model_size) == 0;
}

static int S_add_classes(hearsay_model *m) {
    for (size_t c = 0; c < sizeof S_classes / sizeof *S_classes; c++) {
        const char *p = S_classes[c].words;
        while (*p) {
            while (*p == ' ') p++;
            const char *q = p;
            while (*q && *q != ' ') q++;
            if (q > p && hs_model_add(m, p, (size_t)(q - p), S_classes[c].bits) < 0) return HEARSAY_ENOMEM;
            p = q;
        }
    }
    return 0;
}

const hearsay_model *hearsay_model_builtin(void) {
    call_once(&S_once, S_build_builtin);
    return &S_builtin;
}

/* ------------------------------------------------------------ table */

/* The word hash: hs_hash_* (hearsay_int.h). */
#define S_HASH_BASIS HS_HASH_BASIS
#define S_hash_step hs_hash_step
#define S_hash_end hs_hash_end

static uint64_t S_hash(const char *s, size_t n) {
    uint64_t h = S_HASH_BASIS;
    for (size_t i = 0; i < n; i++) h = S_hash_step(h, (unsigned char)s[i]);
    return S_hash_end(h);
}

uint32_t hs_hash_bytes(const char *s, size_t n) { return (uint32_t)S_hash(s, n); }

static inline uint32_t S_tag(uint64_t h) { return (uint32_t)h | 1u; }

static uint64_t S_serial(void) {
    static _Atomic uint64_t next;
    return atomic_fetch_add(&next, 1) + 1;
}

int hs_model_init(hearsay_model *m) {
    memset(m, 0, sizeof *m);
    m->serial = S_serial();
    m->mask = 4095;
    m->slots = calloc(m->mask + 1, sizeof *m->slots);
    m->tags = calloc(m->mask + 1, sizeof *m->tags);
    return m->slots && m->tags ? 0 : HEARSAY_ENOMEM;
}

void hs_model_release(hearsay_model *m) {
    free(m->slots);
    free(m->tags);
    free(m->words);
    free(m->cue_w.blk);
    free(m->cue_w.val);
    free(m->att_w.blk);
    free(m->att_w.val);
    free(m->start.w.blk);
    free(m->start.w.val);
    free(m->end.w.blk);
    free(m->end.w.val);
    memset(m, 0, sizeof *m);
}

static int S_rehash(hearsay_model *m) {
    size_t ncap = (m->mask + 1) * 2;
    hs_lex_slot *ns = calloc(ncap, sizeof *ns);
    uint32_t *nt = calloc(ncap, sizeof *nt);
    if (!ns || !nt) {
        free(ns);
        free(nt);
        return HEARSAY_ENOMEM;
    }
    for (size_t i = 0; i <= m->mask; i++) {
        if (!m->slots[i].len) continue;
        size_t j = m->slots[i].hash & (ncap - 1);
        while (ns[j].len) j = (j + 1) & (ncap - 1);
        ns[j] = m->slots[i];
        nt[j] = S_tag(ns[j].hash);
    }
    free(m->slots);
    free(m->tags);
    m->slots = ns;
    m->tags = nt;
    m->mask = ncap - 1;
    for (size_t i = 0; i < ncap; i++)
        if (ns[i].len) m->words[ns[i].id] = (uint32_t)i;
    return 0;
}

/* Adds bits to the word (lower-case ASCII expected); returns its id. */
int32_t hs_model_add(hearsay_model *m, const char *s, size_t n, uint32_t bits) {
    if (n == 0 || n > HS_LEX_MAXLEN) return -1;
    m->serial = S_serial();
    int32_t id;
    uint32_t had = hs_lex_lookup(m, s, n, &id);
    if (id >= 0) {
        hs_lex_slot *sl = &m->slots[m->words[id]];
        sl->bits = had | bits;
        return id;
    }
    if ((m->nwords + 1) * 2 > m->mask + 1 && S_rehash(m)) return -1;
    if (hs_vec_grow_((void **)&m->words, &m->wcap, m->nwords + 1, sizeof *m->words)) return -1;
    uint64_t h = S_hash(s, n);
    size_t j = h & m->mask;
    while (m->slots[j].len) j = (j + 1) & m->mask;
    hs_lex_slot *sl = &m->slots[j];
    sl->hash = h;
    sl->len = (uint8_t)n;
    memcpy(sl->s, s, n);
    sl->bits = bits;
    sl->id = (int32_t)m->nwords;
    m->tags[j] = S_tag(h);
    m->words[m->nwords] = (uint32_t)j;
    m->nwords++;
    return sl->id;
}

uint32_t hs_lex_lookup(const hearsay_model *m, const char *s, size_t n, int32_t *word) {
    return hs_lex_lookup_h(m, s, n, word, NULL);
}

/* The lexicon's open addressing, shared by the look-ups: from slot *j
 * on, the next slot whose hash is h and whose word has n bytes (*j then
 * past it), or NULL at the first empty slot. The caller compares the
 * bytes. */
static inline const hs_lex_slot *S_probe(const hearsay_model *m, uint64_t h, size_t n, size_t *j) {
    uint32_t tag = S_tag(h);
    for (;;) {
        size_t i = *j;
        uint32_t t = m->tags[i];
        if (!t) return NULL;
        *j = (i + 1) & m->mask;
        if (t != tag) continue;
        const hs_lex_slot *sl = &m->slots[i];
        if (sl->hash == h && sl->len == n) return sl;
    }
}

/* The look-up; with case (constant at each call, so the loop is compiled
 * twice) it also counts the ASCII capitals and small letters of s, for
 * the tokenizer's shape flags, in the same pass. */
static inline uint32_t S_lookup(const hearsay_model *m, const char *s, size_t n, int32_t *word,
                                uint32_t *hash, unsigned *upper, unsigned *lower, int count) {
    *word = -1;
    if (n > HS_LEX_MAXLEN || n == 0 || !m->slots) {
        if (count) {
            unsigned up = 0, lo = 0;
            for (size_t i = 0; i < n; i++) {
                up += s[i] >= 'A' && s[i] <= 'Z';
                lo += s[i] >= 'a' && s[i] <= 'z';
            }
            *upper = up;
            *lower = lo;
        }
        if (hash) *hash = n > HS_LEX_MAXLEN ? (uint32_t)S_hash(s, n > 64 ? 64 : n) : 0;
        return 0;
    }
    /* lower-case and hash in one pass (S_hash of the lowered form) */
    char low[HS_LEX_MAXLEN];
    size_t k = 0;
    unsigned up = 0, lo = 0;
    uint64_t h = S_HASH_BASIS;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) { /* ’ */
            c = '\'';
            i += 2;
        } else if (c >= 'A' && c <= 'Z') {
            c += 32;
            up++;
        } else if (c >= 'a' && c <= 'z') {
            lo++;
        }
        low[k++] = (char)c;
        h = S_hash_step(h, c);
    }
    h = S_hash_end(h);
    if (count) {
        *upper = up;
        *lower = lo;
    }
    if (hash) *hash = (uint32_t)h;
    const hs_lex_slot *sl;
    for (size_t j = h & m->mask; (sl = S_probe(m, h, k, &j));) {
        size_t q = 0; /* short words: no call to memcmp */
        while (q < k && sl->s[q] == low[q]) q++;
        if (q == k) {
            *word = sl->id;
            return sl->bits;
        }
    }
    return 0;
}

uint32_t hs_lex_lookup_h(const hearsay_model *m, const char *s, size_t n, int32_t *word,
                         uint32_t *hash) {
    return S_lookup(m, s, n, word, hash, NULL, NULL, 0);
}

uint32_t hs_lex_lookup_case(const hearsay_model *m, const char *s, size_t n, int32_t *word,
                            uint32_t *hash, unsigned *upper, unsigned *lower) {
    return S_lookup(m, s, n, word, hash, upper, lower, 1);
}

#define S_ONES 0x0101010101010101ull
#define S_HIGH 0x8080808080808080ull
/* Bit 7 of each byte of y (bytes < 0x80) that lies in [a, b]. */
static inline uint64_t S_in(uint64_t y, unsigned a, unsigned b) {
    return ((y + S_ONES * (0x80 - a)) & ~(y + S_ONES * (0x80 - b - 1))) & S_HIGH;
}

uint32_t hs_lex_lookup_ascii16(const hearsay_model *m, uint64_t k0, uint64_t k1, size_t n,
                               uint32_t *hash, unsigned *upper, unsigned *lower) {
    /* the capitals lowered and the letters counted a word at a time: bit 7
     * of a capital's byte, moved to bit 5, is the 32 that lowers it */
    uint64_t u0 = S_in(k0, 'A', 'Z'), u1 = S_in(k1, 'A', 'Z');
    *upper = hs_popcount64(u0) + hs_popcount64(u1);
    *lower = hs_popcount64(S_in(k0, 'a', 'z')) + hs_popcount64(S_in(k1, 'a', 'z'));
    k0 |= u0 >> 2;
    k1 |= u1 >> 2;
    uint64_t h = S_HASH_BASIS, x = k0;
    size_t i = 0;
    for (; i < n && i < 8; i++, x >>= 8) h = S_hash_step(h, (unsigned char)x);
    for (x = k1; i < n; i++, x >>= 8) h = S_hash_step(h, (unsigned char)x);
    h = S_hash_end(h);
    *hash = (uint32_t)h;
    if (!m->slots) return 0;
    const hs_lex_slot *sl;
    for (size_t j = h & m->mask; (sl = S_probe(m, h, n, &j));) {
        /* a slot's bytes past its length are zero (calloc, hs_model_add) */
        uint64_t s0, s1;
        memcpy(&s0, sl->s, 8);
        memcpy(&s1, sl->s + 8, 8);
        if (s0 == k0 && s1 == k1) return sl->bits;
    }
    return 0;
}

/* ------------------------------------------------------- model file */

typedef struct {
    const unsigned char *p;
    size_t n, i;
    int bad;
} S_rd;

static inline uint32_t S_le32(const unsigned char *q) {
    return (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
}

static uint32_t S_u32(S_rd *r) {
    if (r->i + 4 > r->n) {
        r->bad = 1;
        return 0;
    }
    const unsigned char *q = r->p + r->i;
    r->i += 4;
    return S_le32(q);
}

static float S_f32(S_rd *r) {
    uint32_t u = S_u32(r);
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* A table of 1 << bits weights from (count, index, weight) triples; NULL
 * with r->bad set on malformed input, or without it when out of memory. */
static float *S_weights(S_rd *r, uint32_t bits) {
    float *w = calloc((size_t)1 << bits, sizeof *w);
    if (!w) return NULL;
    uint32_t nz = S_u32(r);
    for (uint32_t k = 0; k < nz && !r->bad; k++) {
        uint32_t idx = S_u32(r);
        float v = S_f32(r);
        if (idx >> bits) r->bad = 1;
        else w[idx] = v;
    }
    if (r->bad) {
        free(w);
        return NULL;
    }
    return w;
}

/* The sparse form of a dense table w of 1 << bits weights (freed here);
 * 0 or HEARSAY_ENOMEM. */
static int S_sparse(hs_wtab *t, float *w, uint32_t bits) {
    size_t nb = ((size_t)1 << bits) / 32, nz = 0;
    hs_wtab x;
    x.blk = calloc(nb, sizeof *x.blk);
    for (size_t i = 0; i < nb * 32; i++) nz += w[i] != 0;
    x.val = malloc((nz ? nz : 1) * sizeof *x.val);
    if (!x.blk || !x.val) {
        free(x.blk);
        free(x.val);
        free(w);
        return HEARSAY_ENOMEM;
    }
    uint32_t k = 0;
    for (size_t b = 0; b < nb; b++) {
        x.blk[b].rank = k;
        for (size_t i = 0; i < 32; i++) {
            float v = w[b * 32 + i];
            if (v == 0) continue;
            x.blk[b].nz |= (uint32_t)1 << i;
            x.val[k++] = v;
        }
    }
    free(w);
    free(t->blk);
    free(t->val);
    *t = x;
    return 0;
}

/* The sparse table straight from the pairs at r when their indices
 * ascend, as tools/train.c writes them: without the dense table of 1 <<
 * bits floats (1 MB for the cue classifier) and two passes over it, which
 * took most of the start-up's 11 million instructions. 0,
 * HEARSAY_EFORMAT or HEARSAY_ENOMEM; 1 when an index does not ascend (the
 * caller then reads the pairs again through a dense table, where a later
 * pair for an index replaces an earlier one). */
static int S_table_sorted(S_rd *r, hs_wtab *t, uint32_t bits) {
    uint32_t nz = S_u32(r);
    if (r->bad || nz > (r->n - r->i) / 8) return HEARSAY_EFORMAT; /* 8 bytes a pair */
    size_t nb = ((size_t)1 << bits) / 32;
    hs_wtab x;
    x.blk = calloc(nb, sizeof *x.blk);
    x.val = malloc((nz ? nz : 1) * sizeof *x.val);
    if (!x.blk || !x.val) {
        free(x.blk);
        free(x.val);
        return HEARSAY_ENOMEM;
    }
    uint32_t k = 0, last = 0;
    int rc = 0;
    const unsigned char *q = r->p + r->i; /* nz pairs are there (above) */
    r->i += (size_t)nz * 8;
    for (uint32_t p = 0; p < nz; p++, q += 8) {
        uint32_t idx = S_le32(q), u = S_le32(q + 4);
        float v;
        memcpy(&v, &u, sizeof v);
        if (idx >> bits) {
            rc = HEARSAY_EFORMAT;
            break;
        }
        if (p && idx <= last) {
            rc = 1;
            break;
        }
        last = idx;
        if (v == 0) continue; /* as S_sparse: a zero weight is not stored */
        x.blk[idx >> 5].nz |= (uint32_t)1 << (idx & 31);
        x.val[k++] = v;
    }
    if (rc) {
        free(x.blk);
        free(x.val);
        return rc;
    }
    for (size_t b = 0, c = 0; b < nb; b++) {
        x.blk[b].rank = (uint32_t)c;
        c += hs_popcount64(x.blk[b].nz);
    }
    free(t->blk);
    free(t->val);
    *t = x;
    return 0;
}

/* A weight table of 1 << bits (8..24) at r into t: 0, HEARSAY_EFORMAT or
 * HEARSAY_ENOMEM. */
static int S_table(S_rd *r, hs_wtab *t, uint32_t bits) {
    if (r->bad || bits < 8 || bits > 24) return HEARSAY_EFORMAT;
    size_t at = r->i;
    int rc = S_table_sorted(r, t, bits);
    if (rc != 1) return rc;
    r->i = at;
    float *w = S_weights(r, bits);
    if (!w) return r->bad ? HEARSAY_EFORMAT : HEARSAY_ENOMEM;
    return S_sparse(t, w, bits) ? HEARSAY_ENOMEM : 0;
}

/* A ranking model's section after its name: u32 bits, f32 margin, f32
 * step, then its weights (STRT, ENDM). */
static int S_rank(S_rd *r, hs_rank *k) {
    r->i += 4;
    uint32_t bits = S_u32(r);
    float margin = S_f32(r), step = S_f32(r);
    int rc = S_table(r, &k->w, bits);
    if (rc) return rc;
    k->bits = bits;
    k->margin = margin;
    k->step = step;
    return 0;
}

int hs_model_parse(hearsay_model *m, const unsigned char *p, size_t n) {
    S_rd r = {p, n, 8, 0};
    if (n < 8 || memcmp(p, HS_MODEL_MAGIC, 8)) return HEARSAY_EFORMAT;
    uint32_t version = S_u32(&r), bits = S_u32(&r);
    float thr = S_f32(&r);
    if (r.bad || version != 1 || bits < 8 || bits > 24) return HEARSAY_EFORMAT;
    uint32_t nw = S_u32(&r);
    for (uint32_t k = 0; k < nw && !r.bad; k++) {
        if (r.i >= n) return HEARSAY_EFORMAT;
        size_t len = p[r.i++];
        if (r.i + len > n) return HEARSAY_EFORMAT;
        if (len && len <= HS_LEX_MAXLEN && hs_model_add(m, (const char *)p + r.i, len, HS_L_CUECAND) < 0)
            return HEARSAY_ENOMEM;
        r.i += len;
    }
    int rc = S_table(&r, &m->cue_w, bits);
    if (rc) return rc;
    m->cue_bits = bits;
    m->cue_bias = thr;
    while (r.i + 4 <= n) {
        if (!memcmp(p + r.i, "ATTR", 4) && !m->att_w.blk) {
            r.i += 4;
            uint32_t abits = S_u32(&r);
            float athr = S_f32(&r);
            if ((rc = S_table(&r, &m->att_w, abits))) return rc;
            m->att_bits = abits;
            m->att_bias = athr;
        } else if (!memcmp(p + r.i, "STRT", 4) && !m->start.w.blk) {
            if ((rc = S_rank(&r, &m->start))) return rc;
        } else if (!memcmp(p + r.i, "ENDM", 4) && !m->end.w.blk) {
            if ((rc = S_rank(&r, &m->end))) return rc;
        } else {
            break; /* trailing bytes of an unknown kind are ignored, as before */
        }
    }
    return 0;
}

int hearsay_model_load(const char *path, hearsay_model **out) {
    *out = NULL;
    if (!path) return HEARSAY_EINVAL;
    FILE *f = fopen(path, "rb");
    if (!f) return HEARSAY_EIO;
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap && hs_vec_grow_((void **)&buf, &cap, n + 65536, 1)) {
            fclose(f);
            free(buf);
            return HEARSAY_ENOMEM;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        if (!k) break;
        n += k;
    }
    int err = ferror(f);
    fclose(f);
    hearsay_model *m = calloc(1, sizeof *m);
    int rc = err ? HEARSAY_EIO : !m ? HEARSAY_ENOMEM : hs_model_init(m);
    if (!rc) rc = S_add_classes(m);
    if (!rc) rc = hs_model_parse(m, buf, n);
    free(buf);
    if (rc) {
        hearsay_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

void hearsay_model_free(hearsay_model *m) {
    if (!m || m == &S_builtin) return;
    hs_model_release(m);
    free(m);
}
