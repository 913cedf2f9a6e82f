package org.endolens.report;

import org.endolens.util.AtomicTextFile;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores predicted report attributes against gold ones, following the reports README's suggested scoring.
 *
 * <p><b>Single-valued fields</b> ({@code polyp_count}, {@code bbps_total}, {@code cecum_reached} per report, and
 * {@code size_mm}, {@code location}, {@code morphology}, {@code pathology}, {@code count} per matched polyp) compare
 * one gold value g with one predicted value p: g = p, both non-null → TP; g non-null, p null → FN; g null, p non-null
 * → FP; both non-null but different → FP and FN (a wrong value is both a false claim and a miss); both null → not
 * counted. Sizes are equal within 1e-9 mm.
 *
 * <p><b>{@code other_findings}</b> is a set per report: each label in both → TP, only predicted → FP, only gold → FN.
 *
 * <p><b>Polyps</b>: each entry is expanded into {@code count} units (an unquantified entry is one unit). Gold and
 * predicted units are matched greedily by similarity (same location +2, same size +2 or within 25% +1, same
 * morphology +1, same pathology +1, same count +0.5; location and size agree when both are null), highest first,
 * ties in report order, and only pairs scoring at least 2 (agreeing on location or size) are matched. The row
 * {@code polyps} counts matched units as TP, unmatched predicted units as FP and unmatched gold units as FN. On a
 * matched pair each polyp attribute is scored as a single-valued field; an unmatched gold unit adds an FN and an
 * unmatched predicted unit an FP for each of its non-null attributes.
 *
 * <p>Precision = TP / (TP + FP) (1 when TP + FP = 0), recall = TP / (TP + FN) (1 when TP + FN = 0), F1 = their
 * harmonic mean. <b>Polyp-count accuracy</b> is the share of reports whose predicted {@code polyp_count} equals the
 * gold one, null included (null = null is correct).
 */
public final class AttributeEvaluation {
    /** The scored fields, in table order. */
    public static final List<String> FIELDS = List.of("polyp_count", "bbps_total", "cecum_reached", "other_findings",
            "polyps", "polyps.size_mm", "polyps.location", "polyps.morphology", "polyps.pathology", "polyps.count");
    private static final double MATCH_THRESHOLD = 2.0;

    private final Map<String, FieldScore> scores = new LinkedHashMap<>();
    private final Map<String, Set<String>> errors = new LinkedHashMap<>();
    private int reports;
    private int polypCountsCorrect;

    public AttributeEvaluation() {
        FIELDS.forEach(f -> scores.put(f, new FieldScore(f, 0, 0, 0)));
    }

