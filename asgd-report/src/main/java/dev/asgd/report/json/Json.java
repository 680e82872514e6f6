package dev.asgd.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.asgd.theory.DampingRegime;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper: every command's JSON (one object on stdout) and the report's results.json.
 * Records are written by component name. Non-finite numbers (an infinite beta when sigma = 0, a NaN
 * of an absent quantity; double, Double and double[]) become null, so that every JSON parser,
 * pandas included, reads it; a {@link DampingRegime} is written as its label
 * ({@code underdamped}, ...), as everywhere else in the JSON.
 */
public final class Json {
    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    /** @return the shared mapper (thread-safe once configured) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param value a record (a command's JSON view, results.json's outcome, a library result) or a
     *     list, array, number or string
     * @return its pretty-printed JSON
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper create() {
        SimpleModule finite = new SimpleModule("finite-numbers");
        finite.addSerializer(Double.class, new FiniteDoubleSerializer());
        finite.addSerializer(double.class, new FiniteDoubleSerializer());
        finite.addSerializer(double[].class, new FiniteDoubleArraySerializer());
        finite.addSerializer(DampingRegime.class, new RegimeLabelSerializer());
        ObjectMapper m = new ObjectMapper();
        m.registerModule(finite);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        return m;
    }

    private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    private static final class FiniteDoubleArraySerializer extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartArray();
            for (double v : value) {
                if (Double.isFinite(v)) {
                    gen.writeNumber(v);
                } else {
                    gen.writeNull();
                }
            }
            gen.writeEndArray();
        }
    }

    private static final class RegimeLabelSerializer extends JsonSerializer<DampingRegime> {
        @Override
        public void serialize(DampingRegime value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeString(value.label());
        }
    }
}
