package org.paretowb.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.paretowb.services.usecase.AtomicFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An accuracy gate's result as a JUnit XML test suite (the format CI servers read): one test case, with a
 * failure element when the drop is over the budget. Written through a temporary file and a rename.
 */
final class JUnitReport {
    private JUnitReport() {
    }

    static void write(Path file, AccuracyGate gate, String model, String recipe, double seconds) throws IOException {
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suite = xml.createElement("testsuite");
            xml.appendChild(suite);
            suite.setAttribute("name", "paretowb accuracy gate");
            suite.setAttribute("tests", "1");
            suite.setAttribute("failures", gate.passed() ? "0" : "1");
            suite.setAttribute("errors", "0");
            suite.setAttribute("skipped", "0");
            suite.setAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
            suite.setAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            Element properties = xml.createElement("properties");
            suite.appendChild(properties);
            property(xml, properties, "model", model);
            property(xml, properties, "recipe", recipe);
            property(xml, properties, "baselineAccuracy", String.format(Locale.ROOT, "%.4f", gate.baseline()));
            property(xml, properties, "compressedAccuracy", String.format(Locale.ROOT, "%.4f", gate.compressed()));
            property(xml, properties, "dropPoints", String.format(Locale.ROOT, "%.4f", gate.drop()));
            property(xml, properties, "budgetPoints", String.format(Locale.ROOT, "%.4f", gate.budget()));
            property(xml, properties, "samples", Integer.toString(gate.samples()));
            Element test = xml.createElement("testcase");
            suite.appendChild(test);
            test.setAttribute("classname", "paretowb.eval");
            test.setAttribute("name", String.format(Locale.ROOT, "%s: %s loses at most %.2f accuracy points", model,
                    recipe, gate.budget()));
            test.setAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
            if (!gate.passed()) {
                Element failure = xml.createElement("failure");
                failure.setAttribute("type", "AccuracyDropOverBudget");
                failure.setAttribute("message", String.format(Locale.ROOT,
                        "accuracy drop %.2f points is over the budget of %.2f points", gate.drop(), gate.budget()));
                failure.setTextContent(gate.figures());
                test.appendChild(failure);
            }
            Element out = xml.createElement("system-out");
            out.setTextContent(gate.figures());
            test.appendChild(out);
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            AtomicFile.write(file, temporary -> {
                try {
                    transformer.transform(new DOMSource(xml), new StreamResult(temporary.toFile()));
                } catch (TransformerException e) {
                    throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
                }
            });
        } catch (ParserConfigurationException | javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's XML writer is not available", e);
        }
    }

    private static void property(Document xml, Element properties, String name, String value) {
        Element p = xml.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", value);
        properties.appendChild(p);
    }
}
