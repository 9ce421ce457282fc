package dev.tasker.cli.output;

import java.io.PrintWriter;

/**
 * A view redrawn in place in a terminal: each frame moves the cursor back to the first line of the previous one
 * and clears to the end of the screen before printing, so the screen shows only the newest frame.
 */
public final class LiveView {

    private final PrintWriter out;
    private int shownLines;

    LiveView(PrintWriter out) {
        this.out = out;
    }

    public void show(String frame) {
        StringBuilder text = new StringBuilder();
        if (shownLines > 0) {
            text.append("\u001B[").append(shownLines).append("F");
        }
        text.append("\u001B[J").append(frame);
        if (!frame.endsWith("\n")) {
            text.append('\n');
        }
        out.print(text);
        out.flush();
        shownLines = (int) frame.chars().filter(c -> c == '\n').count() + (frame.endsWith("\n") ? 0 : 1);
    }
}
