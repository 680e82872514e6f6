package dev.asgd.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

/**
 * Writes a self-contained {@code index.html}: every figure is embedded as a data URI (the PNG files
 * stay beside it too), the style sheet is inline, and there is no script and no remote resource,
 * so the page opens from disk in any browser without a network. The file is written atomically.
 */
public final class HtmlReportWriter {
    private HtmlReportWriter() {
    }

    /**
     * @param dir the output directory
     * @param title the page title
     * @param intro paragraphs before the summary table
     * @param sections the experiments
     * @return the path of index.html
     * @throws IOException when a figure cannot be read or the page cannot be written
     */
    public static Path write(Path dir, String title, List<String> intro, List<Section> sections) throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n<main>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n");
        for (String p : intro) {
            h.append("<p>").append(escape(p)).append("</p>\n");
        }
        h.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>experiment</th>"
                + "<th>verdict</th><th>by how much</th></tr></thead>\n<tbody>\n");
        for (Section s : sections) {
            h.append("<tr><td><a href=\"#").append(escape(s.id())).append("\">").append(escape(s.title()))
                    .append("</a></td><td>").append(badge(s.verdict())).append("</td><td>")
                    .append(escape(s.verdictText())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        for (Section s : sections) {
            section(h, s);
        }
        h.append("</main>\n</body>\n</html>\n");
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        Path tmp = Files.createTempFile(dir, ".index-", ".html");
        try {
            Files.writeString(tmp, h, StandardCharsets.UTF_8);
            Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return index;
    }

    private static void section(StringBuilder h, Section s) throws IOException {
        h.append("<section id=\"").append(escape(s.id())).append("\">\n<h2>").append(escape(s.title()))
                .append(' ').append(badge(s.verdict())).append("</h2>\n");
        h.append("<p class=\"claim\"><b>Claim.</b> ").append(escape(s.claim())).append("</p>\n");
        h.append("<p class=\"verdict\"><b>Verdict: ").append(escape(s.verdict().label())).append(".</b> ")
                .append(escape(s.verdictText())).append("</p>\n");
        for (Path f : s.figures()) {
            String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(f));
            h.append("<figure><img class=\"figure\" alt=\"").append(escape(f.getFileName().toString()))
                    .append("\" src=\"data:image/png;base64,").append(b64).append("\"><figcaption><a href=\"")
                    .append(escape(f.getFileName().toString())).append("\">").append(escape(f.getFileName().toString()))
                    .append("</a></figcaption></figure>\n");
        }
        for (Table t : s.tables()) {
            h.append("<table>\n<thead><tr>");
            for (String c : t.header()) {
                h.append("<th>").append(escape(c)).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (List<String> r : t.rows()) {
                h.append("<tr>");
                for (String c : r) {
                    h.append("<td>").append(escape(c)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        for (String n : s.notes()) {
            h.append("<p class=\"note\">").append(escape(n)).append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static String badge(Verdict v) {
        return "<span class=\"badge " + v.cssClass() + "\">" + escape(v.label()) + "</span>";
    }

    /**
     * @param text any text
     * @return the text with HTML's special characters escaped
     */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f;
                   background: #fafafa; margin: 0; }
            main { max-width: 1000px; margin: 0 auto; padding: 24px; background: #fff; }
            h1 { font-size: 1.7em; } h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; margin: 12px 0; font-size: 0.9em; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            figure { margin: 12px 0; } img.figure { max-width: 100%; border: 1px solid #eee; }
            figcaption { font-size: 0.8em; color: #666; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.75em;
                     font-weight: 600; vertical-align: middle; }
            .holds { background: #d9f2dd; color: #17622a; }
            .holds-with-correction { background: #fff1c7; color: #7a5600; }
            .fails { background: #fbd9d9; color: #8a1c1c; }
            .claim { background: #f6f8fa; padding: 8px 12px; border-left: 3px solid #8aa; }
            .note { color: #444; font-size: 0.95em; }
            """;
}
