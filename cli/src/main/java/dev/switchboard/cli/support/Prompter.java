package dev.switchboard.cli.support;

import java.io.IOException;
import java.util.Locale;

/**
 * Asks the user. With {@code --yes} every question is answered yes; without a terminal and without
 * {@code --yes} a question is an error (exit {@link ExitCode#NEEDS_CONFIRMATION}) rather than a silent
 * default, so a script never destroys anything it was not told to.
 */
public final class Prompter {
    private final CliContext context;
    private final boolean assumeYes;

    public Prompter(CliContext context, boolean assumeYes) {
        this.context = context;
        this.assumeYes = assumeYes;
    }

    public boolean assumeYes() {
        return assumeYes;
    }

    public boolean canAsk() {
        return context.interactive();
    }

    /** Asks a yes/no question; returns the answer (yes when {@code --yes}). */
    public boolean confirm(String question) {
        if (assumeYes) {
            return true;
        }
        String answer = ask(question + " [y/N] ");
        String normalized = answer.trim().toLowerCase(Locale.ROOT);
        return normalized.equals("y") || normalized.equals("yes");
    }

    /** Asks for a confirmation and stops the command (exit {@link ExitCode#DECLINED}) unless it is given. */
    public void require(String question) {
        if (!confirm(question)) {
            throw new CliException(ExitCode.DECLINED, "declined; nothing was changed");
        }
    }

    /** Asks for one line of free text. */
    public String ask(String question) {
        if (!context.interactive()) {
            throw new CliException(ExitCode.NEEDS_CONFIRMATION, "needs confirmation: pass --yes (there is no terminal "
                    + "to ask on); nothing was changed");
        }
        context.out().print(question);
        context.out().flush();
        try {
            String line = context.in().readLine();
            if (line == null) {
                throw new CliException(ExitCode.DECLINED, "no answer (end of input); nothing was changed");
            }
            return line;
        } catch (IOException e) {
            throw new CliException(ExitCode.DECLINED, "cannot read the answer: " + e.getMessage());
        }
    }
}
