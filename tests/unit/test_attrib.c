/*
 * test_attrib.c -- speaker finding, contents and name resolution, through
 * the public API, on short invented articles with the hard cases of news
 * style: split quotations, continuations over paragraphs, colon frames,
 * appositions, pronouns, titles, groups, reported speech.
 */
#include "harness.h"
#include "hearsay.h"

#include <stdlib.h>

static hearsay_doc *S_doc;
static const char *S_text;

static size_t S_run(const char *text) {
    S_text = text;
    if (!S_doc) S_doc = hearsay_doc_new();
    int rc = hearsay_extract(hearsay_model_builtin(), text, strlen(text), NULL, S_doc);
    if (rc) FAILF("hearsay_extract: %s", hearsay_strerror(rc));
    return rc ? 0 : hearsay_doc_count(S_doc);
}

/* The attribution whose content starts with the given words, or NULL. */
static const hearsay_attribution *S_find(const char *start) {
    size_t n = strlen(start);
    for (size_t i = 0; i < hearsay_doc_count(S_doc); i++) {
        const hearsay_attribution *a = hearsay_doc_get(S_doc, i);
        if (!strncmp(S_text + a->parts[0].byte_start, start, n)) return a;
    }
    return NULL;
}

/* A span's text, in a static buffer. */
static const char *S_str(const hearsay_span *s) {
    static char buf[4][256];
    static int k;
    char *b = buf[k++ & 3];
    size_t n = s->byte_end - s->byte_start;
    if (n > 255) n = 255;
    memcpy(b, S_text + s->byte_start, n);
    b[n] = 0;
    return b;
}

static const char *S_speaker(const hearsay_attribution *a) {
    return a && a->has_speaker ? S_str(&a->speaker) : "(none)";
}

static const char *S_name(const hearsay_attribution *a) {
    if (!a || a->entity < 0) return "(none)";
    return hearsay_doc_entity(S_doc, (size_t)a->entity)->name;
}

static const char *S_role(const hearsay_attribution *a) {
    if (!a || a->entity < 0) return "(none)";
    const char *r = hearsay_doc_entity(S_doc, (size_t)a->entity)->role;
    return r ? r : "(none)";
}

TEST(quote_then_speaker_and_cue) {
    S_run("“We will not back down,” Mayor Ann Lee said on Monday.\n");
    const hearsay_attribution *a = S_find("“We will not back down,”");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->kind, HEARSAY_DIRECT);
    STR_EQ(S_speaker(a), "Mayor Ann Lee");
    STR_EQ(S_name(a), "Ann Lee");
    STR_EQ(S_role(a), "Mayor");
    OK(a->has_cue);
    STR_EQ(S_str(&a->cue), "said");
}

TEST(title_in_frame_is_no_continuation) {
    /* a quotation after a word of the frame is a title, not more of the
     * speech (at ce6c72c the podcast's title was the quotation's second
     * part); after the cue and 'but' it goes on */
    S_run("“Being a dad, that’s my job,” Weiner said in May on the podcast “Here’s the Thing.”\n\n"
          "\"The unions have a stranglehold,\" said Steven Brill, author of \"America’s Bitter Pill.\"\n\n"
          "\"You know, I love Larry,\" he said, but \"when it comes to energy, Larry has a history.\"\n");
    const hearsay_attribution *a = S_find("“Being a dad");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->n_parts, 1);
    STR_EQ(S_speaker(a), "Weiner");
    a = S_find("\"The unions");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->n_parts, 1);
    a = S_find("\"You know");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->n_parts, 2);
    STR_EQ(S_speaker(a), "he");
}

TEST(speaker_line_and_set_off_phrase_after_quotation) {
    /* a dash line of its own after a quoted paragraph; a phrase set off
     * after the speaker (no speaker at b9b0ee5); not a credit line after
     * a paragraph that only ends with a quotation */
    S_run("\"The whole idea of a Crooked Hillary needs to stop.\"\n\n-Michelle Marks, Philadelphia.\n\n"
          "\u201cHe had a lot of Missouri supporters,\u201d Blunt, after a long pause, said of Cruz.\n\n"
          "He called him \"my African American.\"\n\n- Reuters.\n");
    STR_EQ(S_speaker(S_find("\"The whole idea")), "Michelle Marks");
    STR_EQ(S_speaker(S_find("\u201cHe had")), "Blunt");
    const hearsay_attribution *a = S_find("\"my African");
    OK(a == NULL || !a->has_speaker);
}

TEST(quotation_goes_on_past_sentence_end) {
    /* a quotation opened in reported speech runs on past a full stop
     * inside it: the content goes to its end (at 9d50d1d it stopped at
     * the first sentence) */
    S_run("Trump said that \"ethanol people do a fantastic job. And it's so important.\" Then he left.\n");
    const hearsay_attribution *a = S_find("that \"ethanol");
    OK(a != NULL);
    if (!a) return;
    const char *last = S_str(&a->parts[a->n_parts - 1]);
    size_t n = strlen(last);
    OK(n >= 14);
    if (n >= 14) STR_EQ(last + n - 14, "so important.\"");
    /* nor at ', and we' inside it (at f850e26 the content stopped at
     * 'court') */
    S_run("Cruz said that if Trump wins \u201cwe will see liberals on the court, and we will see our rights taken "
          "away\u201d in the years ahead.\n");
    a = S_find("that if Trump");
    OK(a != NULL);
    if (!a) return;
    OK(strstr(S_str(&a->parts[a->n_parts - 1]), "rights taken away") != NULL);
}

TEST(no_frame_for_an_embedded_quotation) {
    /* a quotation inside another's clause takes no frame from the next
     * sentence, nor from ', noting that ...' (at 845ebbf: 'seemed' and
     * 'noting' with the speaker 'that Trump') */
    S_run("Campaign chair Paul Manafort dismissed the whole kerfuffle as \u201cabsurd.\u201d Trump\u2019s supporters "
          "seemed equally unperturbed.\n\n"
          "The former secretary of state mocked Trump for calling himself the \u201cking of debt,\u201d noting that "
          "Trump\u2019s tax cuts would cause the debt to skyrocket.\n");
    const hearsay_attribution *a = S_find("\u201cabsurd");
    OK(a == NULL || a->kind != HEARSAY_DIRECT);
    a = S_find("\u201cking of debt");
    OK(a == NULL || a->kind != HEARSAY_DIRECT);
    a = S_find("that Trump\u2019s tax cuts");
    OK(a != NULL);
    if (!a) return;
    STR_EQ(S_speaker(a), "The former secretary of state");
}

