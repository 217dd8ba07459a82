package org.paretowb.services.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.paretowb.models.recipe.Recipe;

/**
 * A recipe as a small JSON file (schema: services/docs/recipe.schema.json), for CI and for sharing:
 * <pre>{"format": "paretowb-recipe", "version": 1, "prune": 0.5, "bits": 8, ...}</pre>
 * Every other field is a technique flag of the command line, named as the flag without its dashes and meaning
 * what the flag means; a field left out keeps the flag's default. A written file has every field. Unknown
 * fields, other formats and versions this workbench does not know are refused, never guessed at.
 */
public final class RecipeFile {
    public static final String FORMAT = "paretowb-recipe";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private RecipeFile() {
    }

    /** The field names a file may hold besides format and version, in the order a written file has them. */
    public static java.util.Set<String> fields() {
        return RecipeFields.DEFAULTS.keySet();
    }

    /** The file's text: the header, then every field. */
    public static String text(Recipe recipe) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        for (Map.Entry<String, Object> e : RecipeFields.of(recipe).values().entrySet()) {
            o.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
        }
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a recipe as JSON", e);
        }
    }

    public static Recipe read(Path file) throws RecipeFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RecipeFileException("no recipe file at " + file);
        } catch (IOException e) {
            throw new RecipeFileException(file + ": cannot be read as a UTF-8 text file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** The recipe in {@code text}; {@code source} names the file in messages. */
    public static Recipe parse(String text, String source) throws RecipeFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RecipeFileException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new RecipeFileException(source + ": a recipe file holds one JSON object ({\"format\": \"" + FORMAT
                    + "\", \"version\": " + VERSION + ", ...}), not " + (root == null ? "nothing" : root.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT)));
        }
        header(root, source);
        RecipeFields fields = new RecipeFields();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals("format") || name.equals("version")) {
                continue;
            }
            Object kind = RecipeFields.DEFAULTS.get(name);
            if (kind == null) {
                throw new RecipeFileException(source + ": unknown field '" + name + "' (a recipe of version " + VERSION
                        + " has " + String.join(", ", fields()) + ")");
            }
            fields.set(name, value(field.getValue(), kind, name, source));
        }
        return fields.recipe(source);
    }

    private static void header(JsonNode root, String source) throws RecipeFileException {
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.asText().equals(FORMAT)) {
            throw new RecipeFileException(source + ": not a recipe file: field 'format' must be \"" + FORMAT + "\", "
                    + (format == null ? "and there is none" : "not " + format));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 1) {
            throw new RecipeFileException(source + ": field 'version' must be a whole number (" + VERSION + "), "
                    + (version == null ? "and there is none" : "not " + version));
        }
        if (version.asLong() > VERSION) {
            throw new RecipeFileException(source + ": recipe version " + version.asLong() + " is newer than this"
                    + " workbench reads (version " + VERSION + "): use a newer workbench, or write the file again"
                    + " with version " + VERSION + "'s fields");
        }
    }

    /** The JSON value as the kind of the field's default (whole number, number, text or true/false). */
    private static Object value(JsonNode node, Object kind, String name, String source) throws RecipeFileException {
        if (kind instanceof Integer && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (kind instanceof Long && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (kind instanceof Double && node.isNumber()) {
            return node.doubleValue();
        }
        if (kind instanceof String && node.isTextual()) {
            return node.textValue();
        }
        if (kind instanceof Boolean && node.isBoolean()) {
            return node.booleanValue();
        }
        String wanted = kind instanceof Integer || kind instanceof Long ? "a whole number"
                : kind instanceof Double ? "a number" : kind instanceof String ? "a string" : "true or false";
        throw new RecipeFileException(source + ": field '" + name + "' must be " + wanted + ", not " + node);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
