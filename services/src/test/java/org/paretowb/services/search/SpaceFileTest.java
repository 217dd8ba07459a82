package org.paretowb.services.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;

class SpaceFileTest {
    private static final String HEADER = "{\"format\": \"paretowb-search-space\", \"version\": 1, ";

    @Test
    void aFileGivesItsKnobsInOrderWithRangesAndChoices() throws Exception {
        SearchSpace s = SpaceFile.parse(HEADER + "\"description\": \"test\", \"knobs\": {"
                + "\"structured\": {\"min\": 0, \"max\": 0.5, \"steps\": 6},"
                + "\"finetune-epochs\": {\"values\": [0, 1]},"
                + "\"finetune-lr\": {\"min\": 0.0001, \"max\": 0.01, \"log\": true},"
                + "\"quant\": {\"values\": [\"fp32\", \"static-int8\"]}}}", "s.json");
        assertEquals(List.of("structured", "finetune-epochs", "finetune-lr", "quant"),
                s.knobs().stream().map(Knob::name).toList());
        assertEquals(6 * 2 * SpaceFile.DEFAULT_STEPS * 2, s.gridSize());
        assertEquals(List.of(0.0001, 0.0003162, 0.001, 0.003162, 0.01), s.knobs().get(2).grid());
        Recipe r = s.recipe(List.of(0.2, 1.0, 0.001, 1.0));
        assertEquals(0.2, r.structured().ratio());
        assertEquals(1, r.fineTune().epochs());
        assertEquals(0.001, r.fineTune().learningRate());
        assertEquals(QuantizationSettings.Mode.STATIC, r.quantization().mode());
        assertEquals(Map.of("structured", 0.2, "finetune-epochs", 1.0, "finetune-lr", 0.001, "quant", "static-int8"),
                s.settings(List.of(0.2, 1.0, 0.001, 1.0)));
    }

    @Test
    void withoutEpochsTheLearningRateMakesNoOtherRecipe() throws Exception {
        SearchSpace s = SpaceFile.parse(HEADER + "\"knobs\": {\"finetune-epochs\": {\"values\": [0, 2]},"
                + "\"finetune-lr\": {\"min\": 0.0001, \"max\": 0.01, \"log\": true}}}", "s.json");
        assertEquals(Recipe.BASELINE, s.recipe(List.of(0.0, 0.0001)));
        assertEquals(s.recipe(List.of(0.0, 0.0001)), s.recipe(List.of(0.0, 0.01)));
    }

    @Test
    void refusals() {
        assertRefused(HEADER + "\"knobs\": {\"prune\": {\"min\": 0, \"max\": 0.9}}, \"extra\": 1}", "unknown field 'extra'");
        assertRefused("{\"format\": \"paretowb-search-space\", \"version\": 2, \"knobs\": {\"prune\": {\"values\": [0]}}}",
                "search-space version 2 is not one this workbench reads");
        assertRefused("{\"format\": \"paretowb-recipe\", \"version\": 1}", "not a search-space file");
        assertRefused(HEADER + "\"knobs\": {\"dropout\": {\"values\": [0]}}}", "unknown knob 'dropout'");
        assertRefused(HEADER + "\"knobs\": {\"prune\": {\"min\": 0, \"max\": 1}}}", "prune: values must be at least 0 and below 1");
        assertRefused(HEADER + "\"knobs\": {\"prune\": {\"min\": 0, \"max\": 0.5, \"step\": 3}}}", "unknown field 'step'");
        assertRefused(HEADER + "\"knobs\": {\"quant\": {\"values\": [\"fp16\"]}}}", "quant: unknown choice 'fp16'");
        assertRefused(HEADER + "\"knobs\": {\"rank\": {\"values\": [0.5], \"min\": 0.1, \"max\": 1}}}", "either values or a range");
        assertRefused(HEADER + "\"knobs\": {}}", "at least one knob");
        assertRefused(HEADER + "\"knobs\": {\"prune\": {\"min\": 0, \"max\": 0.5}, \"prune\": {\"values\": [0]}}}", "not valid JSON");
        assertRefused(HEADER + "\"knobs\": {\"finetune-epochs\": {\"values\": [0.5]}}}", "whole numbers");
    }

    @Test
    void theDocumentedExampleSpacesRead() throws Exception {
        Path docs = Path.of("docs/search-spaces");
        try (var files = Files.list(docs)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertTrue(all.size() >= 2, "example spaces in " + docs.toAbsolutePath());
            for (Path p : all) {
                assertTrue(SpaceFile.read(p).gridSize() > 1, p.toString());
            }
        }
    }

    private static void assertRefused(String text, String expected) {
        SpaceFileException e = assertThrows(SpaceFileException.class, () -> SpaceFile.parse(text, "s.json"));
        assertTrue(e.getMessage().startsWith("s.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
