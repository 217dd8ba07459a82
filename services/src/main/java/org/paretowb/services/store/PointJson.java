package org.paretowb.services.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.paretowb.models.input.Normalisation;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.recipe.Recipe;

/** Recipes, measurements and environments as JSON text (record components only), and back. */
final class PointJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PointJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A model's settings in a form of their own (so that the stored text does not follow the record's methods). */
    static String write(ModelSettings settings) {
        return write(new StoredSettings(settings.channels(), settings.height(), settings.width(),
                settings.normalisation().mean(), settings.normalisation().std(), settings.classNames()));
    }

    static ModelSettings settings(String json) {
        StoredSettings stored = read(json, StoredSettings.class);
        try {
            return new ModelSettings(stored.channels(), stored.height(), stored.width(),
                    new Normalisation(stored.mean(), stored.std()), stored.classNames());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WorkspaceException("stored model settings cannot be used: " + e.getMessage());
        }
    }

    private record StoredSettings(int channels, int height, int width, float[] mean, float[] std,
                                  java.util.List<String> classNames) {
    }

    static Recipe recipe(String json) {
        return read(json, Recipe.class);
    }

    static Measurement measurement(String json) {
        return read(json, Measurement.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String json) {
        return read(json, Map.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new WorkspaceException("a stored " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + " cannot be read: " + e.getOriginalMessage());
        }
    }
}
