package org.paretowb.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    @Test
    void theReportIsAPdfWithTheSameSectionsAndFigures() throws Exception {
        byte[] pdf = new PdfReport().bytes(ReportFixtures.input());

        assertEquals("%PDF-", new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 2, "pages: " + document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (String expected : new String[] {"Session <one> & \"two\"", "Accuracy against cost", "Points",
                "Nominal versus measured", "What the compression forgot", "How these figures were measured",
                "Environment", "sparse <90%> & tuned", "4 lost", "2 gained", "int8 weights packed: smaller file,",
                "2 vCPU AMD EPYC <AVX2>", "Page 1 of"}) {
                assertTrue(text.contains(expected), "'" + expected + "' missing from: " + text);
            }
        }
    }
}
