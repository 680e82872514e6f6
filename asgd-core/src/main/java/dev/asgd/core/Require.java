package dev.asgd.core;

import java.util.Arrays;

/**
 * Checks parameter values at construction. Each check returns its argument so it can be used in
 * a record's compact constructor, and each failure names the parameter, the value and what is
 * allowed. Comparisons are written inverted ({@code !(x > 0)}) so that NaN fails them.
 */
public final class Require {
    private Require() {
    }

    /**
     * @param value the value to check
     * @param name the parameter's name
     * @return {@code value}, if it is finite and strictly positive
     */
    public static double positiveFinite(double value, String name) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException(name, value, name + " > 0 and finite");
        }
        return value;
    }

    /**
     * @param value the value to check
     * @param name the parameter's name
     * @return {@code value}, if it is finite and not negative
     */
    public static double nonNegativeFinite(double value, String name) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException(name, value, name + " >= 0 and finite");
        }
        return value;
    }

    /**
     * @param value the value to check
     * @param name the parameter's name
     * @return {@code value}, if it is finite
     */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(name, value, "a finite number");
        }
        return value;
    }

    /**
     * @param value the value to check
     * @param lower inclusive lower bound
     * @param upper exclusive upper bound
     * @param name the parameter's name
     * @return {@code value}, if {@code lower <= value < upper}
     */
    public static double inHalfOpen(double value, double lower, double upper, String name) {
        if (!(value >= lower && value < upper)) {
            throw new InvalidParameterException(name, value, lower + " <= " + name + " < " + upper);
        }
        return value;
    }

    /**
     * @param value the value to check
     * @param min inclusive minimum
     * @param name the parameter's name
     * @return {@code value}, if {@code value >= min}
     */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new InvalidParameterException(name, value, name + " >= " + min);
        }
        return value;
    }

    /**
     * @param value the value to check
     * @param min inclusive minimum
     * @param name the parameter's name
     * @return {@code value}, if {@code value >= min}
     */
    public static long atLeast(long value, long min, String name) {
        if (value < min) {
            throw new InvalidParameterException(name, value, name + " >= " + min);
        }
        return value;
    }

    /**
     * @param values the values to check (not modified)
     * @param name the parameter's name
     * @return a copy of {@code values}, if it is non-empty and every entry is finite and positive
     */
    public static double[] positiveFiniteAll(double[] values, String name) {
        if (values == null || values.length == 0) {
            throw new InvalidParameterException(name, "(empty)", "one or more values > 0");
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0 && values[i] < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException(name, Arrays.toString(values),
                        "every entry > 0 and finite (entry " + i + " is " + values[i] + ")");
            }
        }
        return values.clone();
    }

    /**
     * @param values the values to check (not modified)
     * @param name the parameter's name
     * @return a copy of {@code values}, if it is non-empty and every entry is finite and not negative
     */
    public static double[] nonNegativeFiniteAll(double[] values, String name) {
        if (values == null || values.length == 0) {
            throw new InvalidParameterException(name, "(empty)", "one or more values >= 0");
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException(name, Arrays.toString(values),
                        "every entry >= 0 and finite (entry " + i + " is " + values[i] + ")");
            }
        }
        return values.clone();
    }
}
