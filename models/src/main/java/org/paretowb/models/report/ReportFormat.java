package org.paretowb.models.report;

import java.nio.file.Path;
import java.util.Locale;

/** The formats a report is written in, named by its file's extension. */
public enum ReportFormat {
    /** Self-contained HTML, charts as inline SVG (.html or .htm). */
    HTML,
    /** The same content as a PDF. */
    PDF,
    /** One row per point. */
    CSV,
    /** The points and how they were measured. */
    JSON;

    /** The format a file name asks for; a message naming the file when its extension is not a report format. */
    public static ReportFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return HTML;
        }
        if (name.endsWith(".pdf")) {
            return PDF;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        throw new IllegalArgumentException("a report file must end in .html, .pdf, .csv or .json: " + file);
    }
}