TEST(quotation_cut_from_one_content_goes_to_the_next) {
    /* 'blocked' claims the quotation when it is formed, then the end model
     * cuts its content to 'the bill'; the quotation goes to 'said' rather
     * than to nobody (at 4899685 no content held it) */
    S_run("Senate Democrats blocked the bill because they said the language was an untenable \u201cpoison "
          "pill.\u201d\n");
    int held = 0;
    for (size_t i = 0; i < hearsay_doc_count(S_doc); i++) {
        const hearsay_attribution *a = hearsay_doc_get(S_doc, i);
        for (size_t p = 0; p < a->n_parts; p++) held += strstr(S_str(&a->parts[p]), "poison pill") != NULL;
    }
    INT_EQ(held, 1);
}

TEST(inverted_cue_with_apposition) {
    S_run("“The numbers do not add up,” said Tom Ruiz, a budget analyst at the city.\n");
    const hearsay_attribution *a = S_find("“The numbers");
    STR_EQ(S_speaker(a), "Tom Ruiz, a budget analyst at the city");
    STR_EQ(S_name(a), "Tom Ruiz");
    /* a common noun goes on past a name (at 4339423: 'a Trump') */
    S_run("“Nobody cares about this at all,” wrote a Trump supporter who runs a Twitter account.\n");
    STR_EQ(S_speaker(S_find("“Nobody cares")), "a Trump supporter who runs a Twitter account");
}

/* A name that opens with a verb of saying ('Hope Hicks') is a name, in
 * either order of speaker and cue (at 154f2f1: no speaker, and 'said in
 * the statement' taken for reported speech). */
TEST(name_opening_with_a_verb) {
    S_run("“He is innocent,” Trump spokeswoman Hope Hicks said in the statement.\n\n"
          "“We will win,” said Hope Hicks.\n");
    const hearsay_attribution *a = S_find("“He is innocent,”");
    STR_EQ(S_speaker(a), "Trump spokeswoman Hope Hicks");
    if (a && a->has_cue) STR_EQ(S_str(&a->cue), "said");
    OK(S_find("in the statement") == NULL);
    STR_EQ(S_speaker(S_find("“We will win,”")), "Hope Hicks");
    STR_EQ(S_name(S_find("“We will win,”")), "Hope Hicks");
}

/* A name, then an apposition with its own phrases and commas, then the cue. */
TEST(subject_with_long_apposition) {
    S_run("Brian Fallon, a spokesman for the Clinton campaign, said, “The process was followed.”\n"
          "In Boston, Ann Lee, a lawyer from Quincy, Massachusetts, said, “We will appeal.”\n");
    const hearsay_attribution *a = S_find("“The process"), *b = S_find("“We will appeal");
    STR_EQ(S_speaker(a), "Brian Fallon, a spokesman for the Clinton campaign");
    STR_EQ(S_name(a), "Brian Fallon");
    STR_EQ(S_speaker(b), "Ann Lee, a lawyer from Quincy, Massachusetts");
    STR_EQ(S_name(b), "Ann Lee");
    /* a prepositional phrase set off after the subject */
    S_run("Clinton, during a town hall meeting in Columbus, Ohio, said the plan would pass.\n");
    a = S_find("the plan would pass");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "Clinton");
    S_run("Tom Fitton, the president of Judicial Watch, a conservative group that has sued to obtain "
          "records from the State Department, said the plan would pass.\n");
    a = S_find("the plan would pass");
    OK(a != NULL);
    if (a) STR_EQ(S_name(a), "Tom Fitton");
    S_run("The two lawmakers, however, argue that the plan would pass.\n");
    a = S_find("that the plan would pass");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "The two lawmakers");
    /* set off by 'too', after an auxiliary, after 'who' (at b9fd6d0: no
     * speaker for any) */
    S_run("Jeb Bush, too, instructed the bureau to stop booking appearances.\n\n"
          "The Sanders campaign had, earlier Tuesday, sent a fundraising email that included a plea.\n\n"
          "It angered the leadership, who, on a press call Friday, criticized Sanders for stealing data.\n");
    STR_EQ(S_speaker(S_find("the bureau to stop")), "Jeb Bush");
    STR_EQ(S_speaker(S_find("that included a plea")), "The Sanders campaign");
    STR_EQ(S_speaker(S_find("Sanders for stealing")), "who");
    /* a name with its party and state, then the apposition (at 154f2f1:
     * no speaker) */
    S_run("Rep. Elijah Cummings (D-Md.), chair of the platform committee, said Clinton was not concerned.\n");
    a = S_find("Clinton was not");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "Rep. Elijah Cummings (D-Md.), chair of the platform committee");
    /* a phrase set off by dashes after a one-word subject, or after an
     * opening phrase; an opening time is no part of what is reported
     * (at 4d0283c: no speaker for either, and 'On Friday' a content) */
    S_run("Gingrich — the leading choice for running mate — told reporters that he would consider it.\n\n"
          "On Friday, Byrne — a former Secret Service officer — told Fox News that Clinton lied.\n");
    STR_EQ(S_speaker(S_find("that he would")), "Gingrich — the leading choice for running mate");
    a = S_find("that Clinton lied");
    OK(a != NULL);
    if (a) {
        STR_EQ(S_speaker(a), "Byrne — a former Secret Service officer");
        INT_EQ(a->n_parts, 1);
    }
    /* ... and with dashes typed as two hyphens (at 1f5a634: 'husband') */
    S_run("Mrs. Clinton -- whose husband signed the act into law -- has publicly derided the bill.\n");
    STR_EQ(S_speaker(S_find("the bill")), "Mrs. Clinton -- whose husband signed the act into law");
    /* an 'including' phrase set off after a common noun subject (no
     * speaker at 1f5a634) */
    S_run("Several leading Republican candidates, including Donald J. Trump and Ted Cruz, said the trade was bad.\n");
    STR_EQ(S_speaker(S_find("the trade was")),
           "Several leading Republican candidates, including Donald J. Trump and Ted Cruz");
}

/* After a quotation that leaves its sentence open, the frame's speaker may
 * be a common noun phrase, a possessive chain or carry a prepositional
 * phrase; a scare quote mid-sentence gets no such frame. */
TEST(loose_speaker_after_quotation) {
    S_run("“It is more of the same,” says a narrator.\n"
          "“We will not stand for it,” a spokesman for committee Democrats said.\n"
          "''Big tax cuts are wrong,'' James Pethokoukis of the American Enterprise Institute wrote.\n"
          "He defended “New York values,” saying the city embodied the best of America.\n");
    STR_EQ(S_speaker(S_find("“It is more")), "a narrator");
    STR_EQ(S_speaker(S_find("“We will not")), "a spokesman for committee Democrats");
    STR_EQ(S_speaker(S_find("''Big tax")), "James Pethokoukis of the American Enterprise Institute");
    /* the resolved names: the person, not the place or body after 'of' */
    STR_EQ(S_name(S_find("''Big tax")), "James Pethokoukis");
    STR_EQ(S_role(S_find("''Big tax")), "American Enterprise Institute");
    OK(strcmp(S_name(S_find("“We will not")), "Democrats") != 0);
    const hearsay_attribution *a = S_find("“New York values,”");
    OK(a == NULL || !a->has_speaker || strcmp(S_speaker(a), "the city") != 0);
}

