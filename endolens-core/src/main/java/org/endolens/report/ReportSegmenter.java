package org.endolens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a normalised report into sentences and list items and assigns each to a {@link Section}, from headings
 * ("INDICATION:", "Path:", "recs:") and from sentence-level cues ("hx of TVA", "repeat in 3 years"). Headings may
 * start a line or follow a sentence on the same line, as in telegraphic one-line reports.
 */
final class ReportSegmenter {
    private static final Pattern HEADING = Pattern.compile("^([A-Za-z][A-Za-z /&'()#+-]{0,40}?)\\s*:(?!\\d)\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern BULLET = Pattern.compile("^[\\s\\-*\u2022\u00B7\u25AA\u25E6>]+");
    private static final Pattern LONE_MARKER = Pattern.compile("^\\(?(\\d{1,2}|[A-Ha-h])[.)]$");
    private static final Pattern LEADING_MARKER = Pattern.compile(
            "^(?:#\\s*(\\d{1,2})\\b|\\((\\d{1,2}|[A-Ha-h])\\)|(\\d{1,2}|[A-Ha-h])\\)|(\\d{1,2})\\.(?=\\s))\\s*");
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "vs", "approx", "e.g", "i.e",
            "eg", "ie", "st", "prof", "jr", "sr");
    private static final Pattern HISTORY_CUE = Pattern.compile("\\b(?:history of|hx\\b|h/o\\b|s/p\\b|status post"
            + "|after removal of|previously removed|(?:prior|previous) (?:\\w+ ){0,2}(?:colonoscop\\w*|exam\\w*|stud(?:y|ies)"
            + "|procedures?)|(?:prior|previous) (?:\\S+ ){0,4}?(?:polyps?|adenomas?|ta|tva|ssl|ssa|hp|cancer|carcinoma)\\b"
            + "|last colonoscop\\w*|on (?:prior|previous)\\b|\\bago\\b|indication)");
    private static final Pattern RESIDUAL = Pattern.compile("\\b(?:residual|recurren\\w*)\\b(?! (?:was|were) not)");
    private static final Pattern PLAN_START = Pattern.compile("^\\W*(?:repeat|recommend\\w*|recs?\\b|follow[- ]?up"
            + "|f/u\\b|next (?:colonoscop|exam|surveillance|screening)|return\\b|refer\\w*|await\\w*|consider\\b"
            + "|(?:surveillance |screening )?colonoscopy in\\b|surveillance in\\b)");
    private static final Pattern PLAN_INTERVAL = Pattern.compile("\\b(?:repeat|surveillance|screening|colonoscopy)\\b"
            + "[^.;]*\\bin \\d+(?:\\s*-\\s*\\d+)?\\s*(?:years?|yrs?|y|months?|mos?|weeks?|wks?)\\b");
    private static final Pattern PATHOLOGY_STATEMENT = Pattern.compile("^\\W*(?:the\\s+)?(?:final\\s+)?(?:pathology"
            + "|histology|histopathology|path)\\b|\\b(?:pathology|histology|histopathology|biops(?:y|ies))\\b[^.;]{0,30}"
            + "\\b(?:showed|shows|revealed|reveals|confirmed|confirms|demonstrated|demonstrates)\\b");
    private static final Pattern EXAM_CUE = Pattern.compile("\\b(?:reached|bbps|boston|found|seen|removed|snare"
            + "|forceps|noted|identified|retroflex\\w*|diverticul\\w*|hemorrhoid\\w*|intubated|advanced|withdrawal"
            + "|\\d+(?:\\.\\d+)?\\s*(?:mm|cm))\\b");

    private ReportSegmenter() {}

