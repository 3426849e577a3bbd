/*
 * main.c -- `hearsay [--help|--version] COMMAND [ARGS...]`.
 *
 * Finds COMMAND in the table below and runs it. To add a subcommand, see
 * cli/cli.h.
 */
#include "cli.h"
#include "hearsay.h"
#include "clean_cmd.h"
#include "index_cmd.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

/* The subcommands, in the order --help lists them. */
static const command commands[] = {
    {"extract", cmd_extract, "find who said what in articles"},
    {"index", cmd_index, "add articles and their attributions to an index"},
    {"search", cmd_search, "search an index's quotations"},
    {"speakers", cmd_speakers, "the most-quoted speakers of an index"},
    {"repeats", cmd_repeats, "the same quotation in several articles"},
    {"stats", cmd_stats, "counts of an index"},
    {"clean", cmd_clean, "print articles without their page debris"},
    {"serve", cmd_serve, "a local web app over an index"},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static int S_help(void)
{
    fputs("Usage: hearsay [--help|--version] COMMAND [ARGS...]\n"
          "\nFinds who said what in news articles: quotations, reported "
          "speech and their speakers.\n\nCommands:\n",
          stdout);
    for (size_t i = 0; i < N_COMMANDS; i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].summary);
    return cli_print_help(
        "\nRun 'hearsay COMMAND --help' for a command's options.\n"
        "Exit status: 0 success, 1 some input could not be processed or "
        "output\ncould not be written, 2 usage error.\n");
}

static const command *S_find(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    /* A closed pipe must show up as EPIPE on write, not kill us silently. */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2)
        return cli_usage_error(NULL, "no command given");
    const char *arg = argv[1];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
        return S_help();
    if (strcmp(arg, "--version") == 0) {
        printf("hearsay %s (library %s)\n", HEARSAY_VERSION_STRING,
               hearsay_version());
        return cli_finish_stdout(CLI_EXIT_OK);
    }
    const command *c = S_find(arg);
    if (!c)
        return cli_usage_error(NULL, "unknown command '%s'", arg);
    return c->run(argc - 1, argv + 1);
}