    /** Adds one report's gold and predicted attributes; {@code id} names it in {@link #errors()}. */
    public void add(String id, ReportAttributes gold, ReportAttributes predicted) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predicted, "predicted");
        reports++;
        if (Objects.equals(gold.polypCount(), predicted.polypCount())) {
            polypCountsCorrect++;
        }
        Set<String> wrong = new TreeSet<>();
        single(wrong, "polyp_count", gold.polypCount(), predicted.polypCount());
        single(wrong, "bbps_total", gold.bbpsTotal(), predicted.bbpsTotal());
        single(wrong, "cecum_reached", gold.cecumReached(), predicted.cecumReached());
        int tp = 0;
        for (String finding : gold.otherFindings()) {
            tp += predicted.otherFindings().contains(finding) ? 1 : 0;
        }
        count(wrong, "other_findings", tp, predicted.otherFindings().size() - tp, gold.otherFindings().size() - tp);
        polyps(wrong, gold.polyps(), predicted.polyps());
        if (!wrong.isEmpty()) {
            errors.put(id, Collections.unmodifiableSet(wrong));
        }
    }

    public FieldScore score(String field) {
        FieldScore score = scores.get(field);
        if (score == null) {
            throw new IllegalArgumentException("unknown field '" + field + "', expected one of " + FIELDS);
        }
        return score;
    }

    public List<FieldScore> scores() {
        return List.copyOf(scores.values());
    }

    public int reports() {
        return reports;
    }

    public int polypCountsCorrect() {
        return polypCountsCorrect;
    }

    /** Share of reports whose {@code polyp_count} is exactly right (null = null counts as right); 1 when empty. */
    public double polypCountAccuracy() {
        return reports == 0 ? 1.0 : (double) polypCountsCorrect / reports;
    }

    /** For every report with at least one FP or FN, the fields that had them, by report id. */
    public Map<String, Set<String>> errors() {
        return Collections.unmodifiableMap(errors);
    }

    /** A fixed-width table: one row per field, then the polyp-count accuracy. */
    public String table() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-18s %5s %5s %5s %9s %7s %7s%n",
                "field", "TP", "FP", "FN", "precision", "recall", "F1"));
        for (FieldScore f : scores.values()) {
            s.append(String.format(Locale.ROOT, "%-18s %5d %5d %5d %9.3f %7.3f %7.3f%n", f.field(), f.truePositives(),
                    f.falsePositives(), f.falseNegatives(), f.precision(), f.recall(), f.f1()));
        }
        s.append(String.format(Locale.ROOT, "polyp-count accuracy: %d/%d = %.3f", polypCountsCorrect, reports,
                polypCountAccuracy()));
        return s.toString();
    }

    /** The scores as JSON: {@code {"reports", "polyp_count_accuracy", "fields": {name: {tp, fp, fn, precision, recall, f1}}, "errors"}}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("reports", reports);
        json.put("polyp_count_accuracy", polypCountAccuracy());
        ObjectNode fields = json.putObject("fields");
        for (FieldScore f : scores.values()) {
            ObjectNode row = fields.putObject(f.field());
            row.put("tp", f.truePositives());
            row.put("fp", f.falsePositives());
            row.put("fn", f.falseNegatives());
            row.put("precision", f.precision());
            row.put("recall", f.recall());
            row.put("f1", f.f1());
        }
        ObjectNode errorsJson = json.putObject("errors");
        errors.forEach((id, wrong) -> wrong.forEach(errorsJson.withArray(id)::add));
        return json;
    }

    /** Writes {@link #toJson()} to a file, atomically. */
    public void writeJson(Path file) {
        AtomicTextFile.write(file, "evaluation scores", out -> {
            out.write(toJson().toPrettyString());
            out.newLine();
        });
    }

    private void polyps(Set<String> wrong, List<PolypFinding> gold, List<PolypFinding> predicted) {
        List<PolypFinding> g = units(gold);
        List<PolypFinding> p = units(predicted);
        record Pair(int gold, int predicted, double similarity) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            for (int j = 0; j < p.size(); j++) {
                double similarity = similarity(g.get(i), p.get(j));
                if (similarity >= MATCH_THRESHOLD) {
                    pairs.add(new Pair(i, j, similarity));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed().thenComparingInt(Pair::gold)
                .thenComparingInt(Pair::predicted));
        boolean[] goldMatched = new boolean[g.size()];
        boolean[] predictedMatched = new boolean[p.size()];
        int matched = 0;
        for (Pair pair : pairs) {
            if (goldMatched[pair.gold()] || predictedMatched[pair.predicted()]) {
                continue;
            }
            goldMatched[pair.gold()] = true;
            predictedMatched[pair.predicted()] = true;
            matched++;
            PolypFinding a = g.get(pair.gold());
            PolypFinding b = p.get(pair.predicted());
            single(wrong, "polyps.size_mm", a.sizeMm(), b.sizeMm());
            single(wrong, "polyps.location", a.location(), b.location());
            single(wrong, "polyps.morphology", a.morphology(), b.morphology());
            single(wrong, "polyps.pathology", a.pathology(), b.pathology());
            single(wrong, "polyps.count", a.count(), b.count());
        }
        count(wrong, "polyps", matched, p.size() - matched, g.size() - matched);
        for (int i = 0; i < g.size(); i++) {
            if (!goldMatched[i]) {
                unmatched(wrong, g.get(i), false);
            }
        }
        for (int j = 0; j < p.size(); j++) {
            if (!predictedMatched[j]) {
                unmatched(wrong, p.get(j), true);
            }
        }
    }

    private void unmatched(Set<String> wrong, PolypFinding polyp, boolean predicted) {
        Object[] values = {polyp.sizeMm(), polyp.location(), polyp.morphology(), polyp.pathology(), polyp.count()};
        for (int k = 0; k < values.length; k++) {
            if (values[k] != null) {
                String field = "polyps." + AttributesJson.POLYP_FIELDS.get(k);
                count(wrong, field, 0, predicted ? 1 : 0, predicted ? 0 : 1);
            }
        }
    }

    private void single(Set<String> wrong, String field, Object gold, Object predicted) {
        if (gold == null && predicted == null) {
            return;
        }
        boolean equal = gold != null && predicted != null && same(gold, predicted);
        count(wrong, field, equal ? 1 : 0, predicted != null && !equal ? 1 : 0, gold != null && !equal ? 1 : 0);
    }

    private void count(Set<String> wrong, String field, int tp, int fp, int fn) {
        scores.put(field, scores.get(field).plus(tp, fp, fn));
        if (fp > 0 || fn > 0) {
            wrong.add(field);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Math.abs(x - y) < 1e-9;
        }
        return a.equals(b);
    }

    private static List<PolypFinding> units(List<PolypFinding> polyps) {
        List<PolypFinding> units = new ArrayList<>();
        for (PolypFinding polyp : polyps) {
            int n = polyp.count() == null ? 1 : polyp.count();
            for (int i = 0; i < n; i++) {
                units.add(polyp);
            }
        }
        return units;
    }

    private static double similarity(PolypFinding a, PolypFinding b) {
        double s = 0;
        if (Objects.equals(a.location(), b.location())) {
            s += 2;
        }
        if (a.sizeMm() == null || b.sizeMm() == null) {
            s += a.sizeMm() == null && b.sizeMm() == null ? 2 : 0;
        } else if (same(a.sizeMm(), b.sizeMm())) {
            s += 2;
        } else if (Math.abs(a.sizeMm() - b.sizeMm()) <= 0.25 * Math.max(a.sizeMm(), b.sizeMm())) {
            s += 1;
        }
        s += a.morphology() != null && a.morphology().equals(b.morphology()) ? 1 : 0;
        s += a.pathology() != null && a.pathology().equals(b.pathology()) ? 1 : 0;
        s += Objects.equals(a.count(), b.count()) ? 0.5 : 0;
        return s;
    }
}
