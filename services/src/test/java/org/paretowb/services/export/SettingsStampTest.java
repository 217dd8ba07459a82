package org.paretowb.services.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.input.Normalisation;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.input.SettingsText;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.onnx.OnnxImporter;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.StringStringEntryProto;

/** The settings an export writes into ONNX and .pwb files read back as they were, and the files stay readable. */
class SettingsStampTest {
    private static final ModelSettings SETTINGS = new ModelSettings(1, 28, 28,
            new Normalisation(new float[] {0.2860f}, new float[] {0.3530f}), FashionMnist.CLASS_NAMES);

    @Test
    void anOnnxFileGetsTheSettingsAsMetadataAndKeepsItsOtherEntries() throws Exception {
        WeightSet mlp = new ExampleWeights().load(Architecture.MLP);
        ModelProto.Builder withOther = ModelProto.parseFrom(new OnnxExporter().export(mlp)).toBuilder()
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("author").setValue("someone"))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("mean").setValue("0.5"));
        byte[] stamped = SettingsStamp.write(withOther.build().toByteArray(), ModelFormat.ONNX, SETTINGS);
        Map<String, String> metadata = new OnnxImporter().metadata(stamped);
        assertEquals("someone", metadata.get("author"));
        assertEquals("0.286", metadata.get("mean"), "the old mean is replaced");
        assertEquals("1,28,28", metadata.get("input_shape"));
        assertEquals(SETTINGS, SettingsText.read(metadata, ModelSettings.of(mlp.spec())));
        assertEquals(mlp.spec(), new OnnxImporter().read(stamped, "stamped.onnx").spec(), "it still imports");
    }

    @Test
    void aPwbFileCarriesTheSettingsAfterItsWeightsAndOldFilesReadAsStatingNone() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);
        byte[] plain = new WeightCodec().encode(cnn);
        assertEquals(Map.of(), SettingsStamp.read(plain, ModelFormat.PWB), "an older .pwb states nothing");
        byte[] stamped = SettingsStamp.write(plain, ModelFormat.PWB, SETTINGS);
        assertTrue(stamped.length > plain.length);
        WeightSet back = new WeightCodec().read(new ByteArrayInputStream(stamped), "stamped.pwb");
        assertEquals(cnn.tensors().size(), back.tensors().size(), "the weights read as before");
        assertEquals(SETTINGS, SettingsText.read(SettingsStamp.read(stamped, ModelFormat.PWB),
                ModelSettings.of(cnn.spec())));
        byte[] again = SettingsStamp.write(stamped, ModelFormat.PWB,
                SETTINGS.withClassNames(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")));
        assertEquals(stamped.length - String.join(",", FashionMnist.CLASS_NAMES).length() + 19, again.length,
                "writing again replaces the block");
    }
}
