package org.paretowb.services.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;

class RecipeFileTest {
    private static final String HEADER = "{\"format\": \"paretowb-recipe\", \"version\": 1";

    private static String refused(String text) {
        RecipeFileException e = assertThrows(RecipeFileException.class, () -> RecipeFile.parse(text, "r.json"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("r.json: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aRecipeWithEverySettingRoundTrips() throws Exception {
        assertEquals(PointJsonTest.EVERYTHING, RecipeFile.parse(RecipeFile.text(PointJsonTest.EVERYTHING), "r.json"));
    }

    @Test
    void theBaselineAndOneStageRecipesRoundTrip() throws Exception {
        List<Recipe> recipes = List.of(Recipe.BASELINE,
                Recipe.builder().pruning(new PruningSettings(0.5)).quantization(
                        new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true)).build(),
                Recipe.builder().pruning(new PruningSettings(0.3, PruningSettings.Scope.PER_LAYER)).build(),
                Recipe.builder().distillation(new DistillationSettings("cnn:8,16", 2, 0.5, 3, 0.01,
                        DistillationSettings.Optimizer.ADAM, 0, 128, 7)).build(),
                Recipe.builder().quantization(new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true,
                        1000, QuantizationSettings.Observer.MIN_MAX, Int8Layers.WHERE_IT_PAYS)).build());
        for (Recipe r : recipes) {
            assertEquals(r, RecipeFile.parse(RecipeFile.text(r), "r.json"), RecipeFile.text(r));
        }
    }

    @Test
    void aWrittenFileHasTheHeaderAndEveryField() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RecipeFile.text(Recipe.BASELINE));
        assertEquals("paretowb-recipe", tree.get("format").asText());
        assertEquals(1, tree.get("version").asInt());
        for (String field : RecipeFile.fields()) {
            assertTrue(tree.has(field), field);
        }
        assertEquals(RecipeFile.fields().size() + 2, tree.size());
    }

    @Test
    void leftOutFieldsKeepTheFlagsDefaults() throws Exception {
        Recipe r = RecipeFile.parse(HEADER + ", \"prune\": 0.5, \"bits\": 8}", "r.json");
        assertEquals(new PruningSettings(0.5), r.pruning());
        assertEquals(new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true, 0), r.quantization());
        assertTrue(r.distillation().equals(DistillationSettings.NONE) && !r.fineTune().active() && !r.lowRank().active());
        assertEquals(Recipe.BASELINE, RecipeFile.parse(HEADER + "}", "r.json"));
    }

    @Test
    void dynamicAndStaticWithoutBitsMeanEightBitsAsOnTheCommandLine() throws Exception {
        Recipe r = RecipeFile.parse(HEADER + ", \"quant\": \"static\"}", "r.json");
        assertEquals(8, r.quantization().bits());
        assertEquals(1000, r.quantization().calibrationSamples());
    }

    @Test
    void malformedJsonIsRefusedWithItsPlace() {
        String m = refused(HEADER + ", \"prune\": 0.5,, }");
        assertTrue(m.contains("not valid JSON at line 1"), m);
        assertTrue(refused("").contains("one JSON object"));
        assertTrue(refused("[1, 2]").contains("one JSON object"));
        assertTrue(refused(HEADER + ", \"prune\": 0.5, \"prune\": 0.6}").contains("not valid JSON"));
    }

    @Test
    void anUnknownFieldIsNamed() {
        String m = refused(HEADER + ", \"prunning\": 0.5}");
        assertTrue(m.contains("unknown field 'prunning'"), m);
    }

    @Test
    void aFutureVersionIsRefused() {
        String m = refused("{\"format\": \"paretowb-recipe\", \"version\": 2, \"prune\": 0.5}");
        assertTrue(m.contains("recipe version 2 is newer than this workbench reads (version 1)"), m);
    }

    @Test
    void aMissingOrWrongHeaderIsRefused() {
        assertTrue(refused("{\"prune\": 0.5}").contains("not a recipe file: field 'format'"));
        assertTrue(refused("{\"format\": \"paretowb-recipe\", \"prune\": 0.5}").contains("field 'version'"));
        assertTrue(refused("{\"format\": \"paretowb-recipe\", \"version\": \"1\"}").contains("field 'version'"));
        assertTrue(refused("{\"format\": \"other\", \"version\": 1}").contains("not a recipe file"));
    }

    @Test
    void wrongTypesAndValuesNameTheField() {
        assertTrue(refused(HEADER + ", \"prune\": \"half\"}").contains("field 'prune' must be a number, not \"half\""));
        assertTrue(refused(HEADER + ", \"bits\": 8.5}").contains("field 'bits' must be a whole number"));
        assertTrue(refused(HEADER + ", \"per-tensor\": null}").contains("field 'per-tensor' must be true or false"));
        assertTrue(refused(HEADER + ", \"prune\": 1.5}").contains("prune: pruning sparsity must be"));
        String m = refused(HEADER + ", \"prune-scope\": \"everywhere\"}");
        assertTrue(m.contains("field 'prune-scope' must be global or layer, not 'everywhere'"), m);
        assertTrue(refused(HEADER + ", \"bits\": 3}").contains("quant: quantization bits must be 8, 4 or 2"));
    }
}
