/*
 * index_cmd.h -- the index subcommands (cli/index_cmd.c): thin layers over
 * include/hearsay_index.h. Each takes argv[0] = its own name and returns
 * an exit code: 0 success, 1 some input could not be processed or output
 * failed, 2 usage.
 */
#ifndef HEARSAY_CLI_INDEX_CMD_H
#define HEARSAY_CLI_INDEX_CMD_H

int cmd_index(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_speakers(int argc, char **argv);
int cmd_repeats(int argc, char **argv);
int cmd_stats(int argc, char **argv);

#endif
