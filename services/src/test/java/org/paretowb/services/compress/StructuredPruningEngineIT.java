package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.models.recipe.StructuredPruningSettings.Norm;

/** The rebuilt network computes what the original computes with the removed units silenced. */
class StructuredPruningEngineIT {
    private static EngineFixture engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = new EngineFixture();
    }

    @Test
    void rebuiltNetworksGiveTheMaskedOriginalsLogits() throws Exception {
        ChannelPruner pruner = new ChannelPruner();
        for (Architecture architecture : Architecture.values()) {
            WeightSet original = new ExampleWeights().load(architecture);
            for (double ratio : new double[] {0.25, 0.5, 0.75}) {
                for (Norm norm : Norm.values()) {
                    ChannelPruner.Plan plan = pruner.plan(original, new StructuredPruningSettings(ratio, norm));
                    WeightSet rebuilt = pruner.rebuild(original, plan);

                    assertEquals(EngineFixture.IMAGES * 10, engine.logits(rebuilt).length);
                    float worst = engine.maxDifference(rebuilt, pruner.mask(original, plan));
                    assertTrue(worst <= 1e-4, architecture + " " + ratio + " " + norm + ": max |diff| " + worst);
                }
            }
        }
    }

    @Test
    void rebuiltGraphsGiveTheMaskedOriginalsLogits() {
        ChannelPruner pruner = new ChannelPruner();
        for (String description : GraphNetworks.all()) {
            WeightSet original = GraphNetworks.random(description, 5);
            for (StructuredPruningSettings.Scope scope : StructuredPruningSettings.Scope.values()) {
                for (double ratio : new double[] {0.25, 0.5}) {
                    StructuredPruningSettings settings = new StructuredPruningSettings(ratio, Norm.L2, scope);
                    ChannelPruner.Plan plan = pruner.plan(original, settings);
                    WeightSet rebuilt = pruner.rebuild(original, plan);

                    assertTrue(rebuilt.parameters() < original.parameters(), description + " " + settings);
                    float worst = engine.maxDifference(rebuilt, pruner.mask(original, plan));
                    assertTrue(worst <= 1e-4, description + " " + settings + ": max |diff| " + worst);
                }
            }
        }
    }
}
