package org.paretowb.services.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A search space as a JSON file (schema: services/docs/search-space.schema.json):
 * <pre>{"format": "paretowb-search-space", "version": 1,
 *  "knobs": {"prune": {"min": 0, "max": 0.9, "steps": 10}, "quant": {"values": ["fp32", "int8"]}}}</pre>
 * Each knob is a range ({@code min}, {@code max}, optionally {@code log} and the grid's {@code steps}) or a list of
 * {@code values}; knobs left out stay off. Unknown fields, knobs, formats and versions are refused, never guessed at.
 */
public final class SpaceFile {
    public static final String FORMAT = "paretowb-search-space";
    public static final int VERSION = 1;
    /** Grid steps of a range that does not say. */
    public static final int DEFAULT_STEPS = 5;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> TOP = Set.of("format", "version", "description", "knobs");
    private static final Set<String> KNOB = Set.of("min", "max", "log", "steps", "values");

    private SpaceFile() {
    }

    public static SearchSpace read(Path file) throws SpaceFileException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new SpaceFileException("no search-space file at " + file);
        } catch (IOException e) {
            throw new SpaceFileException(file + ": cannot be read as a UTF-8 text file (" + e.getMessage() + ")");
        }
    }

    /** The space in {@code text}; {@code source} names the file in messages. */
    public static SearchSpace parse(String text, String source) throws SpaceFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SpaceFileException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new SpaceFileException(source + ": a search-space file holds one JSON object ({\"format\": \"" + FORMAT
                    + "\", \"version\": " + VERSION + ", \"knobs\": {...}})");
        }
        header(root, source);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP.contains(name)) {
                throw new SpaceFileException(source + ": unknown field '" + name + "' (a search space of version "
                        + VERSION + " has format, version, description and knobs)");
            }
        }
        JsonNode knobs = root.get("knobs");
        if (knobs == null || !knobs.isObject() || knobs.isEmpty()) {
            throw new SpaceFileException(source + ": field 'knobs' must be an object with at least one knob ("
                    + String.join(", ", RecipeKnobs.NAMES) + ")");
        }
        List<Knob> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = knobs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            list.add(knob(e.getKey(), e.getValue(), source));
        }
        try {
            return new SearchSpace(list);
        } catch (IllegalArgumentException e) {
            throw new SpaceFileException(source + ": " + e.getMessage());
        }
    }

    private static void header(JsonNode root, String source) throws SpaceFileException {
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.asText().equals(FORMAT)) {
            throw new SpaceFileException(source + ": not a search-space file: field 'format' must be \"" + FORMAT
                    + "\", " + (format == null ? "and there is none" : "not " + format));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != VERSION) {
            throw new SpaceFileException(source + ": search-space version " + (version == null ? "missing" : version)
                    + " is not one this workbench reads (version " + VERSION + ")");
        }
    }

    private static Knob knob(String name, JsonNode node, String source) throws SpaceFileException {
        String where = source + ": knob '" + name + "'";
        if (!RecipeKnobs.NAMES.contains(name)) {
            throw new SpaceFileException(source + ": unknown knob '" + name + "' (knobs: "
                    + String.join(", ", RecipeKnobs.NAMES) + ")");
        }
        if (!node.isObject()) {
            throw new SpaceFileException(where + " must be an object: {\"min\": .., \"max\": ..} or {\"values\": [..]}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!KNOB.contains(f)) {
                throw new SpaceFileException(where + ": unknown field '" + f + "' (a knob has min, max, log, steps or"
                        + " values)");
            }
        }
        JsonNode values = node.get("values");
        try {
            if (values != null) {
                if (node.has("min") || node.has("max") || node.has("log") || node.has("steps")) {
                    throw new SpaceFileException(where + ": give either values or a range (min, max, log, steps)");
                }
                return choices(name, values, where);
            }
            JsonNode min = node.get("min");
            JsonNode max = node.get("max");
            if (min == null || max == null || !min.isNumber() || !max.isNumber()) {
                throw new SpaceFileException(where + ": a range needs numbers min and max (or give values)");
            }
            JsonNode log = node.get("log");
            if (log != null && !log.isBoolean()) {
                throw new SpaceFileException(where + ": log must be true or false, not " + log);
            }
            JsonNode steps = node.get("steps");
            if (steps != null && !(steps.isIntegralNumber() && steps.canConvertToInt())) {
                throw new SpaceFileException(where + ": steps must be a whole number, not " + steps);
            }
            return Knob.range(name, min.doubleValue(), max.doubleValue(), log != null && log.booleanValue(),
                    steps == null ? DEFAULT_STEPS : steps.intValue());
        } catch (IllegalArgumentException e) {
            throw new SpaceFileException(source + ": " + e.getMessage());
        }
    }

    private static Knob choices(String name, JsonNode values, String where) throws SpaceFileException {
        if (!values.isArray() || values.isEmpty()) {
            throw new SpaceFileException(where + ": values must be a list of at least one choice");
        }
        if (name.equals("quant")) {
            List<String> labels = new ArrayList<>();
            for (JsonNode v : values) {
                if (!v.isTextual()) {
                    throw new SpaceFileException(where + ": values must be names (" + String.join(", ", RecipeKnobs.QUANT)
                            + "), not " + v);
                }
                labels.add(v.textValue().toLowerCase(Locale.ROOT));
            }
            return Knob.categorical(name, labels);
        }
        List<Double> numbers = new ArrayList<>();
        for (JsonNode v : values) {
            if (!v.isNumber()) {
                throw new SpaceFileException(where + ": values must be numbers, not " + v);
            }
            numbers.add(v.doubleValue());
        }
        return Knob.ordinal(name, numbers);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
