package dev.switchboard.cli.rehearsal;

import java.io.PrintWriter;
import java.io.Writer;

/** Writes through to another writer, starting every line with a prefix (the rehearsal's output is marked). */
final class PrefixedWriter extends Writer {
    private final PrintWriter target;
    private final String prefix;
    private boolean atLineStart = true;

    PrefixedWriter(PrintWriter target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    static PrintWriter of(PrintWriter target, String prefix) {
        return new PrintWriter(new PrefixedWriter(target, prefix), true);
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        synchronized (target) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (atLineStart && c != '\n') {
                    target.write(prefix);
                }
                target.write(c);
                atLineStart = c == '\n';
            }
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
