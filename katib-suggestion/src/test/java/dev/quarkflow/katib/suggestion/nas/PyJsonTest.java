package dev.quarkflow.katib.suggestion.nas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PyJsonTest {

    @Test
    void floatsFollowPythonsRepr() {
        assertThat(PyJson.pythonFloat(3e-4)).isEqualTo("0.0003");
        assertThat(PyJson.pythonFloat(1e-5)).isEqualTo("1e-05");
        assertThat(PyJson.pythonFloat(5.0)).isEqualTo("5.0");
        assertThat(PyJson.pythonFloat(1.5e20)).isEqualTo("1.5e+20");
        assertThat(PyJson.pythonFloat(-0.25)).isEqualTo("-0.25");
    }
}