/* A quotation opening a sentence after a narrative sentence of the same
 * paragraph takes that sentence's subject; after a frame it continues. */
TEST(speaker_from_previous_sentence) {
    S_run("Clinton touted her credentials as a co-sponsor of the bill. \"We need to find ways to support workers.\"\n"
          "\"You know, it happens, right?\" Trump added. \"But you have to get over it and fight back.\"\n");
    const hearsay_attribution *a = S_find("\"We need"), *b = S_find("\"You know");
    STR_EQ(S_speaker(a), "Clinton");
    OK(b && b->n_parts == 2);
}

/* A quotation closing a clause it did not open, then the frame: the clause
 * is the content, a mixed attribution. */
TEST(clause_closed_by_quotation) {
    S_run("Ms. Brainard is \"not a backslapper,\" said Mr. Sperling, a former adviser.\n");
    const hearsay_attribution *a = S_find("Ms. Brainard is");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->kind, HEARSAY_MIXED);
    STR_EQ(S_speaker(a), "Mr. Sperling, a former adviser");
    /* a reporting participle after the quotation's comma ends the clause */
    S_run("Trump insisted that he has \"expanded the Republican party,\" claiming that he is responsible for turnout.\n");
    a = S_find("that he has");
    OK(a != NULL);
    if (!a) return;
    STR_EQ(S_str(&a->parts[0]), "that he has \"expanded the Republican party");
    OK(S_find("that he is responsible") != NULL);
}

/* A colon before a quotation announces speech even with no verb of saying:
 * the speaker is the subject of the clause before it. */
TEST(colon_without_cue_word) {
    S_run("Asked whether the campaign should apologize, Mr. Smith shot back: \"That would be good for everyone.\"\n"
          "Pollsters agree - Carl Bialik: \"One of the biggest lessons was a simple one.\"\n");
    STR_EQ(S_speaker(S_find("\"That would")), "Mr. Smith");
    STR_EQ(S_speaker(S_find("\"One of the")), "Carl Bialik");
}

/* A frame set inside the clause it reports: the clause's two parts are the
 * content. */
TEST(frame_interrupts_clause) {
    S_run("These sources, the lawyers said, \"all command the same conclusion\" that he is eligible.\n");
    const hearsay_attribution *a = S_find("These sources");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->kind, HEARSAY_MIXED);
    INT_EQ(a->n_parts, 2);
    STR_EQ(S_speaker(a), "the lawyers");
}

/* A cue joined to an earlier clause ('smiled and said', ', shouting') takes
 * that clause's subject; a participle or adjective phrase, or an adverb,
 * between subject and cue is passed over. */
TEST(subject_across_clause_and_participle) {
    S_run("When asked whom she supported, Ms. Sherry smiled and said, \"I'm waiting for Bloomberg.\"\n"
          "The first incident came during a speech, when Sanders protesters interrupted her speech, "
          "shouting \"she wins, we lose!\"\n"
          "Fiorina, speaking to Iowans, said, \"You hadn't started voting yet.\"\n"
          "Others, reacting to the video's release, shouted, \"Stop the coverup!\"\n"
          "Clinton, exasperated, famously responded: \"What difference does it make?\"\n"
          "As Andrew Tabler, an expert on Syria, noted, \"Everyone in the region is waiting.\"\n");
    STR_EQ(S_speaker(S_find("\"I'm waiting")), "Ms. Sherry");
    STR_EQ(S_speaker(S_find("\"she wins")), "Sanders protesters");
    STR_EQ(S_speaker(S_find("\"You hadn't")), "Fiorina");
    STR_EQ(S_speaker(S_find("\"Stop the")), "Others");
    STR_EQ(S_speaker(S_find("\"What difference")), "Clinton");
    STR_EQ(S_speaker(S_find("\"Everyone in")), "Andrew Tabler, an expert on Syria");
}

/* A common noun phrase opening its clause is the subject of a cue the
 * name and pronoun readers find none for; not the word before a
 * participle. */
