package org.endolens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each polyp the histology the pathology section states for it. Each diagnosis is tied to the words before it
 * since the previous item ("Polyp 2:", "(B) transverse colon polyp:", "#3", "jar 1", "sigmoid x2", "the cecal,
 * ascending and transverse polyps were"): a segment picks the polyps there, a number or letter picks the n-th
 * finding (or the finding labelled n), and both together pick their common polyp. Diagnoses that name neither go to
 * the polyps still without one: all of them for a single such diagnosis, one each, in order, when the numbers agree.
 * Polyps that were not retrieved get none.
 */
final class PathologyLinker {
    private static final Pattern STRONG_BOUNDARY = Pattern.compile("\n|;|\\.(?=\\s)");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[,;.\n#]|\\(?\\b(?:\\d{1,2}|[a-h])\\)");
    private static final Pattern NUMBERED = Pattern.compile(
            "(?:\\b(?:polyp|lesion|specimen|jar|part|bottle|container)\\s*#?\\s*|#\\s*)(\\d{1,2}|[a-h])\\b|\\(([a-h])\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\W*\\(?(\\d{1,2})[.):]");
    private static final Pattern PLURAL = Pattern.compile(
            "\\b(?:polyps|lesions|samples|specimens|pseudo-?polyps|adenomas|both|all)\\b|\\bx\\s*\\d|\\(\\s*\\d+\\s*\\)");
    private static final Pattern NOT_A_POLYP = Pattern.compile("\\b(?:random|mass|stricture|ulcer)\\b");
    private static final Pattern TRAILING_COUNT = Pattern.compile("^\\s*\\(?\\s*x\\s*\\d");
    private static final Pattern TRAILING_REFERENCE = Pattern.compile("^\\s*\\(([^)]*)\\)");
    private static final Pattern NO_HISTOLOGY = Pattern.compile("\\b(?:not (?:been )?(?:retrieved|recovered|received"
            + "|submitted|sent)|pending|awaited|to follow|lost|insufficient\\w*|no (?:polyp|tissue|specimen)\\w*)\\b");

    private PathologyLinker() {}

    /**
     * One statement of the pathology section: what it refers to, the diagnoses it gives (none for "not retrieved" or
     * "pending"), and whether it speaks of several polyps ("rectal polyps", "tubular adenomas", "x3").
     */
    private record Item(String reference, List<Pathology> diagnoses, boolean plural) {
        // "Adenocarcinoma arising in a tubulovillous adenoma" is an adenocarcinoma.
        Pathology diagnosis() {
            if (diagnoses.isEmpty()) {
                return null;
            }
            return diagnoses.contains(Pathology.ADENOCARCINOMA) ? Pathology.ADENOCARCINOMA : diagnoses.get(0);
        }
    }

    static void link(List<ReportSentence> sentences, List<PolypDraft> polyps) {
        List<Pathology> unreferenced = new ArrayList<>();
        Set<PolypDraft> closed = new HashSet<>();
        polyps.stream().filter(p -> p.notRetrieved).forEach(closed::add);
        for (Item item : items(sentences)) {
            if (NOT_A_POLYP.matcher(item.reference()).find()) {
                continue;
            }
            List<PolypDraft> targets = targets(item.reference(), polyps);
            if (targets == null) {
                if (item.diagnosis() != null) {
                    unreferenced.add(item.diagnosis());
                }
                continue;
            }
            List<PolypDraft> open = targets.stream().filter(p -> p.pathology == null && !closed.contains(p)).toList();
            if (!open.isEmpty()) {
                for (PolypDraft polyp : item.plural() ? open : open.subList(0, 1)) {
                    polyp.pathology = item.diagnosis();
                    closed.add(polyp);
                }
            }
        }
        List<PolypDraft> open = polyps.stream().filter(p -> p.pathology == null && !closed.contains(p)).toList();
        if (unreferenced.size() == 1) {
            open.forEach(p -> p.pathology = unreferenced.get(0));
        } else if (!unreferenced.isEmpty() && unreferenced.size() == open.size()) {
            for (int i = 0; i < open.size(); i++) {
                open.get(i).pathology = unreferenced.get(i);
            }
        }
    }

    private static List<Item> items(List<ReportSentence> sentences) {
        StringBuilder section = new StringBuilder();
        for (ReportSentence sentence : sentences) {
            if (sentence.section() == Section.PATHOLOGY) {
                section.append(sentence.listLabel() == null ? "" : "#" + sentence.listLabel() + " ")
                        .append(sentence.content()).append('\n');
            }
        }
        String text = ReportText.lower(section.toString());
        List<Item> items = new ArrayList<>();
        int itemStart = 0;
        for (TextSpan<Pathology> diagnosis : statements(text)) {
            if (diagnosis.start() < itemStart) {
                continue;
            }
            String reference = text.substring(itemStart, diagnosis.start());
            if (!items.isEmpty() && !ITEM_SEPARATOR.matcher(reference).find()) {
                if (diagnosis.value() != null) {
                    items.get(items.size() - 1).diagnoses().add(diagnosis.value());
                }
                itemStart = diagnosis.end();
                continue;
            }
            int lastBoundary = -1;
            Matcher boundary = STRONG_BOUNDARY.matcher(reference);
            while (boundary.find()) {
                lastBoundary = boundary.end();
            }
            if (lastBoundary >= 0 && !reference.substring(lastBoundary).isBlank()) {
                reference = reference.substring(lastBoundary);
            }
            itemStart = diagnosis.end();
            Matcher trailing = TRAILING_REFERENCE.matcher(text.substring(diagnosis.end()));
            if (trailing.find() && hasReference(trailing.group(1))) {
                reference = reference + " " + trailing.group(1);
                itemStart = diagnosis.end() + trailing.end();
            }
            Matcher times = TRAILING_COUNT.matcher(text.substring(diagnosis.end()));
            boolean plural = PLURAL.matcher(reference + " " + text.substring(diagnosis.start(), diagnosis.end())).find()
                    || times.find();
            List<Pathology> diagnoses = new ArrayList<>();
            if (diagnosis.value() != null) {
                diagnoses.add(diagnosis.value());
            }
            items.add(new Item(reference, diagnoses, plural));
        }
        return items;
    }

    /** The diagnoses in text order, with "not retrieved"/"pending" statements as spans without a value. */
    private static List<TextSpan<Pathology>> statements(String text) {
        List<TextSpan<Pathology>> diagnoses = PathologyMentions.find(text);
        List<TextSpan<Pathology>> all = new ArrayList<>(diagnoses);
        Matcher m = NO_HISTOLOGY.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (diagnoses.stream().noneMatch(d -> d.start() < end && start < d.end())) {
                all.add(new TextSpan<>(null, start, end));
            }
        }
        all.sort(Comparator.comparingInt(TextSpan::start));
        return all;
    }

    /** The polyps a reference names, or null when it names no segment, number or letter. */
    private static List<PolypDraft> targets(String reference, List<PolypDraft> polyps) {
        Set<Segment> segments = EnumSet.noneOf(Segment.class);
        SegmentMentions.find(reference).forEach(s -> segments.add(s.value()));
        List<PolypDraft> numbered = numbered(reference, polyps);
        if (segments.isEmpty()) {
            return numbered.isEmpty() && !hasNumber(reference) ? null : numbered;
        }
        List<PolypDraft> there = polyps.stream().filter(p -> segments.contains(p.location)).toList();
        if (there.isEmpty()) {
            return numbered;
        }
        return !numbered.isEmpty() && there.containsAll(numbered) ? numbered : there;
    }

    private static List<PolypDraft> numbered(String reference, List<PolypDraft> polyps) {
        // The reference nearest the diagnosis counts: ", #5 not retrieved, #6 TA" gives #6 its TA.
        String number = null;
        Matcher m = NUMBERED.matcher(reference);
        while (m.find()) {
            number = m.group(1) != null ? m.group(1) : m.group(2);
        }
        if (number == null) {
            Matcher leading = LEADING_NUMBER.matcher(reference);
            if (leading.find()) {
                number = leading.group(1);
            }
        }
        if (number == null) {
            return List.of();
        }
        String wanted = number;
        List<PolypDraft> labelled = polyps.stream().filter(p -> wanted.equals(p.label)).toList();
        if (!labelled.isEmpty()) {
            return labelled;
        }
        int ordinal = Character.isDigit(wanted.charAt(0)) ? Integer.parseInt(wanted) : wanted.charAt(0) - 'a' + 1;
        return polyps.stream().filter(p -> p.ordinal == ordinal).toList();
    }

    private static boolean hasNumber(String reference) {
        return NUMBERED.matcher(reference).find() || LEADING_NUMBER.matcher(reference).find();
    }

    private static boolean hasReference(String text) {
        return !SegmentMentions.find(text).isEmpty() || hasNumber(text);
    }
}
