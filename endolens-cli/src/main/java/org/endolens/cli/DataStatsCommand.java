package org.endolens.cli;

import org.endolens.data.Problems;
import org.endolens.data.readers.DatasetStats;
import org.endolens.data.readers.Validation;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code endolens data stats}: what a data set holds (patients, exams, frames, labels, splits) and what is wrong with it. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count patients, exams, frames, videos, masks, boxes, positives/negatives, frames per split and per "
                + "label, and list the bad inputs found. Decodes every mask and reads every image header; --check also "
                + "decodes every image.")
final class DataStatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--json", description = "Print JSON (the counts plus a \"problems\" list) instead of aligned text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Problems problems = dataset.problems();
        Validation validation = dataset.validation(Validation.MASKS);
        DatasetStats stats = dataset.read(validation, problems).stats();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = Json.mapper().valueToTree(stats);
            node.put("checked", validation.name().toLowerCase(Locale.ROOT));
            node.set("problems", Json.mapper().valueToTree(problems.all()));
            out.println(Json.mapper().writeValueAsString(node));
        } else {
            out.print(text(stats, validation));
            out.println(problems.summary());
        }
        out.flush();
        return 0;
    }

    static String text(DatasetStats s, Validation validation) {
        StringBuilder out = new StringBuilder();
        line(out, "format", s.format());
        line(out, "root", s.root());
        line(out, "checked", switch (validation) {
            case FILES -> "files exist";
            case MASKS -> "files exist, image headers, masks decoded (--check decodes every image)";
            case FULL -> "every image and mask decoded";
        });
        line(out, "patients", s.patients());
        line(out, "exams", s.exams());
        line(out, "frames", s.frames());
        line(out, "videos", s.videos());
        line(out, "masks", s.masks());
        line(out, "boxes", s.boxes());
        line(out, "positives", s.positives() + "  (frames with a box)");
        line(out, "negatives", s.negatives() + "  (frames with a mask and no box)");
        line(out, "reports", s.reports());
        line(out, "splits", counts(s.splits()));
        line(out, "labels", counts(s.labels()));
        line(out, "boxes/frame", s.boxesPerFrame().isEmpty() ? "-" : s.boxesPerFrame().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
        return out.toString();
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder out, String name, Object value) {
        out.append(String.format(Locale.ROOT, "%-12s %s%n", name, value));
    }
}
