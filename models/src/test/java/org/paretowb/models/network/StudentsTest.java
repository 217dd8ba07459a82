package org.paretowb.models.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StudentsTest {
    @Test
    void anMlpStudentOfATableModelStandardisesItsFeaturesToo() {
        NetworkSpec teacher = NetworkSpec.parse("1x1x13 flatten bn dense64 relu dense32 relu dense3");

        assertEquals("1x1x13 flatten bn dense16 relu dense3", Students.parse("mlp:16", teacher, 3).describe());
    }

    @Test
    void anMlpStudentOfAnImageModelTakesThePixelsAsTheyAre() {
        assertEquals("1x28x28 flatten dense64 relu dense10",
                Students.parse("mlp:64", Architecture.CNN.spec(), 10).describe());
    }
}
