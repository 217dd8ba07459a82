package org.paretowb.charts.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.paretowb.models.report.ReportInput;

/**
 * Writes the four reports of the hand-made fixture to a folder, to look at them:
 * {@code java -cp <charts test classpath> org.paretowb.charts.report.SampleReports /tmp/reports}.
 * Not a test; real-looking figures need measured points, which come from the experiment store.
 */
public final class SampleReports {
    private SampleReports() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/sample-reports");
        Files.createDirectories(out);
        ReportInput input = ReportFixtures.input();
        Files.write(out.resolve("report.html"), new HtmlReport().bytes(input));
        Files.write(out.resolve("report.pdf"), new PdfReport().bytes(input));
        Files.write(out.resolve("points.csv"), new PointsCsv().bytes(input));
        Files.write(out.resolve("points.json"), new PointsJson().bytes(input));
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