    /**
     * The section the next sentence belongs to. A history heading at the start of a line covers its line (later
     * sentences only while they read like history, not like findings); one that follows a sentence on the same line
     * covers only its own sentence, as in "Surveillance colonoscopy. indication: prior EMR. Prep BBPS 3-3-3 (9)."
     */
    private static final class SectionTracker {
        Section current = Section.FINDINGS;
        private Section beforeHistory = Section.FINDINGS;
        private boolean historyOpen;
        private boolean historyInline;
        private boolean historyHasContent;

        void newLine() {
            if (historyOpen && historyHasContent) {
                closeHistory();
            }
        }

        void heading(Section heading, boolean lineStart, boolean hasContent) {
            if (heading != Section.HISTORY) {
                historyOpen = false;
                current = heading;
                return;
            }
            if (!historyOpen) {
                beforeHistory = current == Section.HISTORY ? Section.FINDINGS : current;
            }
            historyOpen = true;
            historyInline = !lineStart;
            historyHasContent = hasContent;
            current = Section.HISTORY;
        }

        void sentenceWithoutHeading(String lower) {
            if (!historyOpen) {
                return;
            }
            if (historyHasContent && (historyInline || EXAM_CUE.matcher(lower).find())) {
                closeHistory();
            } else {
                historyHasContent = true;
            }
        }

        private void closeHistory() {
            historyOpen = false;
            current = beforeHistory;
        }
    }

    static List<ReportSentence> split(String normalized) {
        List<ReportSentence> sentences = new ArrayList<>();
        SectionTracker section = new SectionTracker();
        for (String rawLine : normalized.split("\n")) {
            String line = BULLET.matcher(rawLine).replaceFirst("").trim();
            if (line.isEmpty()) {
                continue;
            }
            section.newLine();
            String pendingLabel = null;
            boolean lineStart = true;
            for (String piece : sentencesOf(line)) {
                String content = piece;
                Section heading = null;
                Matcher h = HEADING.matcher(piece);
                if (h.matches()) {
                    heading = headingSection(h.group(1));
                    content = heading == null ? piece : h.group(2).trim();
                } else if (piece.indexOf(' ') < 0) {
                    heading = headingSection(piece.replaceAll("[.:]$", ""));
                    content = heading == null ? piece : "";
                }
                if (heading != null) {
                    section.heading(heading, lineStart, !content.isEmpty());
                } else {
                    section.sentenceWithoutHeading(lower(piece));
                }
                lineStart = false;
                if (content.isEmpty()) {
                    continue;
                }
                Matcher lone = LONE_MARKER.matcher(content);
                if (lone.matches()) {
                    pendingLabel = lone.group(1).toLowerCase(Locale.ROOT);
                    continue;
                }
                String label = pendingLabel;
                pendingLabel = null;
                Matcher marker = LEADING_MARKER.matcher(content);
                if (marker.find() && marker.end() < content.length()) {
                    for (int g = 1; g <= 4; g++) {
                        if (marker.group(g) != null) {
                            label = marker.group(g).toLowerCase(Locale.ROOT);
                        }
                    }
                    content = content.substring(marker.end());
                }
                addClauses(sentences, piece, content, section.current, label);
            }
        }
        return sentences;
    }

    // A sentence whose clauses differ (findings; then "repeat in 5 years") is split so each clause keeps its own section.
    private static void addClauses(List<ReportSentence> out, String text, String content, Section section, String label) {
        String[] clauses = content.split(";");
        Section[] kinds = new Section[clauses.length];
        boolean mixed = false;
        for (int i = 0; i < clauses.length; i++) {
            kinds[i] = clauseSection(clauses[i], section);
            mixed |= kinds[i] != kinds[0];
        }
        if (!mixed) {
            out.add(new ReportSentence(text, content, kinds[0], label));
            return;
        }
        for (int i = 0; i < clauses.length; i++) {
            if (!clauses[i].isBlank()) {
                out.add(new ReportSentence(clauses[i].trim(), clauses[i].trim(), kinds[i], i == 0 ? label : null));
            }
        }
    }