TEST(common_noun_phrase_subject) {
    S_run("The most recent poll shows that Cruz has fallen to 27 percent.\n"
          "About three in 10 said that they would vote for him.\n"
          "Governors in more than two dozen states said that they would refuse the refugees.\n"
          "Gallup's own tracking poll found that he is at 40 percent.\n");
    STR_EQ(S_speaker(S_find("that Cruz")), "The most recent poll");
    STR_EQ(S_speaker(S_find("that they would vote")), "About three in 10");
    STR_EQ(S_speaker(S_find("that they would refuse")), "Governors in more than two dozen states");
    STR_EQ(S_speaker(S_find("that he is at")), "Gallup's own tracking poll");
    S_run("Polls there show that Trump is ahead.\n");
    STR_EQ(S_speaker(S_find("that Trump")), "Polls there");
    /* with a phrase set off after it, an apposition, a prepositional
     * phrase; a place in the phrase is no name for the speaker */
    S_run("Legislative leaders in North Carolina, for instance, noted that the law was popular.\n"
          "One Republican presidential hopeful, Carly Fiorina, says that the plan failed.\n"
          "Sanders, whose coalition includes young people, said that he would stay.\n"
          "James Pethokoukis of the American Enterprise Institute said that it would fail.\n"
          "Voters in Iowa said that they were tired.\n");
    const hearsay_attribution *a = S_find("that the law");
    STR_EQ(S_speaker(a), "Legislative leaders in North Carolina");
    STR_EQ(S_name(a), "Legislative leaders in North Carolina");
    STR_EQ(S_speaker(S_find("that the plan")), "One Republican presidential hopeful, Carly Fiorina");
    STR_EQ(S_speaker(S_find("that he would stay")), "Sanders, whose coalition includes young people");
    a = S_find("that it would fail");
    STR_EQ(S_speaker(a), "James Pethokoukis of the American Enterprise Institute");
    STR_EQ(S_name(a), "James Pethokoukis");
    a = S_find("that they were tired");
    STR_EQ(S_speaker(a), "Voters in Iowa");
    STR_EQ(S_name(a), "Voters in Iowa");
    /* a relative clause set off after a common noun phrase stays in it;
     * a bare participle is no subject */
    S_run("A communications aide for the senator, who financed the campaign, said that the money was gone.\n"
          "The senator changed course, having argued last week that the bill would fail.\n");
    STR_EQ(S_speaker(S_find("that the money")), "A communications aide for the senator, who financed the campaign");
    /* (the speaker was 'having') */
    STR_EQ(S_speaker(S_find("that the bill would fail")), "The senator");
    /* after an opening 'But' or 'And'; a phrase set off with 'led by'; a
     * parenthesis before the comma (each had no speaker at d7b9508) */
    S_run("Prices fell. But Tom Miller, at a consulting firm called Gavekal Dragonomics, argues that growth will "
          "suffer.\n"
          "The aides, led by campaign manager Terry Sullivan, told the group that they were confident.\n"
          "Sen. Jack Reed (D-R.I.), said after a lunch on Tuesday that the plan was flawed.\n");
    STR_EQ(S_speaker(S_find("that growth")), "Tom Miller");
    STR_EQ(S_speaker(S_find("that they were confident")), "The aides");
    STR_EQ(S_speaker(S_find("that the plan was flawed")), "Sen. Jack Reed (D-R.I.)");
    /* an apposition opening with a possessive or 'many of them', after a
     * subject widened over its prepositional phrase; a set-off adverb in
     * -ly (no speaker at 7f3df37) */
    S_run("The crowd cheered. Hicks, his campaign spokeswoman, added that many of them were Jewish.\n"
          "His critics in the United States, many of them conservative Catholics, argue that Francis is a "
          "politician.\n"
          "Democrats, historically, have argued that the wages were too low.\n");
    STR_EQ(S_speaker(S_find("that many of them")), "Hicks, his campaign spokeswoman");
    STR_EQ(S_speaker(S_find("that Francis")), "His critics in the United States, many of them conservative Catholics");
    STR_EQ(S_speaker(S_find("that the wages")), "Democrats");
    /* an inverted frame whose speaker opens with a lower-case modifier;
     * a common noun phrase with 'on' before the verb (no speaker at
     * e6c1ea7; the first also gave an indirect attribution whose content
     * was the speaker) */
    S_run("\"I don't know exactly where he stands on that,\" said undecided Republican voter Stephanie Hooton of "
          "Derry.\n\n"
          "''Publish the book,'' the pitch on Kickstarter says.\n");
    STR_EQ(S_speaker(S_find("\"I don't know")), "undecided Republican voter Stephanie Hooton of Derry");
    OK(S_find("undecided Republican") == NULL);
    STR_EQ(S_speaker(S_find("''Publish")), "the pitch on Kickstarter");
    /* a subject before a phrase set off by dashes takes it, as an
     * apposition (at d7e47d6: no speaker, and 'he' from inside the
     * dashes); a prepositional phrase after 'who' is no subject */
    S_run("Jason Sims \u2014 a teacher from Mount Pleasant \u2014 says that the schools are full.\n"
          "GOP front-runner Donald Trump - who previously said he would bomb the oil fields - said at a rally "
          "that the attacks were terrible.\n"
          "Zucker, who in the past has said that he wanted to run, told reporters that he was done.\n");
    a = S_find("that the schools");
    STR_EQ(S_speaker(a), "Jason Sims \u2014 a teacher from Mount Pleasant");
    STR_EQ(S_name(a), "Jason Sims");
    a = S_find("that the attacks");
    /* (but not a clause with a cue of its own, as train's gold has it:
     * below, speaker_stops_before_another_cue) */
    STR_EQ(S_speaker(a), "GOP front-runner Donald Trump");
    STR_EQ(S_name(a), "Donald Trump");
    STR_EQ(S_speaker(S_find("that he wanted to run")), "who");
    /* adverbs and time phrases between subject and verb; 'every'; a
     * subject 'familiar with' (no speaker at 409ca96) */
    S_run("Congress only voted for a delay, and city officials have since argued that the tax was unfair.\n"
          "Fiorina a month later announced that 6,000 workers would be laid off.\n"
          "DuPont, only two months later, announced that it would merge with Dow Chemical.\n"
          "A person familiar with the planning for the meeting says the discussion will focus on the rules.\n");
    STR_EQ(S_speaker(S_find("a delay")), "Congress");
    STR_EQ(S_speaker(S_find("that the tax")), "city officials");
    STR_EQ(S_speaker(S_find("that 6,000")), "Fiorina");
    STR_EQ(S_speaker(S_find("that it would merge")), "DuPont");
    STR_EQ(S_speaker(S_find("the discussion")), "A person familiar with the planning for the meeting");
    /* a relative clause with a cue of its own is not part of the
     * speaker (at bd6c7b2 it was); without one it stays (above) */
    S_run("Cruz, who says Trump is attacking him because the polls have tightened, said that he would stay.\n\n"
          "\"We are fine,\" said Podesta, who said the project was vetted by his firm's counsel.\n");
    STR_EQ(S_speaker(S_find("that he would stay")), "Cruz");
    STR_EQ(S_speaker(S_find("\"We are fine")), "Podesta");
    /* a participle takes no name-and-apposition pair that does not open
     * the clause (at 41a0ed9: 'Mar-a-Lago, Mr. Trump's private club') */
    S_run("On Friday, Mr. Carson endorsed Mr. Trump at a news conference at Mar-a-Lago, Mr. Trump's private club, "
          "calling him a good man.\n");
    STR_EQ(S_speaker(S_find("him a good man")), "Mr. Carson");
    /* a subject with a restrictive relative clause keeps it */
    S_run("Others who have advocated a tougher approach against terrorist groups said that military action "
          "would not work.\n");
    STR_EQ(S_speaker(S_find("that military action")),
           "Others who have advocated a tougher approach against terrorist groups");
    /* a participle phrase with a comma inside it */
    S_run("Sen. Chuck Grassley, facing a spirited challenge in Iowa, a swing state, said that he would "
          "welcome Cruz.\n");
    STR_EQ(S_speaker(S_find("that he would welcome")), "Sen. Chuck Grassley");
    /* a participle's subject past an opening conjunction or adverb, or
     * after 'with' */
    S_run("And then Trump went fully on the attack, saying that the president had failed.\n"
          "The two are locked in a tight race, with recent polls showing that Clinton is ahead.\n");
    STR_EQ(S_speaker(S_find("that the president had failed")), "Trump");
    STR_EQ(S_speaker(S_find("that Clinton is ahead")), "recent polls");
    S_run("She stayed on message while suggesting that the deal was dead.\n");
    a = S_find("that the deal");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "She");
}

/* Frames the rules used to miss: "US" before a title is the country; a
 * determiner and a noun that is also a verb of saying ('the report said');
 * a cue before the name in a colon frame. */
