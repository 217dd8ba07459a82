package org.paretowb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.services.usecase.UserError;
import org.w3c.dom.Element;

class AccuracyGateTest {
    @TempDir
    Path dir;

    @Test
    void aDropOverTheBudgetFailsAndOneWithinItPasses() {
        assertFalse(new AccuracyGate(1.0, 0.92, 0.909, 1000).passed());
        assertTrue(new AccuracyGate(1.0, 0.92, 0.915, 1000).passed());
        assertTrue(new AccuracyGate(0.0, 0.92, 0.93, 1000).passed(), "a compressed model that scores higher passes");
    }

    @Test
    void aDropEqualToTheBudgetPassesDespiteRounding() {
        AccuracyGate gate = new AccuracyGate(1.0, 0.92, 0.91, 100);
        assertTrue(gate.drop() > 1.0, "the double arithmetic is a few ulps over: " + gate.drop());
        assertTrue(gate.passed());
    }

    @Test
    void theFiguresNameBaselineCompressedDropAndBudget() {
        assertEquals("baseline 92.00%, compressed 90.50%, drop 1.50 points, budget 1.00 points, on the same 200 images:"
                + " FAILED", new AccuracyGate(1.0, 0.92, 0.905, 200).figures());
    }

    @Test
    void aNegativeOrNonNumericBudgetIsRefused() {
        assertThrows(UserError.class, () -> AccuracyGate.check(-0.5));
        assertThrows(UserError.class, () -> AccuracyGate.check(Double.NaN));
        AccuracyGate.check(null);
        AccuracyGate.check(0.0);
    }

    @Test
    void theJUnitReportHasOneTestCaseAndAFailureWhenOverTheBudget() throws Exception {
        Path failed = dir.resolve("failed.xml");
        JUnitReport.write(failed, new AccuracyGate(1.0, 0.92, 0.90, 1000), "model <a & b>", "prune 50%", 1.5);
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(failed.toFile())
                .getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("1", suite.getAttribute("failures"));
        Element test = (Element) suite.getElementsByTagName("testcase").item(0);
        assertTrue(test.getAttribute("name").startsWith("model <a & b>: prune 50%"), test.getAttribute("name"));
        assertEquals(1, test.getElementsByTagName("failure").getLength());

        Path passed = dir.resolve("passed.xml");
        JUnitReport.write(passed, new AccuracyGate(3.0, 0.92, 0.90, 1000), "m", "r", 1.5);
        Element ok = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(passed.toFile())
                .getDocumentElement();
        assertEquals("0", ok.getAttribute("failures"));
        assertEquals(0, ok.getElementsByTagName("failure").getLength());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }
}
