package org.endolens.pretrain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The results of an ablation: per arm and seed a value for each metric; rendered as mean ± sample standard
 * deviation (n - 1) over seeds, one row per arm, as a Markdown table.
 */
public final class AblationTable {
    /** One finished run. */
    public record Run(AblationArm arm, long seed, Map<String, Double> metrics) {}

    private final List<Run> runs = new ArrayList<>();

    public void add(Run run) {
        runs.add(run);
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** The metric names in first-seen order. */
    public List<String> metrics() {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.addAll(r.metrics().keySet()));
        return List.copyOf(names);
    }

    /** Mean and sample standard deviation of {@code metric} over the seeds of {@code arm} (NaN when absent). */
    public double[] meanStd(AblationArm arm, String metric) {
        double[] values = runs.stream().filter(r -> r.arm() == arm && r.metrics().containsKey(metric))
                .mapToDouble(r -> r.metrics().get(metric)).toArray();
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0};
    }

    /** A Markdown table: arm, seeds, each metric as "mean ± std", then the command of each row. */
    public String markdown(Map<AblationArm, String> commands) {
        List<String> metrics = metrics();
        StringBuilder md = new StringBuilder("| arm | seeds |");
        metrics.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append(" command |\n|---|---|");
        metrics.forEach(m -> md.append("---|"));
        md.append("---|\n");
        for (AblationArm arm : arms()) {
            long seeds = runs.stream().filter(r -> r.arm() == arm).count();
            md.append("| ").append(arm.label()).append(" | ").append(seeds).append(" |");
            for (String metric : metrics) {
                double[] ms = meanStd(arm, metric);
                md.append(Double.isNaN(ms[0]) ? " – |" : String.format(Locale.ROOT, " %.3f ± %.3f |", ms[0], ms[1]));
            }
            md.append(" `").append(commands.getOrDefault(arm, "")).append("` |\n");
        }
        return md.toString();
    }

    /** The arms in table order that have at least one run. */
    public List<AblationArm> arms() {
        Map<AblationArm, Boolean> present = new LinkedHashMap<>();
        for (AblationArm arm : AblationArm.values()) {
            if (runs.stream().anyMatch(r -> r.arm() == arm)) {
                present.put(arm, true);
            }
        }
        return List.copyOf(present.keySet());
    }
}
