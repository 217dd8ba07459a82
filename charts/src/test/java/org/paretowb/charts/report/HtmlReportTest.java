package org.paretowb.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Forgetting;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.paretowb.models.report.ReportInput;

class HtmlReportTest {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";

    private static Document parse(String page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document d, String tag, String cssClass) {
        NodeList all = d.getElementsByTagNameNS(XHTML, tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element byId(Document d, String id) {
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    @Test
    void thePageIsWellFormedXhtmlWithBothChartsAsInlineSvg() throws Exception {
        Document d = parse(new HtmlReport().render(ReportFixtures.input()));

        assertEquals("html", d.getDocumentElement().getLocalName());
        assertEquals(XHTML, d.getDocumentElement().getNamespaceURI());
        assertEquals(SVG, byId(d, "chart-latency").getNamespaceURI());
        assertEquals(SVG, byId(d, "chart-size").getNamespaceURI());
        assertEquals("svg", byId(d, "chart-size").getLocalName());
        assertEquals(0, d.getElementsByTagNameNS(XHTML, "script").getLength(), "nothing runs in the report");
    }

    @Test
    void theHistoryHasOneRowPerPointWithTheBaselineAndFrontierMarked() throws Exception {
        Document d = parse(new HtmlReport().render(ReportFixtures.input()));

        Element table = byClass(d, "table", "points").get(0);
        NodeList rows = ((Element) table.getElementsByTagNameNS(XHTML, "tbody").item(0)).getElementsByTagNameNS(XHTML, "tr");
        assertEquals(3, rows.getLength());
        assertEquals("baseline", ((Element) rows.item(0)).getAttribute("class"));
        assertTrue(byId(d, "point-2").getTextContent().contains("sparse <90%> & tuned"), "names escaped and read back");
        assertTrue(byId(d, "point-3").getTextContent().contains("simulated"));
        assertTrue(byId(d, "point-2").getTextContent().contains("S"), "the pruned point is on the size frontier");
    }

    @Test
    void theFlippedCountsAreForgettingsCounts() throws Exception {
        ReportInput input = ReportFixtures.input();
        Forgetting pruned = Forgetting.between(input.baseline().measurement(), ReportFixtures.pruned().measurement(),
                input.evaluationSet());
        Document d = parse(new HtmlReport().render(input));

        Element section = byId(d, "forgot-2");
        assertTrue(section.getTextContent().contains(pruned.lost().size() + " lost"), section.getTextContent());
        assertTrue(section.getTextContent().contains(pruned.gained().size() + " gained"));
        assertEquals(4, pruned.lost().size());
        assertEquals(pruned.lost().size(), tiles(section, "lost"));
        assertEquals(pruned.gained().size(), tiles(section, "gained"));
        assertEquals(1, tiles(byId(d, "forgot-3"), "lost"));
        assertTrue(byId(d, "forgot-3").getTextContent().contains("None."), "no gained image: said so");
    }

    private static int tiles(Element section, String kind) {
        NodeList divs = section.getElementsByTagNameNS(XHTML, "div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element e = (Element) divs.item(i);
            if (e.getAttribute("class").equals("tiles " + kind)) {
                return e.getElementsByTagNameNS(XHTML, "img").getLength();
            }
        }
        return 0;
    }

    @Test
    void theGridIsCappedAndSaysHowManyItShows() throws Exception {
        Document d = parse(new HtmlReport(2).render(ReportFixtures.input()));

        Element section = byId(d, "forgot-2");
        assertEquals(2, tiles(section, "lost"));
        assertTrue(section.getTextContent().contains("4 images, 2 of 4 shown"), section.getTextContent());
    }

    @Test
    void eachImageNamesItsTrueClassAndBothPredictions() throws Exception {
        Document d = parse(new HtmlReport().render(ReportFixtures.input()));

        // image 30 is class 0; the quantized point predicts class 1 there, the baseline was right
        String tile = byClass(d, "div", "tile").stream().filter(e -> e.getAttribute("title").startsWith("image 30:"))
                .findFirst().orElseThrow().getTextContent();
        assertTrue(tile.contains("T-shirt/top"));
        assertTrue(tile.contains("before: T-shirt/top"));
        assertTrue(tile.contains("after: Trouser"));
        Element img = (Element) byClass(d, "div", "tile").get(0).getElementsByTagNameNS(XHTML, "img").item(0);
        assertTrue(img.getAttribute("src").startsWith("data:image/png;base64,"), "images are inside the file");
    }

    @Test
    void pointsOnOtherImagesAreSaidToBe() throws Exception {
        ReportInput full = ReportFixtures.input();
        Measurement m = ReportFixtures.pruned().measurement();
        byte[] first40 = java.util.Arrays.copyOf(m.predictions(), 40);
        Measurement onSubset = Measurement.builder().accuracy(m.accuracy(), m.top5(), m.perClass())
                .latency(m.latencyP50Ms(), m.latencyP95Ms()).sizeBytes(m.sizeBytes())
                .counts(m.parameters(), m.nonZeros(), m.macs()).throughput(m.throughput()).predictions(first40)
                .network(m.network()).how(m.how()).build();
        EvaluatedPoint subset = new EvaluatedPoint(4, Recipe.builder().pruning(new PruningSettings(0.5)).build(),
                onSubset);
        ReportInput input = new ReportInput(full.title(), full.modelTitle(), full.dataTitle(),
                List.of(full.baseline(), subset), full.baseline(), full.evaluationSet(), full.classNames(),
                full.environment(), Instant.EPOCH);

        Document d = parse(new HtmlReport().render(input));

        String text = byId(d, "forgot-4").getTextContent();
        assertTrue(text.contains("Not measured on the same images: the baseline on 60, this point on 40."), text);
        assertTrue(text.contains("of 40 images compared"), text);
    }

    @Test
    void withoutABaselineTheComparisonsSayWhyTheyAreEmpty() throws Exception {
        ReportInput full = ReportFixtures.input();
        ReportInput input = new ReportInput("No baseline", "", "", List.of(ReportFixtures.pruned()), null, null,
                List.of(), null, Instant.EPOCH);

        String page = new HtmlReport().render(input);
        Document d = parse(page);

        assertTrue(byId(d, "gains").getTextContent().contains("No baseline was measured"));
        assertFalse(page.contains("forgot-2"));
        assertTrue(byId(d, "environment").getTextContent().contains("No environment was recorded."));
        assertEquals(3, full.points().size());
    }

    @Test
    void theMethodSaysOnlyWhatThePointsRecord() throws Exception {
        Document d = parse(new HtmlReport().render(ReportFixtures.input()));

        String method = byId(d, "method").getTextContent();
        assertTrue(method.contains("20 warm-up runs discarded, then 200 timed runs"), method);
        assertTrue(method.contains("Simulated: simulated int8 weights"), method);
        assertTrue(method.contains("#3: "), "the simulated point is named: " + method);
        assertTrue(method.contains("Top-1 and top-5 over all 60 images of hand-made."), method);
    }
}