TEST(report_us_and_inverted_colon_frames) {
    S_run("\"The great state of Alabama is proud!\" US Senator Jeff Sessions said as he began.\n"
          "\"Even the computer had been hacked,\" the report said.\n"
          "Continued Stone: \"So I think it's a very real problem.\"\n"
          "According to HuffPo: \"Senator Tim Kaine has had a mixed record.\"\n");
    STR_EQ(S_speaker(S_find("\"The great")), "US Senator Jeff Sessions");
    STR_EQ(S_speaker(S_find("\"Even the")), "the report");
    const hearsay_attribution *a = S_find("\"So I think");
    STR_EQ(S_speaker(a), "Stone");
    STR_EQ(S_name(a), "Stone");
    STR_EQ(S_speaker(S_find("\"Senator Tim")), "HuffPo");
    /* a pronoun alone after the quotation */
    S_run("\"America is great! Trump is disgusting,\" read one.\n");
    STR_EQ(S_speaker(S_find("\"America is")), "one");
}

/* Label lines: a headline 'Name: what they said' and a transcript line
 * opened by a name in capitals are attributed whole; 'The Latest:' and a
 * tally ('Clinton: 547.') are not. */
TEST(label_lines) {
    S_run("Issa: Hillary Clinton's 'Honesty Is In Question.'\n"
          "Rep. Darrell Issa spoke on Sunday.\n"
          "JAKE TAPPER: Donald Trump released a video on Friday about racial healing.\n"
          "FALLIN: Well, I think the whole nation needs to work together.\n"
          "Clinton: 547.\n");
    const hearsay_attribution *a = S_find("Hillary Clinton's");
    STR_EQ(S_speaker(a), "Issa");
    OK(a && !a->has_cue);
    STR_EQ(S_speaker(S_find("Donald Trump released")), "JAKE TAPPER");
    STR_EQ(S_speaker(S_find("Well, I think")), "FALLIN");
    OK(S_find("the whole nation") == NULL); /* no reported speech inside the line */
    OK(S_find("547") == NULL);
    S_run("The Latest: Cruz to give away engraved shotgun in Iowa.\n");
    OK(hearsay_doc_count(S_doc) == 0);
}

/* Subjects of reported speech without a name: bare plurals, quantities,
 * and a time phrase between subject and cue. */
TEST(bare_and_timed_subjects) {
    S_run("Other refugee advocates also said the government should go further.\n"
          "Among Trump voters, 74 percent said they are set on voting for him.\n"
          "Cruz on Friday said that he had struck no deal with anyone.\n");
    STR_EQ(S_speaker(S_find("the government should")), "Other refugee advocates");
    STR_EQ(S_speaker(S_find("they are set")), "74 percent");
    STR_EQ(S_speaker(S_find("that he had struck")), "Cruz");
}

TEST(split_quotation_is_one_attribution) {
    S_run("“We are ready,” she said. “The vote is Tuesday.”\n");
    INT_EQ(hearsay_doc_count(S_doc), 1);
    const hearsay_attribution *a = S_find("“We are ready,”");
    OK(a != NULL);
    if (a) INT_EQ(a->n_parts, 2);
    /* a quotation after another cue in the frame's sentence is not a
     * continuation: it belongs to that cue */
    S_run("“Thank you, son,” Cruz replied, before adding that he thinks “children should speak with respect.”\n");
    a = S_find("“Thank you");
    OK(a != NULL);
    if (a) INT_EQ(a->n_parts, 1);
    a = S_find("that he thinks");
    OK(a != NULL);
    if (a) INT_EQ(a->kind, HEARSAY_MIXED);
    /* the subject of a participle cue after a quotation that opens the
     * sentence */
    S_run("“Keep your hands in sight,” Blige sings to Clinton before asking, “Where do we go from here?”\n");
    a = S_find("“Where do we go");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "Blige");
    /* a quotation after a sentence-opening 'But' continues it */
    S_run("“It is not do or die,” he said outside. But “the campaign is stronger with it.”\n");
    INT_EQ(hearsay_doc_count(S_doc), 1);
    a = S_find("“It is not");
    if (a) INT_EQ(a->n_parts, 2);
}

TEST(multi_paragraph_quotation) {
    S_run("Senator Maria Vega said the bill was a start.\n"
          "“It gives families a break. It is not enough.\n"
          "“We will be back next year with more,” Vega said.\n");
    const hearsay_attribution *a = S_find("“It gives families");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->n_parts, 2);
    STR_EQ(S_name(a), "Maria Vega");
}

TEST(continuation_without_cue) {
    S_run("“Nobody expected this,” Ann Lee told reporters. “But we are ready for it.”\n");
    const hearsay_attribution *a = S_find("“Nobody expected this,”");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->n_parts, 2);
    OK(a->has_addressee);
    if (a->has_addressee) STR_EQ(S_str(&a->addressee), "reporters");
}

/* An addressee of a determiner and common nouns, before the quotation. */
TEST(addressee_common_noun_phrase) {
    S_run("Clinton told her supporters, “I still love New Hampshire, and I always will.”\n");
    const hearsay_attribution *a = S_find("“I still love");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->kind, HEARSAY_DIRECT);
    STR_EQ(S_str(&a->content), "“I still love New Hampshire, and I always will.”");
    OK(a->has_addressee);
    if (a->has_addressee) STR_EQ(S_str(&a->addressee), "her supporters");
}

TEST(colon_style) {
    S_run("Governor Sam Hill: “We are not raising taxes this year.”\n");
    const hearsay_attribution *a = S_find("“We are not raising");
    STR_EQ(S_speaker(a), "Governor Sam Hill");
    STR_EQ(S_name(a), "Sam Hill");
    if (a && a->has_cue) STR_EQ(S_str(&a->cue), ":");
}

TEST(pronoun_takes_last_person) {
    S_run("Mayor Ann Lee spoke first. “The bridge is safe,” she said.\n");
    const hearsay_attribution *a = S_find("“The bridge is safe,”");
    STR_EQ(S_speaker(a), "she");
    STR_EQ(S_name(a), "Ann Lee");
    /* a place in the speaker's phrase is no antecedent */
    S_run("Rep. Ann Lee of New York said the bill will pass.\n\n“It is fine,” she said.\n");
    a = S_find("“It is fine,”");
    OK(a != NULL);
    if (a) OK(strstr(S_name(a), "Ann Lee") != NULL);
}

TEST(names_inside_quotations_are_not_antecedents) {
    S_run("“Here comes Big Daddy,” she said.\n");
    const hearsay_attribution *a = S_find("“Here comes Big Daddy,”");
    STR_EQ(S_speaker(a), "she");
    STR_EQ(S_name(a), "(none)");
}

TEST(surname_takes_fullest_name) {
    S_run("Secretary of State Antony Blinken declined to comment.\n"
          "“We will do it,” Blinken said.\n");
    const hearsay_attribution *a = S_find("“We will do it,”");
    STR_EQ(S_speaker(a), "Blinken");
    STR_EQ(S_name(a), "Antony Blinken");
}

