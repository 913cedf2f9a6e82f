package org.endolens.metrics;

import org.endolens.EndoLensException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report (plots embedded as PNG data URIs, no scripts, no external files) that opens in
 * any browser and can be mailed as one file. Sections are added in reading order.
 */
public final class HtmlReport {
    private final String title;
    private final List<String> body = new ArrayList<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /** Preformatted text, e.g. the command that produced the report. */
    public HtmlReport code(String text) {
        body.add("<pre>" + escape(text) + "</pre>");
        return this;
    }

    /** A two-column table of names and values. */
    public HtmlReport keyValues(Map<String, ?> rows) {
        StringBuilder s = new StringBuilder("<table>");
        rows.forEach((k, v) -> s.append("<tr><th>").append(escape(k)).append("</th><td>")
                .append(escape(String.valueOf(v))).append("</td></tr>"));
        body.add(s.append("</table>").toString());
        return this;
    }

    /** A table with a header row. */
    public HtmlReport table(List<String> header, List<List<?>> rows) {
        StringBuilder s = new StringBuilder("<table><tr>");
        header.forEach(h -> s.append("<th>").append(escape(h)).append("</th>"));
        s.append("</tr>");
        for (List<?> row : rows) {
            s.append("<tr>");
            row.forEach(c -> s.append("<td>").append(escape(String.valueOf(c))).append("</td>"));
            s.append("</tr>");
        }
        body.add(s.append("</table>").toString());
        return this;
    }

    /** An embedded PNG with a caption. */
    public HtmlReport image(String caption, byte[] png) {
        body.add("<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + escape(caption) + "</figcaption></figure>");
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 10px;text-align:left}"
                + "th{background:#f3f3f3}figure{display:inline-block;margin:0.5em}img{max-width:100%;border:1px solid #ddd}"
                + "pre{background:#f6f6f6;padding:0.6em;overflow-x:auto}</style></head><body>\n<h1>" + escape(title)
                + "</h1>\n" + String.join("\n", body) + "\n</body></html>\n";
    }

    /** Writes the report atomically. */
    public void write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, render(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EndoLensException(file + ": cannot write report (" + e.getMessage() + ")", e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
