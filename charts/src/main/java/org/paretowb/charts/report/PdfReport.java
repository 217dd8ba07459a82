package org.paretowb.charts.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.paretowb.models.report.ReportInput;

/**
 * The same report as {@link HtmlReport}, laid out on A4 pages as a PDF: the page's XHTML rendered by
 * openhtmltopdf, with the SVG charts drawn as vectors (Apache Batik) and page numbers in the footer.
 * Text is set in DejaVu Sans where the system has it (Debian's fonts-dejavu-core), else in the PDF's
 * built-in Helvetica.
 */
public final class PdfReport {
    /** Where Debian (and most Linux systems) keep DejaVu, which covers every character the report writes. */
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

    private final HtmlReport html;

    public PdfReport() {
        this(new HtmlReport());
    }

    /** @param html the page to lay out (its cap on flipped images shown applies) */
    public PdfReport(HtmlReport html) {
        this.html = html;
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false); // its INFO lines are not for users
    }

    /** The PDF's bytes, for the caller to write (atomically) to a {@code .pdf} file. */
    public byte[] bytes(ReportInput input) {
        String page = html.render(input, HtmlReport.Medium.PRINT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(page, null);
        builder.withProducer("Pareto Workbench");
        fonts(builder);
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("laying out the report as PDF failed", e);
        }
        return out.toByteArray();
    }

    private static void fonts(PdfRendererBuilder builder) {
        record Face(String file, String family, int weight, FontStyle style) {
        }
        for (Face f : List.of(new Face("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
                new Face("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL),
                new Face("DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC),
                new Face("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL))) {
            File file = DEJAVU.resolve(f.file()).toFile();
            if (!Files.isReadable(file.toPath())) {
                continue;
            }
            builder.useFont(file, f.family(), f.weight(), f.style(), true);
        }
    }
}