TEST(groups_are_kept_as_written) {
    S_run("Officials said the plant would close in March.\n");
    const hearsay_attribution *a = S_find("the plant would close");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->kind, HEARSAY_INDIRECT);
    STR_EQ(S_speaker(a), "Officials");
    STR_EQ(S_name(a), "Officials");
    /* names joined by 'and' are a group, not the last of them; a floating
     * 'all' stands between the subject and its verb */
    S_run("Ted Cruz and Rand Paul have all said that the plan failed.\n"
          "Klain, chief of staff to Biden and Harris, said that the plan would work.\n");
    a = S_find("that the plan failed");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "Ted Cruz and Rand Paul");
    if (a) STR_EQ(S_name(a), "Ted Cruz and Rand Paul");
    STR_EQ(S_name(S_find("that the plan would work")), "Klain");
}

TEST(reported_speech_with_that) {
    S_run("The governor told lawmakers that the budget would balance by June.\n");
    const hearsay_attribution *a = S_find("that the budget would balance by June");
    OK(a != NULL);
    if (!a) return;
    STR_EQ(S_speaker(a), "The governor");
    OK(a->has_addressee);
    if (a->has_addressee) STR_EQ(S_str(&a->addressee), "lawmakers");
}

/* A reporting clause set off by commas inside the sentence reports both
 * sides of it; a participle after it is about the speaker. */
TEST(parenthetical_reporting_clause) {
    S_run("The argument would be aided, Devine said, by the upcoming primary calendar.\n");
    const hearsay_attribution *a = S_find("The argument");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->kind, HEARSAY_INDIRECT);
    INT_EQ(a->n_parts, 2);
    STR_EQ(S_str(&a->parts[0]), "The argument would be aided");
    if (a->n_parts == 2) STR_EQ(S_str(&a->parts[1]), "by the upcoming primary calendar");
    STR_EQ(S_speaker(a), "Devine");
    S_run("Sales were great this year, the owner said, wiping sweat off his face.\n");
    a = S_find("Sales were great");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->n_parts, 1);
    STR_EQ(S_str(&a->parts[0]), "Sales were great this year");
    STR_EQ(S_speaker(a), "the owner");
    /* with an addressee; not before a quotation */
    S_run("The solution, the partner told them, was simple.\n");
    a = S_find("The solution");
    OK(a != NULL);
    if (a) INT_EQ(a->n_parts, 2);
    S_run("In discussing the race, John Bolton told the show, \"It is over.\"\n");
    OK(S_find("In discussing") == NULL);
}

/* A reporting clause closing its sentence, with only a phrase or a
 * speaker's apposition after the cue, reports the clause before it; an
 * opening participle is not such a clause. */
TEST(closing_reporting_clause) {
    S_run("In a tight race, the union will likely sit out the election, Ann Lee said in a video message to members.\n");
    const hearsay_attribution *a = S_find("In a tight race");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->kind, HEARSAY_INDIRECT);
    STR_EQ(S_str(&a->parts[0]), "In a tight race, the union will likely sit out the election");
    STR_EQ(S_speaker(a), "Ann Lee");
    S_run("The plan has no real upside for the mayor, said Michael Ruiz, a senior fellow at the institute.\n");
    a = S_find("The plan");
    OK(a != NULL);
    if (!a) return;
    STR_EQ(S_str(&a->parts[0]), "The plan has no real upside for the mayor");
    STR_EQ(S_speaker(a), "Michael Ruiz, a senior fellow at the institute");
    /* a relative pronoun's clause, and a one-word answer, are no closing clause */
    S_run("They told the officials, who then said no.\n");
    OK(S_find("They told") == NULL);
    S_run("They told the officials, who said no.\n");
    OK(S_find("They told") == NULL);
    S_run("Speaking in Iowa on Monday, she said in an interview that the union will sit out.\n");
    OK(S_find("Speaking") == NULL);
    a = S_find("that the union");
    OK(a != NULL);
}

/* A nominal cue after a possessive, with either apostrophe. */
TEST(possessive_nominal_cue) {
    S_run("Politifact seized on Trump's assertion that there were thousands of shootings.\n");
    const hearsay_attribution *a = S_find("that there were");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "Trump");
    S_run("Politifact seized on Trump\xe2\x80\x99s assertion that there were thousands of shootings.\n");
    a = S_find("that there were");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "Trump");
    /* a possessive pronoun is the source itself (none at 153bc60) */
    S_run("Politifact seized on his assertion that there were thousands of shootings.\n");
    a = S_find("that there were");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "his");
}

/* 'which he said ...': the relative pronoun is part of what is reported. */
TEST(relative_pronoun_before_the_speaker) {
    S_run("The judge gave him probation, which he said was not a prison sentence.\n");
    const hearsay_attribution *a = S_find("which");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->n_parts, 2);
    if (a->n_parts == 2) STR_EQ(S_str(&a->parts[1]), "was not a prison sentence");
    STR_EQ(S_speaker(a), "he");
    /* a relative 'that' after a noun, its verb after the cue (at 10ba90d:
     * one part); not the complementizer */
    S_run("He cut taxes - moves that he said improved the economy.\n\n"
          "There are signs that voters said they liked him.\n");
    a = S_find("that he said");
    OK(a != NULL);
    if (a) INT_EQ(a->n_parts, 2);
    OK(S_find("that voters") == NULL);
}

/* Reported speech stops where another reporting clause starts. */
TEST(content_stops_at_another_reporting_clause) {
    S_run("Voters said they cared most about honesty, officials announced on Tuesday.\n");
    const hearsay_attribution *a = S_find("they cared");
    OK(a != NULL);
    if (a) STR_EQ(S_str(&a->parts[a->n_parts - 1]), "they cared most about honesty");
    S_run("Clinton expressed admiration for his retail political skills, telling CNBC that he was a friend.\n");
    a = S_find("admiration");
    OK(a != NULL);
    if (a) STR_EQ(S_str(&a->parts[a->n_parts - 1]), "admiration for his retail political skills");
}

/* Does any attribution's cue lie in another's content? */
static int S_nested(void) {
    size_t n = hearsay_doc_count(S_doc);
    for (size_t i = 0; i < n; i++) {
        const hearsay_attribution *a = hearsay_doc_get(S_doc, i);
        for (size_t j = 0; j < n && a->has_cue; j++) {
            const hearsay_attribution *b = hearsay_doc_get(S_doc, j);
            for (size_t p = 0; p < b->n_parts && i != j; p++)
                if (b->parts[p].byte_start <= a->cue.byte_start && a->cue.byte_start < b->parts[p].byte_end) return 1;
        }
    }
    return 0;
}

/* PolNeAR never nests one attribution in another: a cue inside another
 * content is dropped (at e13672b 'sees' was a second attribution inside
 * 'said''s content). */
