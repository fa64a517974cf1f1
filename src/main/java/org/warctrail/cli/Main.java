package org.warctrail.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code warctrail <command>}: the entry point of the jar. */
@Command(name = "warctrail", mixinStandardHelpOptions = true, version = "warctrail 0.1.0",
        description = "Archive pages and what they cite, trace quotes to their origin, see what changed.")
public final class Main implements Runnable {

    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            CommandLine.HelpCommand.class,
            CaptureCommand.class,
            ImportCommand.class,
            ServeCommand.class,
            SearchCommand.class,
            CdxCommand.class,
            ReindexCommand.class,
            ExtractCommand.class,
            DiffCommand.class,
            WatchCommand.class,
            ExportCommand.class,
            ChainCommand.class,
            TraceCommand.class,
            StatusCommand.class,
            DeriveCommand.class,
            VerifyCommand.class,
            ReportCommand.class);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // picocli reads every option of every subcommand it is given, by reflection: a tenth of a second of each
        // one-shot command. A command line naming one subcommand gets only that one; help, usage and an unknown
        // name (whose message suggests the near ones) get them all.
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        for (Class<?> command : named == null ? COMMANDS : List.of(named)) cli.addSubcommand(command);
        // One line naming the problem, not a stack trace, for bad arguments and for failures.
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("warctrail: " + ex.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("warctrail: " + Failure.describe(ex));
            return 1;
        });
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli lets Errors through: one line naming it, not a stack trace (indexing's own become IndexerDied)
            PrintWriter err = cli.getErr();
            err.println("warctrail: stopped by " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            err.flush();
            return 1;
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
