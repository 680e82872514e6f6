package dev.asgd.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class LimitsTest {
    @Test
    void theMemoryLimitIsHalfTheHeapInDoubles() {
        assertThat(Limits.maxDoubles()).isEqualTo(Runtime.getRuntime().maxMemory() / 16);
        Limits.requireDoubles("x", 1, Limits.maxDoubles(), "things");
        assertThatThrownBy(() -> Limits.requireDoubles("steps", 7, 1e30, "records"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("steps");
                    assertThat(e.value()).isEqualTo("7");
                    assertThat(e.allowed()).contains("doubles of records").contains("GB heap").contains("1.0e30");
                });
        assertThatThrownBy(() -> Limits.requireDoubles("x", 1, Double.NaN, "things"))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void countsAreShort() {
        assertThat(Limits.sci(500)).isEqualTo("500");
        assertThat(Limits.sci(67_108_864)).isEqualTo("6.7e7");
        assertThat(Limits.sci(1e12)).isEqualTo("1.0e12");
    }

    @Test
    void atMostNamesTheLimitAndWhy() {
        assertThat(Limits.atMost("workers", 3, 1024, "threads")).isEqualTo(3);
        assertThatThrownBy(() -> Limits.atMost("workers", 100_000, 1024, "one thread each"))
                .hasMessageContaining("workers <= 1024 (one thread each)");
    }

    @Test
    void ioCausesAreOneLineWithoutExceptionNames() {
        assertThat(Limits.cause(new NoSuchFileException("a.csv"))).isEqualTo("no such file or directory: a.csv");
        assertThat(Limits.cause(new FileAlreadyExistsException("out"))).contains("a file of that name exists");
        assertThat(Limits.cause(new MalformedInputException(1))).startsWith("not UTF-8 text");
        assertThat(Limits.cause(new ZipException("Not in GZIP format"))).isEqualTo("not gzip data (Not in GZIP format)");
        assertThat(Limits.cause(new IOException("disk\nfull"))).isEqualTo("I/O error: disk full");
        InvalidParameterException e = Limits.fileError("data", Path.of("x.csv"), new NoSuchFileException("x.csv"),
                "a readable file");
        assertThat(e.getMessage()).isEqualTo("data = x.csv: allowed a readable file (no such file or directory: x.csv)")
                .doesNotContain("Exception");
    }
}