TEST(no_attribution_inside_another) {
    S_run("Mary Kay Henry said her organization is going into overdrive to stand up against Trump because "
          "she sees him as a real threat.\n");
    OK(!S_nested());
    OK(S_find("her organization") != NULL);
    OK(S_find("him as a real threat") == NULL);
    S_run("The mayor said that the council, which critics say is too slow, would vote on Monday, "
          "and that residents believe the plan is fair.\n\n"
          "\"We are ready,\" he said, adding that the police chief told him the city was safe.\n");
    OK(!S_nested());
}

/* A speaker phrase ends before a clause holding another attribution's cue
 * (at a44f7e1 the speakers ran on to the clause's end). */
TEST(speaker_stops_before_another_cue) {
    S_run("\"We are ready,\" said Gil Kerlikowske, the border commissioner, who conceded that many more "
          "tunnels might exist.\n\n"
          "John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said that he would stay home.\n");
    STR_EQ(S_speaker(S_find("\"We are ready")), "Gil Kerlikowske, the border commissioner");
    const hearsay_attribution *a = S_find("that he would stay");
    OK(a != NULL && a->has_cue);
    if (a && a->has_cue) STR_EQ(S_str(&a->cue), "said");
    STR_EQ(S_speaker(a), "John Kasich of Ohio, a Republican");
    STR_EQ(S_name(a), "John Kasich");
}

/* Two cues that claim the same content leave it to the nearer (at a44f7e1
 * 'citing' and 'reported' both had it). */
TEST(one_attribution_per_content) {
    S_run("The Journal, citing internal documents, reported that the campaign is spending more than it takes in.\n");
    size_t n = 0;
    for (size_t i = 0; i < hearsay_doc_count(S_doc); i++) {
        const hearsay_attribution *a = hearsay_doc_get(S_doc, i);
        if (strncmp(S_text + a->parts[0].byte_start, "that the campaign", 17)) continue;
        n++;
        OK(a->has_cue);
        if (a->has_cue) STR_EQ(S_str(&a->cue), "reported");
    }
    INT_EQ(n, 1);
}

/* A conjunction or subordinator opens the speaker's clause and is no part
 * of the speaker; quantifier pronouns and 'close to' are subjects (at
 * de1bb55: 'while Smith', no attribution for 'Yet another said', 'him'). */
TEST(subject_after_conjunction) {
    S_run("One says China has the most, while Smith says the United States has twice as many.\n\n"
          "Yet another said, \"Rubio is in a battle with Bush.\"\n\n"
          "A source close to him said that Cruz will change his approach.\n");
    STR_EQ(S_speaker(S_find("the United States has")), "Smith");
    STR_EQ(S_speaker(S_find("\"Rubio is in")), "another");
    STR_EQ(S_speaker(S_find("that Cruz will change")), "A source close to him");
    /* a participle opening the sentence after a subordinator takes the
     * main clause's subject (no speaker at e32913c) */
    S_run("After suggesting on Wednesday that he regretted lobbing insults at Mr. Trump, Mr. Rubio said he "
          "would stay.\n");
    STR_EQ(S_speaker(S_find("that he regretted")), "Mr. Rubio");
    /* ... and so does a participle opening it alone (none at 4d0283c) */
    S_run("Noting that both men battled the media, Schlafly wrote that Trump would win.\n");
    STR_EQ(S_speaker(S_find("that both men")), "Schlafly");
    /* a cue in an infinitive takes its clause's subject (none at 26d4524) */
    S_run("Mr. Loeb flew to Washington on Monday to argue that the rules were unfair.\n");
    STR_EQ(S_speaker(S_find("that the rules")), "Mr. Loeb");
    /* a quantifier standing alone before a verb cue is its subject, not
     * the determiner of a nominal cue (at 6f2fdf9: 'Some' in neither
     * attribution, the first without a speaker, the second not formed) */
    S_run("Some seek to be removed from the lists.\n\nWhile one company says there are 2,400, another says "
          "there are about 1,800.\n");
    STR_EQ(S_speaker(S_find("to be removed")), "Some");
    STR_EQ(S_speaker(S_find("there are about 1,800")), "another");
    /* 'that' right before its cue is the subject (none at c9f0855) */
    S_run("That suggests a lack of confidence in the system.\n\n"
          "A new poll that shows Trump leading in Ohio was released on Monday.\n");
    STR_EQ(S_speaker(S_find("a lack of confidence")), "That");
    STR_EQ(S_speaker(S_find("Trump leading")), "that");
    /* a participle inside a relative clause set off by a comma takes its
     * 'who', and 'who' the name before the comma (at 6bffa07: 'the
     * nominee') */
    S_run("For an hour, the nominee sat face to face with House Speaker Paul Ryan, who just a week ago surprised "
          "Trump by declaring he could not yet support his candidacy.\n");
    const hearsay_attribution *a = S_find("he could not yet");
    STR_EQ(S_speaker(a), "who");
    STR_EQ(S_name(a), "Paul Ryan");
}

/* A raising verb has no source; its subject is part of what is reported. */
TEST(raising_verb_subject_is_content) {
    S_run("The speaker appeared closer to offering a full endorsement of the plan.\n");
    const hearsay_attribution *a = S_find("The speaker");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->n_parts, 2);
    OK(!a->has_speaker);
    if (a->n_parts == 2) STR_EQ(S_str(&a->parts[1]), "closer to offering a full endorsement of the plan");
}

/* A passive cue: with no agent its subject was told or asked, and is no
 * source; a state ('are worried') keeps its subject; an agent after 'by'
 * is the source, and the subject what it said. */
TEST(passive_cue_has_no_source) {
    S_run("Mr. Sanders had been told that he would probably lose the vote.\n"
          "Many Republicans are worried that Mr. Trump will lose the election.\n");
    const hearsay_attribution *a = S_find("that he would probably");
    OK(a != NULL);
    if (a) OK(!a->has_speaker);
    a = S_find("that Mr. Trump will lose");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "Many Republicans");
    /* with an agent: the agent says, the subject is what is said */
    S_run("The move was criticized by left-leaning economists.\n");
    a = S_find("The move");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "left-leaning economists");
    OK(!S_find("by left-leaning"));
    S_run("Both incidents were claimed by the so-called Islamic State.\n");
    a = S_find("Both incidents");
    OK(a != NULL);
    if (a) STR_EQ(S_speaker(a), "the so-called Islamic State");
}

