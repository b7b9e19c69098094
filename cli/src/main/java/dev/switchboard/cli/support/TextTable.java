package dev.switchboard.cli.support;

import java.io.PrintWriter;
import java.util.List;

/**
 * The aligned text table: columns two spaces apart, no trailing spaces, and no line wider than the
 * given width. When the natural widths do not fit, the widest columns give way first, down to
 * {@value #MIN_COLUMN} characters, and cut cells (headers too) end with an ellipsis. A table that
 * cannot fit even then is printed at those minimum widths.
 */
final class TextTable {
    static final int MIN_COLUMN = 5;
    private static final String GAP = "  ";

    private TextTable() {
    }

    static void print(PrintWriter out, List<String> headers, List<List<String>> rows, boolean header, int width) {
        int[] widths = fitted(naturalWidths(headers, rows, header), width);
        if (header) {
            out.println(line(headers, widths));
        }
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private static int[] naturalWidths(List<String> headers, List<List<String>> rows, boolean header) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header ? headers.get(i).length() : 0;
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    /** Narrows the widest column one character at a time until the line fits or nothing can give. */
    static int[] fitted(int[] natural, int limit) {
        int[] widths = natural.clone();
        if (limit <= 0) {
            return widths;
        }
        int total = GAP.length() * Math.max(0, widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > limit) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] > Math.min(MIN_COLUMN, natural[i]) && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(GAP);
            }
            String cell = Cells.shorten(cells.get(i), widths[i]);
            sb.append(cell);
            sb.append(" ".repeat(widths[i] - cell.length()));
        }
        return sb.toString().stripTrailing();
    }
}
