package org.paretowb.services.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.paretowb.models.recipe.Recipe;

/**
 * The published schema (services/docs/recipe.schema.json) and the codec describe the same files: the schema's fields are
 * the codec's, its defaults are the codec's, and the example files and written files validate against it (with
 * the keywords the schema uses: type, const, enum, pattern, minimum/maximum and their exclusive forms, required,
 * additionalProperties false).
 */
class RecipeSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("services/docs/recipe.schema.json"))) {
                return p.resolve("services/docs");
            }
        }
        throw new IllegalStateException("services/docs/recipe.schema.json not found above "
                + Path.of("").toAbsolutePath());
    }

    private static JsonNode schema() throws IOException {
        return JSON.readTree(docs().resolve("recipe.schema.json").toFile());
    }

    @Test
    void theSchemaNamesExactlyTheCodecsFields() throws Exception {
        Set<String> named = new TreeSet<>();
        schema().get("properties").fieldNames().forEachRemaining(named::add);
        Set<String> codec = new TreeSet<>(RecipeFile.fields());
        codec.add("format");
        codec.add("version");
        assertEquals(codec, named);
    }

    @Test
    void theSchemasDefaultsAreTheCodecs() throws Exception {
        JsonNode properties = schema().get("properties");
        for (Map.Entry<String, Object> e : RecipeFields.DEFAULTS.entrySet()) {
            JsonNode declared = properties.get(e.getKey()).get("default");
            if (e.getValue() instanceof Number n) {
                assertEquals(n.doubleValue(), declared.doubleValue(), e.getKey());
            } else {
                assertEquals(JSON.valueToTree(e.getValue()), declared, e.getKey());
            }
        }
    }

    @Test
    void theExampleFilesValidateAndRead() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(docs().resolve("recipes"))) {
            examples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(examples.isEmpty());
        for (Path example : examples) {
            assertEquals(List.of(), violations(schema(), JSON.readTree(example.toFile()), "$"), example.toString());
            RecipeFile.read(example);
        }
    }

    @Test
    void writtenFilesValidate() throws Exception {
        for (Recipe r : List.of(Recipe.BASELINE, PointJsonTest.EVERYTHING)) {
            assertEquals(List.of(), violations(schema(), JSON.readTree(RecipeFile.text(r)), "$"));
        }
    }

    @Test
    void theValidatorSeesWhatTheCodecRefuses() throws Exception {
        JsonNode schema = schema();
        assertFalse(violations(schema, JSON.readTree("{\"format\":\"paretowb-recipe\",\"version\":2}"), "$").isEmpty());
        assertFalse(violations(schema, JSON.readTree("{\"format\":\"paretowb-recipe\",\"version\":1,\"x\":1}"), "$")
                .isEmpty());
        assertFalse(violations(schema, JSON.readTree("{\"format\":\"paretowb-recipe\",\"version\":1,\"prune\":1}"), "$")
                .isEmpty());
        assertFalse(violations(schema, JSON.readTree("{\"format\":\"paretowb-recipe\",\"version\":1,\"bits\":3}"), "$")
                .isEmpty());
        assertTrue(violations(schema, JSON.readTree("{\"format\":\"paretowb-recipe\",\"version\":1}"), "$").isEmpty());
    }

    /** The schema keywords the recipe schema uses, checked on one value. */
    private static List<String> violations(JsonNode schema, JsonNode value, String at) {
        List<String> out = new ArrayList<>();
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(at + ": not " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                out.add(at + ": not one of " + schema.get("enum"));
            }
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            out.add(at + ": not of type " + schema.get("type").asText());
        }
        if (schema.has("pattern") && (!value.isTextual()
                || !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find())) {
            out.add(at + ": does not match " + schema.get("pattern").asText());
        }
        if (value.isNumber()) {
            double v = value.doubleValue();
            if (schema.has("minimum") && v < schema.get("minimum").doubleValue()
                    || schema.has("maximum") && v > schema.get("maximum").doubleValue()
                    || schema.has("exclusiveMinimum") && v <= schema.get("exclusiveMinimum").doubleValue()
                    || schema.has("exclusiveMaximum") && v >= schema.get("exclusiveMaximum").doubleValue()) {
                out.add(at + ": " + v + " out of range");
            }
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode name : schema.get("required")) {
                    if (!value.has(name.asText())) {
                        out.add(at + ": missing " + name.asText());
                    }
                }
            }
            JsonNode properties = schema.get("properties");
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (properties != null && properties.has(name)) {
                    out.addAll(violations(properties.get(name), value.get(name), at + "." + name));
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
                    out.add(at + ": unknown field " + name);
                }
            }
        }
        return out;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalArgumentException("the test's validator does not know type " + type);
        };
    }
}
