package org.paretowb.services.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.PointText;

/**
 * The idempotent key of a point of a sweep: the run, the recipe's place in it, and a hash of the model, the data and
 * the recipe. A point measured twice (a retried or speculative task, a resumed run) has one key, and the workspace
 * keeps one row per key.
 */
public final class PointKey {
    private PointKey() {
    }

    public static String of(String runId, int index, PointContext context, Recipe recipe) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(context.modelHash().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(context.dataHash().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(PointText.write(recipe).getBytes(StandardCharsets.UTF_8));
            return runId + "/" + index + "/" + HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
