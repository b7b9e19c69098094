package dev.switchboard.cli.support;

/**
 * The documented exit codes of every switchboard command (README, "Exit codes"). Scripts depend on
 * them: never renumber, only add.
 */
public final class ExitCode {
    /** Everything asked for was done (or, for read-only commands, shown). */
    public static final int OK = 0;
    /** The command ran and something failed: an entry could not be migrated, verify found a mismatch. */
    public static final int FAILED = 1;
    /**
     * Bad input: unknown flag, malformed plan or journal, an input file that is not a regular file or too large,
     * {@code .env} syntax, bad phone number, a dial-in value Daily would refuse. Nothing was changed.
     */
    public static final int INVALID_INPUT = 2;
    /**
     * A precondition failed: stale plan, plan edited after apply started an entry, active calls, same domain
     * twice, journal locked. Nothing was changed.
     */
    public static final int PRECONDITION = 3;
    /** A credential is missing or was rejected by the provider. Nothing was changed. */
    public static final int CREDENTIALS = 4;
    /** Work is unfinished (stopped early, or an outcome is still unknown): run the same command again to resume. */
    public static final int INCOMPLETE = 5;
    /** The user declined a confirmation prompt. Nothing was changed. */
    public static final int DECLINED = 6;
    /** A confirmation was needed but there is no terminal to ask on and no --yes. Nothing was changed. */
    public static final int NEEDS_CONFIRMATION = 7;
    /** An internal error (a bug): rerun with --debug (or SWITCHBOARD_DEBUG=1) and report it. */
    public static final int INTERNAL = 70;
    /** Interrupted (Ctrl-C). Journaled work can be resumed. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }

    /** The code's stable name, as JSON errors carry it ({@code "invalid_input"} for 2). */
    public static String name(int code) {
        return switch (code) {
            case OK -> "ok";
            case FAILED -> "failed";
            case INVALID_INPUT -> "invalid_input";
            case PRECONDITION -> "precondition_failed";
            case CREDENTIALS -> "credentials";
            case INCOMPLETE -> "incomplete";
            case DECLINED -> "declined";
            case INTERRUPTED -> "interrupted";
            default -> "internal";
        };
    }
}