TEST(according_to) {
    S_run("The deficit will triple by 2030, according to a report by the budget office.\n");
    const hearsay_attribution *a = S_find("The deficit will triple");
    OK(a != NULL);
    if (!a) return;
    STR_EQ(S_speaker(a), "a report by the budget office");
    if (a->has_cue) STR_EQ(S_str(&a->cue), "according to");
    /* a long source phrase, up to its comma (train has 19 of 394 sources
     * of 16 tokens or more) */
    S_run("According to early results of the exit polls conducted for the Associated Press and "
          "television networks by Edison Research, majorities of Democratic voters want more.\n");
    STR_EQ(S_speaker(S_find("majorities of")),
           "early results of the exit polls conducted for the Associated Press and television networks by "
           "Edison Research");
    /* set off after a subject, it reports both sides; after a clause,
     * only what comes before it */
    S_run("Other major cleavages, according to the poll, include ideology and education.\n\n"
          "Trump has won 758 delegates, according to the Associated Press, compared to 538 for Cruz.\n");
    a = S_find("Other major cleavages");
    OK(a != NULL);
    if (a) {
        INT_EQ(a->n_parts, 2);
        if (a->n_parts == 2) STR_EQ(S_str(&a->parts[1]), "include ideology and education");
        STR_EQ(S_speaker(a), "the poll");
    }
    a = S_find("Trump has won");
    OK(a != NULL);
    if (a) INT_EQ(a->n_parts, 1);
    /* after a quotation, after a word, and past an opening 'But' (at
     * 71a3d47: none of the three) */
    S_run("One message said: \"You kill innocent women and children, now taste our vengeance,\" according to "
          "a letter from the committee.\n\n"
          "Clinton leads Sanders by 271 pledged delegates according to a count by The Associated Press.\n\n"
          "But according to the poll, 46 percent of Republican voters remain undecided.\n");
    a = S_find("One message said");
    OK(a != NULL && a->has_cue);
    if (a && a->has_cue) STR_EQ(S_str(&a->cue), "according to");
    STR_EQ(S_speaker(S_find("Clinton leads")), "a count by The Associated Press");
    STR_EQ(S_speaker(S_find("46 percent")), "the poll");
    /* the source runs to the clause's end, and takes a name's role (at
     * 10ba90d: 'a Washington', 'John Weaver') */
    S_run("Trump spent $23 million, according to a Washington Post analysis of campaign finance filings.\n\n"
          "According to John Weaver, a Republican strategist, Trump will lose the state.\n\n"
          "Most came from women, according to Crowdpac, the most of any candidate by far.\n");
    STR_EQ(S_speaker(S_find("Trump spent")), "a Washington Post analysis of campaign finance filings");
    STR_EQ(S_speaker(S_find("Trump will lose")), "John Weaver, a Republican strategist");
    STR_EQ(S_speaker(S_find("Most came")), "Crowdpac");
}

/* A poll named at the start of a sentence is the source of what follows. */
TEST(in_a_poll) {
    S_run("In a CNN/ORC poll released Monday, 31 percent of Republicans said they would vote for him.\n"
          "In the morning, the senator flew home.\n");
    const hearsay_attribution *a = S_find("31 percent");
    STR_EQ(S_speaker(a), "a CNN/ORC poll released Monday");
    if (a && a->has_cue) STR_EQ(S_str(&a->cue), "In");
    OK(S_find("the senator flew") == NULL);
}

TEST(mixed_quotation) {
    S_run("Ann Lee said the plan was “a disaster for everyone” and would fail.\n");
    const hearsay_attribution *a = S_find("the plan was");
    OK(a != NULL);
    if (a) INT_EQ(a->kind, HEARSAY_MIXED);
}

TEST(scare_quotes_are_not_speech) {
    S_run("The so-called “reform” passed on Friday.\n");
    INT_EQ(hearsay_doc_count(S_doc), 0);
}

TEST(offsets_count_code_points) {
    /* “ is 3 bytes, 1 code point */
    S_run("“Yes,” Ann Lee said.\n");
    const hearsay_attribution *a = S_find("“Yes,”");
    OK(a != NULL);
    if (!a) return;
    INT_EQ(a->content.start, 0);
    INT_EQ(a->content.end, 6);
    INT_EQ(a->content.byte_end, 10);
    INT_EQ(a->speaker.start, 7);
    INT_EQ(a->speaker.byte_start, 11);
}

TEST(one_entity_per_person) {
    S_run("“We are ready,” Ann Lee said.\n"
          "“We have the votes,” Lee added.\n");
    const hearsay_attribution *a = S_find("“We are ready,”"), *b = S_find("“We have the votes,”");
    OK(a && b);
    if (!a || !b) return;
    INT_EQ(a->entity, b->entity);
    const hearsay_entity *e = hearsay_doc_entity(S_doc, (size_t)a->entity);
    INT_EQ(e->n_mentions, 2);
}

int main(void) {
    RUN(quote_then_speaker_and_cue);
    RUN(title_in_frame_is_no_continuation);
    RUN(speaker_line_and_set_off_phrase_after_quotation);
    RUN(quotation_goes_on_past_sentence_end);
    RUN(no_frame_for_an_embedded_quotation);
    RUN(quotation_cut_from_one_content_goes_to_the_next);
    RUN(inverted_cue_with_apposition);
    RUN(name_opening_with_a_verb);
    RUN(subject_with_long_apposition);
    RUN(loose_speaker_after_quotation);
    RUN(speaker_from_previous_sentence);
    RUN(clause_closed_by_quotation);
    RUN(colon_without_cue_word);
    RUN(frame_interrupts_clause);
    RUN(bare_and_timed_subjects);
    RUN(split_quotation_is_one_attribution);
    RUN(multi_paragraph_quotation);
    RUN(continuation_without_cue);
    RUN(addressee_common_noun_phrase);
    RUN(colon_style);
    RUN(pronoun_takes_last_person);
    RUN(names_inside_quotations_are_not_antecedents);
    RUN(surname_takes_fullest_name);
    RUN(groups_are_kept_as_written);
    RUN(reported_speech_with_that);
    RUN(parenthetical_reporting_clause);
    RUN(closing_reporting_clause);
    RUN(possessive_nominal_cue);
    RUN(relative_pronoun_before_the_speaker);
    RUN(content_stops_at_another_reporting_clause);
    RUN(no_attribution_inside_another);
    RUN(speaker_stops_before_another_cue);
    RUN(one_attribution_per_content);
    RUN(subject_after_conjunction);
    RUN(raising_verb_subject_is_content);
    RUN(passive_cue_has_no_source);
    RUN(according_to);
    RUN(in_a_poll);
    RUN(subject_across_clause_and_participle);
    RUN(common_noun_phrase_subject);
    RUN(report_us_and_inverted_colon_frames);
    RUN(label_lines);
    RUN(mixed_quotation);
    RUN(scare_quotes_are_not_speech);
    RUN(offsets_count_code_points);
    RUN(one_entity_per_person);
    hearsay_doc_free(S_doc);
    return DONE();
}
