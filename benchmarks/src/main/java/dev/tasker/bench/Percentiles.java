package dev.tasker.bench;

import java.util.Arrays;
import java.util.List;

/** Exact percentiles of a few hundred samples (nearest rank over the sorted values). */
record Percentiles(int count, double p50, double p95, double p99, double max, double mean) {

    static Percentiles of(List<Double> samples) {
        double[] v = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return new Percentiles(0, 0, 0, 0, 0, 0);
        }
        return new Percentiles(v.length, rank(v, 50), rank(v, 95), rank(v, 99), v[v.length - 1],
                Arrays.stream(v).average().orElse(0));
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
