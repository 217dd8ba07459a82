package org.paretowb.services.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ComputeDeviceTest {
    @Test
    void theSettingReadsCpuGpuAndCudaDevicesAndRefusesAnythingElseWithItsName() {
        assertEquals(-1, ComputeDevice.parse(null));
        assertEquals(-1, ComputeDevice.parse("CPU"));
        assertEquals(0, ComputeDevice.parse("gpu"));
        assertEquals(1, ComputeDevice.parse("cuda:1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeDevice.parse("tpu"));
        assertEquals("paretowb.device must be cpu, gpu or cuda:N, not 'tpu'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComputeDevice.parse("cuda:-1"));
    }

    @Test
    void aCpuBuildOfOnnxRuntimeFallsBackToTheCpuAndSaysToBuildWithTheGpuProfile() {
        ComputeDevice d = OrtDevices.open(0, EnumSet.of(OrtProvider.CPU), gpu -> {
            throw new AssertionError("a CPU build is not asked to open a CUDA device");
        });
        assertFalse(d.gpu());
        assertEquals("CPU", d.describe());
        assertTrue(d.message().startsWith("no GPU: this ONNX Runtime is a CPU build (build the workbench with -Pgpu"),
                d.message());
    }

    @Test
    void aCudaBuildWhoseDeviceDoesNotOpenFallsBackToTheCpuWithOnnxRuntimesReason() {
        ComputeDevice d = OrtDevices.open(0, EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA),
                gpu -> "libcudart.so.12: cannot open shared object file");
        assertFalse(d.gpu());
        assertEquals("no GPU: CUDA device 0 cannot be opened (libcudart.so.12: cannot open shared object file);"
                + " measuring on the CPU", d.message());
    }

    @Test
    void onnxRuntimesReasonIsKeptWithoutItsSourceLocation() {
        assertEquals("Failed to load library libonnxruntime_providers_cuda.so with error: libcublasLt.so.12: cannot open"
                + " shared object file: No such file or directory", OrtDevices.reason("Error code - ORT_RUNTIME_EXCEPTION"
                + " - message: /onnxruntime_src/onnxruntime/core/session/provider_bridge_ort.cc:1695"
                + " onnxruntime::Provider& onnxruntime::ProviderLibrary::Get() [ONNXRuntimeError] : 1 : FAIL : Failed"
                + " to load library libonnxruntime_providers_cuda.so with error: libcublasLt.so.12: cannot open shared"
                + " object file: No such file or directory\n"));
    }

    @Test
    void aCudaDeviceThatOpensIsUsedAndNamed() {
        ComputeDevice d = OrtDevices.open(1, EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA), gpu -> null);
        assertTrue(d.gpu());
        assertNull(d.fallback());
        assertEquals("CUDA GPU 1", d.describe());
    }
}