    private static Section clauseSection(String clause, Section section) {
        if (section == Section.HISTORY || section == Section.PLAN) {
            return section;
        }
        String lower = lower(clause);
        // "Residual adenoma at the prior polypectomy site" is a finding of this exam despite its "prior".
        if (HISTORY_CUE.matcher(lower).find() && !RESIDUAL.matcher(lower).find()) {
            return Section.HISTORY;
        }
        if (PLAN_START.matcher(lower).find() || PLAN_INTERVAL.matcher(lower).find()) {
            return Section.PLAN;
        }
        if (section == Section.FINDINGS && PATHOLOGY_STATEMENT.matcher(lower).find()) {
            return Section.PATHOLOGY;
        }
        return section;
    }

    /** The section a heading opens, or null for labels that are not section headings ("Sigmoid colon", "Polyp #1"). */
    static Section headingSection(String heading) {
        String h = lower(heading).trim();
        if (h.matches("(?:indications?|reason(?: for .*)?|(?:clinical |past |medical |relevant )?history.*|hx|h/o"
                + "|clinical (?:information|indication|details)|presenting .*|referral .*)")) {
            return Section.HISTORY;
        }
        if (h.matches("(?:plan|plans|recommendations?|recs?|recommended|follow[- ]?up|disposition|next steps?)")) {
            return Section.PLAN;
        }
        if (h.matches("(?:path|pathology|histology|histopathology|pathology (?:results?|report|findings)"
                + "|histologic .*|pathologic .*|path results?)")) {
            return Section.PATHOLOGY;
        }
        if (h.matches("(?:impressions?|assessment|conclusions?|summary|(?:post-?procedure |endoscopic )?diagnos[ie]s"
                + "|specimens?(?: .*)?)")) {
            return Section.SUMMARY;
        }
        if (h.matches("(?:(?:segment |other |procedure |colonoscopy )?findings|description|procedure(?: .*)?|exam"
                + "|examination|(?:bowel )?prep(?:aration)?(?: quality)?|prep quality|quality|sedation|medications?"
                + "|meds|anesthesia|extent(?: of exam)?|cecal intubation|intubation|retroflexion|withdrawal(?: time)?"
                + "|other|polyps?|technique|complications?|interventions?|colonoscopy(?: report)?)")) {
            return Section.FINDINGS;
        }
        return keywordSection(h);
    }

    // Headings outside the usual list ("Findings/interventions", "Pathology results (final)") by their key word.
    private static Section keywordSection(String heading) {
        if (heading.matches(".*\\b(?:indications?|history)\\b.*")) {
            return Section.HISTORY;
        }
        if (heading.matches(".*\\b(?:recommendations?|plan)\\b.*")) {
            return Section.PLAN;
        }
        if (heading.matches(".*\\b(?:patholog\\w*|histolog\\w*|histopatholog\\w*)\\b.*")) {
            return Section.PATHOLOGY;
        }
        if (heading.matches(".*\\b(?:impressions?|assessment)\\b.*")) {
            return Section.SUMMARY;
        }
        if (heading.matches(".*\\bfindings\\b.*")) {
            return Section.FINDINGS;
        }
        return null;
    }

    /** Sentences of one line: split after . ! ? followed by a space, except after abbreviations ("Dr."). */
    static List<String> sentencesOf(String line) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)));
            if (!end || abbreviationBefore(line, i)) {
                continue;
            }
            String piece = line.substring(start, i + 1).trim();
            if (!piece.isEmpty()) {
                out.add(piece);
            }
            start = i + 1;
        }
        String rest = line.substring(start).trim();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    private static boolean abbreviationBefore(String line, int dot) {
        int from = dot;
        while (from > 0 && (Character.isLetter(line.charAt(from - 1)) || line.charAt(from - 1) == '.')) {
            from--;
        }
        return ABBREVIATIONS.contains(lower(line.substring(from, dot)));
    }

    private static String lower(String text) {
        return ReportText.lower(text);
    }
}
