/*
 * main.c — the goc command: dispatches to build, run, env, version, help
 * and tool, as the go command does.  Stages that do not exist yet say so
 * and exit 2.
 */
#include "../base/base.h"
#include "driver.h"

static void usage(FILE *out)
{
	fputs("Goc is a tool for managing Go source code, written in C.\n"
	      "\n"
	      "Usage:\n"
	      "\n"
	      "\tgoc <command> [arguments]\n"
	      "\n"
	      "The commands are:\n"
	      "\n"
	      "\tbuild       compile packages and dependencies\n"
	      "\trun         compile and run Go program\n"
	      "\ttest        test packages\n"
	      "\tinstall     compile and install packages and dependencies\n"
	      "\tclean       remove object files and cached files (-cache only)\n"
	      "\tenv         print Go environment information\n"
	      "\tvet         report likely mistakes in packages (asmdecl only)\n"
	      "\tversion     print Go version\n"
	      "\thelp        print this help\n"
	      "\ttool        run a stage of the pipeline by itself\n"
	      "\n"
	      "The tools are:\n"
	      "\n"
	      "\tsyntax [-tokens|-ast] [-list FILE] FILE...\n"
	      "\t            scan and parse; print tokens, the syntax tree, or only errors\n"
	      "\tcheck [-types] [-bodies|-nobodies] PATTERN...\n"
	      "\t            type-check packages (function bodies: the named ones);\n"
	      "\t            -types prints package-level objects\n"
	      "\tasm [-p pkg] [-I dir] [-D name[=value]] [-o out.o] [-S] FILE.s...\n"
	      "\t            Go's assembler (amd64): gc's syntax, flags and -S listing\n"
	      "\tlink [-o out] [-e entry] OBJ.o...\n"
	      "\t            link ELF objects into a static executable\n"
	      "\tssa -passes [-run LIST] [-d ssa/check/on] [-dump LIST] FILE.ssa...\n"
	      "\t            run the SSA passes on functions in the IR's text form\n"
	      "\tobjdump, nm\n"
	      "\t            not implemented yet\n",
	      out);
}

static int cmd_not_yet(const char *cmd)
{
	fprintf(stderr, "goc: %s: not implemented yet\n", cmd);
	return 2;
}

static int cmd_tool(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: goc tool <tool> [arguments]\n\ntools: syntax check ssa asm link objdump nm\n", stderr);
		return 2;
	}
	const char *t = argv[1];
	if (strcmp(t, "syntax") == 0)
		return tool_syntax(argc - 1, argv + 1);
	if (strcmp(t, "check") == 0)
		return tool_check(argc - 1, argv + 1);
	if (strcmp(t, "link") == 0)
		return tool_link(argc - 1, argv + 1);
	if (strcmp(t, "ssa") == 0)
		return tool_ssa(argc - 1, argv + 1);
	if (strcmp(t, "asm") == 0)
		return tool_asm(argc - 1, argv + 1);
	if (strcmp(t, "objdump") == 0 ||
	    strcmp(t, "nm") == 0) {
		char what[64];
		snprintf(what, sizeof what, "tool %s", t);
		return cmd_not_yet(what);
	}
	fprintf(stderr, "goc tool: no such tool \"%s\"\n", t);
	return 2;
}

static int goc_main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "version") == 0) {
		printf("goc version %s %s/%s\n", GOC_VERSION, goc_hostos(), goc_hostarch());
		return 0;
	}
	if (strcmp(cmd, "env") == 0)
		return cmd_env(argc - 1, argv + 1);
	if (strcmp(cmd, "list") == 0)
		return cmd_list(argc - 1, argv + 1);
	if (strcmp(cmd, "tool") == 0)
		return cmd_tool(argc - 1, argv + 1);
	if (strcmp(cmd, "build") == 0)
		return cmd_build(argc - 1, argv + 1);
	if (strcmp(cmd, "run") == 0)
		return cmd_run(argc - 1, argv + 1);
	if (strcmp(cmd, "vet") == 0)
		return cmd_vet(argc - 1, argv + 1);
	if (strcmp(cmd, "test") == 0)
		return cmd_test(argc - 1, argv + 1);
	if (strcmp(cmd, "install") == 0)
		return cmd_install(argc - 1, argv + 1);
	if (strcmp(cmd, "clean") == 0) {
		if (argc == 3 && strcmp(argv[2], "-cache") == 0)
			return cache_clean();
		fputs("goc clean: not implemented yet: anything but -cache\n", stderr);
		return 2;
	}
	fprintf(stderr, "goc %s: unknown command\nRun 'goc help' for usage.\n", cmd);
	return 2;
}

/* the passes recurse as deep as the source nests: src/base/stack.c */
int main(int argc, char **argv) { return run_with_big_stack(goc_main, argc, argv); }
