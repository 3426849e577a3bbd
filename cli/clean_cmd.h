/*
 * clean_cmd.h -- `hearsay clean`: the article without its page debris
 * (cli/clean_cmd.c). argv[0] is "clean"; returns the exit status.
 */
#ifndef HEARSAY_CLEAN_CMD_H
#define HEARSAY_CLEAN_CMD_H

int cmd_clean(int argc, char **argv);

#endif
