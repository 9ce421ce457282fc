package dev.tasker.bench;

import java.util.List;
import java.util.Locale;

/**
 * An SVG line chart of a sustained run's p50 and p99 latency per window, for the README. The latency axis is
 * logarithmic: a p50 of 9 ms and a p99 of seconds in one window are both readable.
 */
final class LatencyPlot {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final double Y_MIN = 1;

    private LatencyPlot() {
    }

    static String svg(String title, List<Sustained.Window> windows, double windowSeconds) {
        double maxMs = windows.stream().mapToDouble(w -> w.serverMs().p99()).max().orElse(1);
        double yMax = Math.pow(10, Math.max(2, Math.ceil(Math.log10(Math.max(maxMs, 1)))));
        double xMax = windows.size() * windowSeconds / 60.0;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT,
                escape(title)));
        for (double ms = Y_MIN; ms <= yMax; ms *= 10) {
            double y = y(ms, yMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y, WIDTH - RIGHT, y,
                    LEFT - 6, y + 4, trim(ms)));
        }
        int minutes = (int) Math.ceil(xMax);
        for (int m = 0; m <= minutes; m++) {
            double x = x(m, xMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x, HEIGHT - BOTTOM, x,
                    HEIGHT - BOTTOM + 5, x, HEIGHT - BOTTOM + 20, m));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">minutes into the run"
                + "</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 10));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\""
                + " text-anchor=\"middle\">server-side ms (log scale)</text>%n", (TOP + HEIGHT - BOTTOM) / 2,
                (TOP + HEIGHT - BOTTOM) / 2));
        line(svg, windows, windowSeconds, xMax, yMax, "#1f77b4", "p50", 0);
        line(svg, windows, windowSeconds, xMax, yMax, "#d62728", "p99", 1);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void line(StringBuilder svg, List<Sustained.Window> windows, double windowSeconds, double xMax,
            double yMax, String colour, String label, int series) {
        StringBuilder points = new StringBuilder();
        for (Sustained.Window w : windows) {
            double minute = (w.startSecond() + windowSeconds / 2) / 60.0;
            double ms = series == 0 ? w.serverMs().p50() : w.serverMs().p99();
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(minute, xMax), y(ms, yMax)));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>"
                + "%n<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", colour, points.toString().trim(), WIDTH - RIGHT
                - 60 + series * 30, TOP - 6, colour, label));
    }

    private static double x(double minute, double xMax) {
        return LEFT + (WIDTH - LEFT - RIGHT) * minute / Math.max(xMax, 1e-9);
    }

    private static double y(double ms, double yMax) {
        double clamped = Math.max(Y_MIN, Math.min(ms, yMax));
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * Math.log10(clamped / Y_MIN) / Math.log10(yMax / Y_MIN);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
