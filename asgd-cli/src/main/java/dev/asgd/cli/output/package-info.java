/**
 * The JSON views of the command line: one record per JSON object, serialised by
 * {@link dev.asgd.report.json.Json} (record component names are the keys, non-finite doubles
 * become null). A component annotated {@code @JsonInclude(NON_NULL)} is a key that only some runs
 * have; {@code @JsonProperty} gives a key that is not a Java identifier or not in Java's case
 * convention ({@code C}, {@code P}, {@code final}); {@code @JsonUnwrapped} writes a nested record's
 * keys into its parent (the model's keys at the head of each command's {@code params}). The one
 * map is {@link SeriesRecord#quantilesAbsError()}, whose keys are the requested quantile levels.
 */
package dev.asgd.cli.output;
